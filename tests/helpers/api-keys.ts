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
