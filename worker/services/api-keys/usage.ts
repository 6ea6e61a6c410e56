import { ViewCounter } from '../views/counter'

/**
 * API key usage counted the way views are (docs/views.md): a Map increment in the isolate,
 * flushed every 5 s to a new, immutable KV shard `usage:v1:…` (one writer per key),
 * folded into D1 `api_key_usage` by the cron (usage-rollup.ts). No D1 or KV call on
 * the request itself.
 *
 * A shard row is (key id, bucket, count) with bucket = UTC day × 2 + kind: kind 0
 * counts requests served, kind 1 requests refused with 429.
 */
export const USAGE_PREFIX = 'usage:v1:'

const DAY_MS = 86_400_000

export const usageBucket = (at: number, limited: boolean) => Math.floor(at / DAY_MS) * 2 + (limited ? 1 : 0)

/** The UTC day (YYYY-MM-DD) and kind of a bucket. */
export const usageBucketParts = (bucket: number) => ({
  day: new Date(Math.floor(bucket / 2) * DAY_MS).toISOString().slice(0, 10),
  limited: bucket % 2 === 1,
})

const counters = new WeakMap<KVNamespace, ViewCounter>()

/** This isolate's usage counter for a KV binding (the view counter's KV, another prefix). */
export function usageCounterFor(kv: KVNamespace): ViewCounter {
  let counter = counters.get(kv)
  if (!counter) counters.set(kv, (counter = new ViewCounter(kv, { prefix: USAGE_PREFIX })))
  return counter
}

/** Counts one request of a key (served, or refused with 429) now. */
export function countKeyUsage(kv: KVNamespace, keyId: number, limited: boolean, ctx?: Pick<ExecutionContext, 'waitUntil'>): void {
  usageCounterFor(kv).record(keyId, ctx, usageBucket(Date.now(), limited))
}
