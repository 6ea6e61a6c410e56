/**
 * The webhook receiver of the workers test project: Miniflare's `outboundService`,
 * which answers every `fetch()` the worker (and the test code) makes to the outside.
 * It runs in Node, beside workerd. Nothing reaches the network: a partner's endpoint
 * is not part of the platform under test, so the tests script it here, while the
 * worker's own bindings (D1, KV, R2) stay real.
 *
 * - `https://hooks.receiver.test/<bin>/<script>`: records the request in `<bin>` and
 *   answers by `<script>`: `ok` (200), `fail-<n>` (500 for the bin's first n
 *   requests, then 200), `gone` (410), `redirect` (302 to a loopback URL),
 *   `slow-<ms>` (200 after that many milliseconds).
 * - `https://control.receiver.test/<bin>`: the bin's recorded requests as JSON
 *   (`{ url, headers, body }[]`), for the test code to read.
 * - anything else: 502, as an unreachable host.
 */
export interface Received {
  url: string
  headers: Record<string, string>
  body: string
}

const bins = new Map<string, Received[]>()

export async function outboundReceiver(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const [bin = '', script = 'ok'] = url.pathname.slice(1).split('/')
  if (url.hostname === 'control.receiver.test') return Response.json(bins.get(bin) ?? [])
  if (url.hostname !== 'hooks.receiver.test') return new Response('no network in tests', { status: 502 })
  const seen = bins.get(bin) ?? []
  seen.push({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() })
  bins.set(bin, seen)
  const failures = /^fail-(\d+)$/.exec(script)
  if (failures) return seen.length <= Number(failures[1]) ? new Response('upstream exploded', { status: 500 }) : new Response('ok')
  if (script === 'gone') return new Response('gone', { status: 410 })
  if (script === 'redirect') return new Response(null, { status: 302, headers: { Location: 'http://127.0.0.1/admin' } })
  const slow = /^slow-(\d+)$/.exec(script)
  if (slow) await new Promise((r) => setTimeout(r, Number(slow[1])))
  return new Response('ok')
}
