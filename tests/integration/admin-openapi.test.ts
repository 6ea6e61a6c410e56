import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { getJson } from '../helpers/fixtures'

describe('OpenAPI for the admin content API', () => {
  it('documents every content route with its request schema', async () => {
    const { status, body } = await getJson('/api/openapi.json')
    expect(status).toBe(200)
    const paths = Object.keys(body.paths)
    for (const p of [
      '/api/admin/articles',
      '/api/admin/articles/{id}',
      '/api/admin/articles/{id}/publish',
      '/api/admin/articles/{id}/schedule',
      '/api/admin/articles/{id}/submit',
      '/api/admin/articles/{id}/unpublish',
      '/api/admin/articles/{id}/archive',
      '/api/admin/articles/{id}/restore',
      '/api/admin/articles/{id}/purge',
      '/api/admin/articles/{id}/revisions',
      '/api/admin/articles/{id}/revisions/{rev}',
      '/api/admin/articles/{id}/revisions/{rev}/restore',
      '/api/admin/articles/{id}/preview-link',
      '/api/admin/categories/{id}',
      '/api/admin/tags/{id}',
      '/api/admin/authors/{id}',
      '/api/admin/media',
      '/api/admin/media/{id}',
      '/api/v1/preview/{token}',
    ]) {
      expect(paths, p).toContain(p)
    }
    const create = body.paths['/api/admin/articles'].post.requestBody.content['application/json'].schema
    expect(create.additionalProperties).toBe(false)
    expect(create.required).toEqual(['title'])
    expect(Object.keys(create.properties)).toEqual(expect.arrayContaining(['title', 'body_html', 'tags', 'author_ids', 'cover', 'seo', 'slug']))
    const patch = body.paths['/api/admin/articles/{id}'].patch
    expect(patch.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toContain('header:if-match')
    const media = body.paths['/api/admin/media']
    expect(Object.keys(media)).toEqual(expect.arrayContaining(['get', 'post']))
    expect(media.post.requestBody.content['multipart/form-data'].schema.required).toEqual(['file'])
    expect(Object.keys(media.post.responses)).toEqual(expect.arrayContaining(['200', '201', '413', '415', '422']))
    expect(Object.keys(body.paths['/api/admin/media/{id}'])).toEqual(expect.arrayContaining(['get', 'patch', 'delete']))
    expect(body.paths['/api/admin/media/{id}'].patch.requestBody.content['application/json'].schema.additionalProperties).toBe(false)

    expect(body.components.securitySchemes).toEqual({
      cookieAuth: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'tin_session' }),
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      partnerKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }),
    })
    expect(body.security).toEqual([{ cookieAuth: [] }, { bearerAuth: [] }])
    expect(body.paths['/api/admin/articles/{id}'].patch.security).toBeUndefined()
    expect(body.paths['/api/admin/session'].post.security).toEqual([])
    expect(body.paths['/api/admin/tokens'].post.security).toEqual([{ cookieAuth: [] }])
    expect(body.paths['/api/v1/articles'].get.security).toEqual([{}, { partnerKey: [] }])
    expect(body.paths['/api/v1/health'].get.security).toEqual([])
  })

  it('documents as staff-only exactly the operations that refuse an anonymous caller', async () => {
    const { body } = await getJson('/api/openapi.json')
    const example: Record<string, string> = { id: '1', rev: '1', slug: 'khong-co', token: 'a.b' }
    let checked = 0
    for (const [path, methods] of Object.entries(body.paths as Record<string, Record<string, { security?: unknown[] }>>)) {
      for (const [method, op] of Object.entries(methods)) {
        const security = op.security ?? body.security
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => example[name] ?? 'x')
        const res = await SELF.fetch(`http://127.0.0.1:8787${url}`, {
          method: method.toUpperCase(),
          headers: { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1:8787' },
          body: method === 'get' || method === 'head' ? undefined : '{}',
        })
        await res.arrayBuffer()
        if (path.startsWith('/api/admin') && path !== '/api/admin/session') expect(security, `${method} ${path}`).not.toEqual([])
        // `{}` among the alternatives: no credentials needed (public content takes an optional partner key).
        const open = security.length === 0 || security.some((s: object) => Object.keys(s).length === 0)
        if (open) expect(res.status, `${method} ${path} is documented as public`).not.toBe(401)
        else expect(res.status, `${method} ${path} is documented as staff-only`).toBe(401)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(40)
  })
})
