import type { D1Handle } from '../../db/client'
import { pruneStatements, viewCountStatements } from './rollup-sql'
import { DONE_RETENTION_MS, hourIndex, hourIso, SHARD_PREFIX, type CountRow } from './shard'

/** Hourly buckets are kept a little longer than the longest window (30 days). */
const BUCKET_RETENTION_HOURS = 31 * 24

/**
 * Where a counter's shards are folded: the views (default) or another counter built
 * on the same shards (API key usage, services/api-keys/usage-rollup.ts).
 */
export interface ShardSink {
  /** The KV key prefix of its shards, e.g. `views:v1:`. */
  prefix: string
  /** Statements adding count rows, run in the batch that records the shard keys as done. */
  fold(d1: D1Handle, rows: CountRow[], nowIso: string): D1PreparedStatement[]
  /** Housekeeping after a run (one batch). */
  prune(d1: D1Handle, now: number): D1PreparedStatement[]
}

/** The view counter's sink: hourly buckets and totals; old done keys and buckets pruned. */
export const VIEW_SINK: ShardSink = {
  prefix: SHARD_PREFIX,
  fold: viewCountStatements,
  prune: (d1, now) => pruneStatements(d1, new Date(now - DONE_RETENTION_MS).toISOString(), hourIso(hourIndex(now) - BUCKET_RETENTION_HOURS)),
}

