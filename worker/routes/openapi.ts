import type { AppEnv } from '../middleware/database'
import type { Context, Hono } from 'hono'
import { generateSpecs, type GenerateSpecOptions } from 'hono-openapi'
import { SESSION_COOKIE } from '../lib/session-cookie'

type Security = Record<string, string[]>[]

/**
 * How a staff request signs in: the `tin_session` cookie set by `POST /api/admin/session`,
 * or a personal access token as `Authorization: Bearer tin_pat_…`.
 */
const securitySchemes = {
  cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The browser session from `POST /api/admin/session`.' },
  bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal access token from `POST /api/admin/tokens`.' },
  partnerKey: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Api-Key',
    description: 'A partner API key (`tin_key_…`), also accepted as `Authorization: Bearer tin_key_…`: optional unless the site requires keys (docs/partners.md).',
  },
} as const

/** Public content and feeds: anyone (`{}`), or a partner key that narrows and counts. */
const OPEN_OR_KEY: Security = [{}, { partnerKey: [] }]
/** Public routes that never look at a key. */
const KEYLESS = /^\/api\/v1\/(?:health|preview\/|articles\/\{id\}\/views)/

/** The default for every admin operation: staff only, by cookie or token. */
const STAFF: Security = [{ cookieAuth: [] }, { bearerAuth: [] }]

/** Operations that need the browser session, not a token (signing out, minting tokens). */
export const SESSION_ONLY: Security = [{ cookieAuth: [] }]

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
    components: { securitySchemes },
    security: STAFF,
  },
  exclude: ['/api/openapi.json', '/api/docs'],
  // hono-openapi leaves out paths whose last segment has a dot as if they were static
  // files; the feeds, sitemaps and robots.txt are API routes with such names.
  excludeStaticFile: false,
}

type Spec = Awaited<ReturnType<typeof generateSpecs>>
/** The document once built: plain data, so no request ever waits on another's promise. */
let cached: Spec | undefined

/**
 * Everything outside /api/admin is public: its operations say `security: []`, or for
 * content and feeds `[{}, { partnerKey: [] }]` (anyone, or with a key), unless a
 * route declared its own. Decided here by path, once, so a new public route cannot be
 * documented as staff-only by forgetting a line.
 */
const takesKey = (path: string) => (path.startsWith('/api/v1/') || path.startsWith('/feeds/')) && !KEYLESS.test(path)

function markPublicOperations(spec: Spec): Spec {
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    if (path.startsWith('/api/admin')) continue
    for (const op of Object.values(item ?? {})) {
      if (op && typeof op === 'object' && 'responses' in op) (op as { security?: Security }).security ??= takesKey(path) ? OPEN_OR_KEY : []
    }
  }
  return spec
}

/**
 * OpenAPI 3.1 generated from the valibot schemas the routes validate with, so the
 * document cannot drift from what the API accepts. Built once per isolate.
 */
export async function openApiSpec(app: Hono<AppEnv>, c: Context): Promise<Spec> {
  cached ??= markPublicOperations(await generateSpecs(app, options, c))
  return cached
}
