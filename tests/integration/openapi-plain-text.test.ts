/**
 * The OpenAPI document tells frontends which fields are plain text to escape
 * (issue 13): title, summary, seo.*, source and every name; body_html is the one
 * HTML field.
 */
import { SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { PLAIN_TEXT } from '../../schema/api/plain-text'

type Schema = { description?: string; properties?: Record<string, Schema>; items?: Schema; $ref?: string; anyOf?: Schema[]; oneOf?: Schema[] }
let spec: { paths: Record<string, any>; components: { schemas: Record<string, Schema> } }

beforeAll(async () => {
  spec = (await (await SELF.fetch('http://127.0.0.1:8787/api/openapi.json')).json()) as typeof spec
})

const deref = (s: Schema): Schema => (s.$ref ? deref(spec.components.schemas[s.$ref.split('/').pop()!]!) : s)
/** The schema at a dotted path (`tags[].name`), through refs and nullable unions. */
function at(root: Schema, path: string): Schema {
  return path.split('.').reduce((s, key) => {
    const node = deref(s)
    const list = key.endsWith('[]')
    const prop = deref(node.properties?.[list ? key.slice(0, -2) : key] ?? node.anyOf?.find((x) => deref(x).properties)?.properties?.[key] ?? {})
    return list ? deref(prop.items ?? {}) : prop
  }, root)
}
const says = (s: Schema) => JSON.stringify(s)

describe('plain-text fields in the OpenAPI document', () => {
  it.each(['title', 'summary', 'source', 'seo.title', 'seo.description', 'tags[].name', 'authors[].name', 'category.name', 'cover.caption', 'cover.alt', 'cover.credit'])(
    'public Article.%s says plain text',
    (path) => {
      expect(says(at(spec.components.schemas.Article!, path))).toContain(PLAIN_TEXT)
    },
  )

  it.each(['Tag', 'Author', 'Category'])('%s.name says plain text', (name) => {
    expect(says(at(spec.components.schemas[name]!, 'name'))).toContain(PLAIN_TEXT)
  })

  it('body_html says it is the HTML field, not plain text', () => {
    const body = says(at(spec.components.schemas.Article!, 'body_html'))
    expect(body).toContain('Sanitized HTML')
    expect(body).not.toContain(PLAIN_TEXT)
  })

  it('the article create body says it too', () => {
    const create = spec.paths['/api/admin/articles'].post.requestBody.content['application/json'].schema as Schema
    for (const path of ['title', 'summary', 'source', 'seo.title', 'seo.description']) expect(says(at(create, path)), path).toContain(PLAIN_TEXT)
  })
})
