/**
 * Every operation the worker documents in /api/openapi.json, plus the paths it
 * serves outside the document (media, docs, the index) and the ones DESIGN.md
 * names that may not exist yet (feeds, sitemaps): they must answer 404, not 500.
 */
import type { Schema } from './values.ts'

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  schema: Schema
}

export interface Operation {
  method: string
  /** The path template, `{id}` style. */
  path: string
  parameters: Parameter[]
  body: Schema | null
}

const EXTRA: Operation[] = [
  { method: 'GET', path: '/media/{key}', parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }], body: null },
  ...['/', '/api/docs', '/api/openapi.json', '/admin/', '/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/sitemap.xml', '/robots.txt', '/api/v1/redirects'].map(
    (path): Operation => ({ method: 'GET', path, parameters: [], body: null }),
  ),
]

export function operationsFrom(openapi: any): Operation[] {
  const documented = Object.entries(openapi.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]): Operation => ({
      method: method.toUpperCase(),
      path,
      parameters: (op.parameters ?? []) as Parameter[],
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
    })),
  )
  return [...documented, ...EXTRA]
}

/** Resolves `#/components/schemas/X` against the document. */
export const resolverFor = (openapi: any) => (ref: string): Schema => openapi.components?.schemas?.[ref.split('/').at(-1)!] ?? {}
