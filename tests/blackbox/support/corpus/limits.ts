/**
 * The sizes the admin API accepts, read from the OpenAPI document the worker
 * serves (generated from schema/api/), so the corpus goes right up to what an
 * editor may send and follows the schema when it changes.
 */
export interface Limits {
  title: number
  summary: number
  body: number
  tags: number
  tagName: number
  authors: number
  authorName: number
  categoryName: number
}

type Schema = { maxLength?: number; maxItems?: number; items?: Schema; properties?: Record<string, Schema> }

function bodySchema(openapi: any, path: string): Record<string, Schema> {
  const props = openapi?.paths?.[path]?.post?.requestBody?.content?.['application/json']?.schema?.properties
  if (!props) throw new Error(`/api/openapi.json documents no JSON body for POST ${path}`)
  return props
}

function need(value: number | undefined, what: string): number {
  if (typeof value !== 'number') throw new Error(`/api/openapi.json gives no limit for ${what}`)
  return value
}

export function limitsFrom(openapi: unknown): Limits {
  const article = bodySchema(openapi, '/api/admin/articles')
  return {
    title: need(article.title?.maxLength, 'title'),
    summary: need(article.summary?.maxLength, 'summary'),
    body: need(article.body_html?.maxLength, 'body_html'),
    tags: need(article.tags?.maxItems, 'tags'),
    tagName: need(article.tags?.items?.maxLength, 'a tag name'),
    authors: need(article.author_ids?.maxItems, 'author_ids'),
    authorName: need(bodySchema(openapi, '/api/admin/authors').name?.maxLength, "an author's name"),
    categoryName: need(bodySchema(openapi, '/api/admin/categories').name?.maxLength, "a category's name"),
  }
}
