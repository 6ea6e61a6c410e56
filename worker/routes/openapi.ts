import type { Context, Hono } from 'hono'
import { generateSpecs, type GenerateSpecOptions } from 'hono-openapi'

const options: Partial<GenerateSpecOptions> = {
  documentation: {
    openapi: '3.1.0',
    info: {
      title: 'Tin Edge CMS API',
      version: '1.0.0',
      description:
        'Headless CMS for news. The public API (`/api/v1`) serves published content only; ' +
        'the admin API (`/api/admin`) serves editors. Lists use keyset pagination (`next_cursor`). ' +
        'Errors are `{ "error": { "code", "message", "details" } }`.',
    },
    servers: [{ url: '/', description: 'This site' }],
  },
  exclude: ['/api/openapi.json', '/api/docs'],
}

type Spec = Awaited<ReturnType<typeof generateSpecs>>
let cached: Promise<Spec> | undefined

/**
 * OpenAPI 3.1 generated from the valibot schemas the routes validate with, so the
 * document cannot drift from what the API accepts. Built once per isolate.
 */
export function openApiSpec(app: Hono<{ Bindings: Env }>, c: Context): Promise<Spec> {
  cached ??= generateSpecs(app, options, c).catch((err) => {
    cached = undefined
    throw err
  })
  return cached
}
