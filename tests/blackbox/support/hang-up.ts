/**
 * Clients that hang up: on a raw socket, so the moment is exact. A request line
 * and headers are written as a browser would; then the client goes away while
 * its body is still being sent, right after the last byte, or as soon as the
 * first bytes of the answer arrive.
 */
import { connect, type Socket } from 'node:net'

export interface RawRequest {
  method: string
  path: string
  headers?: Record<string, string>
  body?: Buffer
}

function open(base: string, req: RawRequest): Promise<Socket> {
  const { hostname, port } = new URL(base)
  const headers = { host: `${hostname}:${port}`, ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) }
  const head = `${req.method} ${req.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head, () => resolve(socket)))
    socket.once('error', reject)
  })
}

const flushed = (socket: Socket, data: Buffer) => new Promise<void>((resolve) => socket.write(data, () => resolve()))
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Sends the headers and `part` of the body, lets the worker start reading it, then drops the connection. */
export async function hangUpMidUpload(base: string, req: RawRequest & { body: Buffer }, part = 0.5): Promise<void> {
  const socket = await open(base, req)
  await flushed(socket, req.body.subarray(0, Math.floor(req.body.length * part)))
  await pause(200)
  socket.destroy()
}

/** Sends the whole request and drops the connection before any answer. */
export async function hangUpBeforeAnswer(base: string, req: RawRequest): Promise<void> {
  const socket = await open(base, req)
  if (req.body) await flushed(socket, req.body)
  socket.destroy()
}

/** Sends the request and drops the connection once the first bytes of the answer arrive; resolves with how many came. */
export async function hangUpMidDownload(base: string, req: RawRequest): Promise<number> {
  const socket = await open(base, req)
  if (req.body) await flushed(socket, req.body)
  return new Promise((resolve) => {
    socket.once('data', (chunk: Buffer) => {
      socket.destroy()
      resolve(chunk.length)
    })
    socket.once('close', () => resolve(0))
  })
}
