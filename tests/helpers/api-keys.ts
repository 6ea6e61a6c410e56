/**
 * Partner API keys in integration tests: minted through the real admin API (as an
 * admin signed in with the cookie), and public requests that present them.
 *
 * @example
 * const admin = await staffClient('admin')
 * const key = await mintKey(admin, { body: 'summary' })
 * const { status } = await keyed(`/api/v1/articles/${id}`, key.key)
 */
import { SELF } from 'cloudflare:test'
import { expect } from 'vitest'
import type { StaffClient } from './admin-api'
import { BASE } from './auth'

export interface MintedKey {
  id: number
  key: string
  prefix: string
  version: number
  [field: string]: unknown
}

/** Creates a key (201 expected); the answer carries the secret, once. */
export async function mintKey(admin: StaffClient, body: Record<string, unknown> = {}): Promise<MintedKey> {
  const res = await admin.post('/api-keys', { name: 'Đối tác Báo Mới', body: 'full', ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data
}

/** A public request presenting `key` as X-Api-Key (default) or as a Bearer token. */
export async function keyed(path: string, key: string | null, as: 'x-api-key' | 'bearer' = 'x-api-key', init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  if (key !== null) headers.set(as === 'bearer' ? 'Authorization' : 'X-Api-Key', as === 'bearer' ? `Bearer ${key}` : key)
  const res = await SELF.fetch(BASE + path, { redirect: 'manual', ...init, headers })
  const text = await res.text()
  const json = res.headers.get('Content-Type')?.includes('json') && text ? JSON.parse(text) : null
  return { status: res.status, headers: res.headers, text, json }
}

/**
 * A read through the worker with the read caches on (`ttl` seconds) and D1 round
 * trips counted, like cached-reads.ts `readCached`, for keyed requests. A keyed
 * request arms the usage counter's 5-second flush timer in its waitUntil, so
 * waiting for the whole execution context would wait for that timer: this waits
 * for the request's other background work (the Cache API put, milliseconds here)
 * for at most `settleMs` and leaves the timer to fire on its own.
 */
export async function readKeyed(path: string, key: string | null, ttl = '30', settleMs = 250) {
  const { platformD1 } = await import('./platform-d1')
  const { env } = await import('cloudflare:test')
  const worker = (await import('../../worker/index')).default
  const { d1, calls } = platformD1()
  const pending: Promise<unknown>[] = []
  const ctx = { waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException() {}, props: {} } as unknown as ExecutionContext
  const headers: Record<string, string> = key ? { 'X-Api-Key': key } : {}
  const res = await worker.fetch(new Request(BASE + path, { headers, redirect: 'manual' }), { ...env, DB: d1, READ_CACHE_TTL: ttl }, ctx)
  const text = await res.text()
  await Promise.race([Promise.allSettled(pending), new Promise((r) => setTimeout(r, settleMs))])
  return { status: res.status, headers: res.headers, text, queries: calls.length }
}
