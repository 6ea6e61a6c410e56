/**
 * A partner's webhook endpoint: a real node:http server on 127.0.0.1 (the worker
 * reaches it because the file serves with WEBHOOK_ALLOW_PRIVATE=1). Each path
 * `/<bin>/<script>` records what arrived in its bin and answers by its script:
 * `ok` (200), `fail-<n>` (500 for the bin's first n requests, then 200).
 *
 * @example
 * const receiver = await startReceiver()
 * await api.post('/webhooks', { url: receiver.url('partner', 'ok'), events: [...] })
 * const [delivery] = await receiver.until('partner', 1)
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Arrival {
  headers: IncomingHttpHeaders
  /** The body exactly as received. */
  raw: Buffer
  at: number
}

export async function startReceiver() {
  const bins = new Map<string, Arrival[]>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const [bin = '', script = 'ok'] = (req.url ?? '/').slice(1).split('/')
      const seen = bins.get(bin) ?? []
      seen.push({ headers: req.headers, raw: Buffer.concat(chunks), at: Date.now() })
      bins.set(bin, seen)
      const failures = /^fail-(\d+)$/.exec(script)
      const failing = failures !== null && seen.length <= Number(failures[1])
      res.writeHead(failing ? 500 : 200, { 'content-type': 'text/plain' }).end(failing ? 'partner down' : 'thanks')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const got = (bin: string) => bins.get(bin) ?? []
  return {
    url: (bin: string, script = 'ok') => `http://127.0.0.1:${port}/${bin}/${script}`,
    got,
    /** The bin's arrivals once there are `count`, or a failure after `timeoutMs` (saying what `explain` tells). */
    async until(bin: string, count: number, timeoutMs = 20_000, explain?: () => Promise<string>): Promise<Arrival[]> {
      const deadline = Date.now() + timeoutMs
      while (got(bin).length < count) {
        if (Date.now() > deadline) throw new Error(`${bin}: ${got(bin).length} of ${count} deliveries within ${timeoutMs} ms. ${(await explain?.()) ?? ''}`)
        await new Promise((r) => setTimeout(r, 50))
      }
      return got(bin)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
