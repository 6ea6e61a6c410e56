/**
 * HTTP as a client on another machine sees it: node:http on a new connection per
 * request (no shared keep-alive socket, so every call is a separate client), raw
 * paths and headers as given (no URL normalisation), and a deadline after which a
 * request that got no answer is reported as the hang a user would see.
 */
import { request } from 'node:http'

export interface Reply {
  method: string
  path: string
  /** 0 when no answer came (connection reset, hang past the deadline). */
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  /** The body as received, byte for byte (images). */
  bytes: Buffer
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: any
  /** Why no answer came, when status is 0. */
  failure?: string
}

export interface Call {
  headers?: Record<string, string>
  /** A string or Buffer is sent as is; anything else as JSON with Content-Type application/json. */
  body?: unknown
  /** The longest a user would wait for an answer. */
  deadlineMs?: number
}

const parse = (text: string) => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function encodeBody(call: Call, headers: Record<string, string>): Buffer | undefined {
  if (call.body === undefined) return undefined
  if (typeof call.body === 'string' || Buffer.isBuffer(call.body)) return Buffer.from(call.body as string | Buffer)
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json'
  return Buffer.from(JSON.stringify(call.body))
}

/** One request to `base` + `path` (path sent verbatim), answered or not. */
export function send(base: string, method: string, path: string, call: Call = {}): Promise<Reply> {
  const { hostname, port } = new URL(base)
  const headers: Record<string, string> = { ...call.headers }
  const body = encodeBody(call, headers)
  if (body) headers['content-length'] = String(body.length)
  const deadlineMs = call.deadlineMs ?? 30_000
  return new Promise((resolve) => {
    const unanswered = (failure: string) => resolve({ method, path, status: 0, headers: {}, text: '', bytes: Buffer.alloc(0), json: undefined, failure })
    const req = request({ host: hostname, port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', (e) => unanswered(`response broke off: ${e.message}`))
      res.on('end', () => {
        clearTimeout(timer)
        const bytes = Buffer.concat(chunks)
        const text = bytes.toString('utf8')
        resolve({ method, path, status: res.statusCode ?? 0, headers: res.headers, text, bytes, json: parse(text) })
      })
    })
    const timer = setTimeout(() => {
      unanswered(`no answer within ${deadlineMs} ms`)
      req.destroy()
    }, deadlineMs)
    req.on('error', (e) => {
      clearTimeout(timer)
      unanswered(`connection failed: ${e.message}`)
    })
    req.end(body)
  })
}

/** What the user saw, in one line: `GET /api/v1/articles → 500 internal_error "Something went wrong…"`. */
export function seen(reply: Reply): string {
  const path = reply.path.length > 160 ? `${reply.path.slice(0, 160)}…` : reply.path
  if (reply.status === 0) return `${reply.method} ${path} → no answer (${reply.failure})`
  const error = reply.json?.error
  const what = error ? `${error.code} "${error.message}"` : reply.text.slice(0, 160).replace(/\s+/g, ' ')
  return `${reply.method} ${path} → ${reply.status} ${what}`
}
