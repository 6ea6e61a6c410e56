import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { getJson } from '../helpers/fixtures'

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every public endpoint with its parameters', async () => {
    const { status, body } = await getJson('/api/openapi.json')
    expect(status).toBe(200)
    expect(body.openapi).toBe('3.1.0')
    for (const path of ['/api/v1/articles', '/api/v1/articles/{id}', '/api/v1/articles/slug/{slug}', '/api/v1/categories', '/api/v1/categories/{slug}', '/api/v1/tags', '/api/v1/authors']) {
      expect(body.paths[path]?.get, path).toBeDefined()
    }
    const list = body.paths['/api/v1/articles'].get
    const params = list.parameters.map((p: any) => p.name)
    expect(params).toEqual(expect.arrayContaining(['limit', 'cursor', 'sort', 'category', 'tag', 'author', 'since', 'until', 'fields', 'featured']))
    expect(list.parameters.find((p: any) => p.name === 'sort').schema.enum).toContain('-published_at')
    for (const path of ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/sitemap.xml', '/sitemaps/{file}', '/sitemap-news.xml', '/robots.txt']) {
      expect(body.paths[path]?.get, path).toBeDefined()
    }
    const rss = body.paths['/feeds/rss.xml'].get
    expect(rss.parameters.map((p: any) => p.name)).toEqual(['category'])
    expect(Object.keys(rss.responses['200'].content)).toEqual(['application/rss+xml'])
    expect(rss.responses['404'].content['application/json']).toBeDefined()
    expect(Object.keys(body.paths['/feeds/feed.json'].get.responses['200'].content)).toEqual(['application/feed+json'])
    expect(body.components.schemas.Article.required).toEqual(expect.arrayContaining(['id', 'slug', 'title', 'published_at', 'views']))
  })
})

describe('docs page', () => {
  it('renders every endpoint and loads nothing from another host', async () => {
    const res = await SELF.fetch('http://127.0.0.1:8787/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await res.text()
    expect(html).toContain('/api/v1/articles/slug/{slug}')
    expect(html).toContain('List published articles')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i)
  })
})

describe('errors everywhere are JSON', () => {
  it('answers an unknown route with the 404 envelope', async () => {
    const { status, body } = await getJson('/api/v1/nothing-here')
    expect(status).toBe(404)
    expect(body.error).toEqual({ code: 'not_found', message: expect.any(String), details: [] })
  })
})
