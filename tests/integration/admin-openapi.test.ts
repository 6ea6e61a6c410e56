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
  })
})
