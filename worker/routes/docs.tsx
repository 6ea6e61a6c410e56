import type { AppEnv } from '../middleware/database'
import type { Context, Hono } from 'hono'
import type { FC } from 'hono/jsx'
import { openApiSpec } from './openapi'

type Operation = { summary?: string; description?: string; tags?: string[]; parameters?: Parameter[] }
type Parameter = { name: string; in: string; required?: boolean; schema?: { type?: string; enum?: string[] }; description?: string }
type Spec = { info: { title: string; description?: string }; paths: Record<string, Record<string, Operation>> }

const style = `body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2433}
h2{border-bottom:1px solid #dde;margin-top:2rem}.op{border:1px solid #dde;border-radius:6px;margin:.6rem 0;padding:.5rem .8rem}
.m{display:inline-block;min-width:4.5em;font-weight:700}.GET{color:#0a7}.POST{color:#06c}.PATCH{color:#a60}.DELETE{color:#c33}
code{background:#f3f4f8;padding:0 .25em;border-radius:3px}table{border-collapse:collapse;margin:.4rem 0}td{padding:.1rem .6rem .1rem 0;vertical-align:top}`

const Params: FC<{ params: Parameter[] }> = ({ params }) => (
  <table>
    {params.map((p) => (
      <tr>
        <td><code>{p.name}</code></td>
        <td>{p.in}{p.required ? ', required' : ''}</td>
        <td>{p.schema?.enum ? p.schema.enum.join(' | ') : (p.schema?.type ?? '')}</td>
      </tr>
    ))}
  </table>
)

/**
 * `/api/docs`: a reference page rendered on the server from the OpenAPI document.
 * It loads nothing from the internet (no CDN script), so it works offline and under
 * a strict CSP.
 */
export const docsPage = (app: Hono<AppEnv>) => async function docs(c: Context) {
  const spec = (await openApiSpec(app, c)) as unknown as Spec
  const groups = new Map<string, { method: string; path: string; op: Operation }[]>()
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'Other'
      groups.set(tag, [...(groups.get(tag) ?? []), { method: method.toUpperCase(), path, op }])
    }
  }
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
  c.header('X-Frame-Options', 'DENY')
  return c.html(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>{spec.info.title}</title>
        <style>{style}</style>
      </head>
      <body>
        <h1>{spec.info.title}</h1>
        <p>{spec.info.description}</p>
        <p>Machine-readable: <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI 3.1).</p>
        {[...groups].map(([tag, ops]) => (
          <section>
            <h2>{tag}</h2>
            {ops.map(({ method, path, op }) => (
              <div class="op">
                <span class={`m ${method}`}>{method}</span> <code>{path}</code> — {op.summary}
                {op.description ? <p>{op.description}</p> : null}
                {op.parameters?.length ? <Params params={op.parameters} /> : null}
              </div>
            ))}
          </section>
        ))}
      </body>
    </html>,
  )
}
