import { addCount, articleSum, encodeShard, hourIndex, shardKey, SHARD_PREFIX, SHARD_TTL_SECONDS, type HourCounts } from './shard'

/** How long views wait in the isolate before they are written to KV. */
export const DEFAULT_FLUSH_DELAY_MS = 5_000
/** KV takes about one write a second per key; a failed shard is rewritten no sooner. */
const MIN_REWRITE_MS = 1_000
/** A written shard not seen rolled up after this long is assumed rolled up (cron: every minute). */
const FORGET_AFTER_MS = 10 * 60_000
/** Bound on the shards an isolate remembers, should KV writes fail for long. */
const MAX_SHARDS = 1_000
/**
 * Puts one flush may make: a flush runs inside some invocation (a request's
 * waitUntil, the cron), which Workers allow 1,000 KV operations in all.
 */
export const MAX_PUTS_PER_FLUSH = 100
/**
 * Distinct articles one shard holds at most: the isolate flushes at once when its
 * pending counts reach it. The beacon counts any well-formed id (the rollup drops
 * those that are not published articles), so beacons naming thousands of ids cost
 * more shards, never a shard or a rollup statement list out of bounds.
 */
export const MAX_SHARD_ARTICLES = 1_000
/** waitUntil keeps a request alive 30 s at most: a timer older than that never fired. */
const DEAD_TIMER_MS = 30_000

/** One flush of this isolate: its counts under a key of its own, written once. */
export interface Shard {
  readonly key: string
  readonly counts: HourCounts
  readonly body: string
  state: 'writing' | 'written' | 'failed'
  lastAttempt: number
  writtenAt: number | null
}

export interface ViewCounterOptions {
  /** Key prefix of this counter's shards (default `views:v1:`); another counter (API key usage) has its own. */
  prefix?: string
  flushDelayMs?: number
  now?: () => number
  isolateId?: string
}

type WaitUntil = Pick<ExecutionContext, 'waitUntil'>

/**
 * The per-isolate view counter. A view is a Map increment; the first view after a
 * flush arms a timer (kept alive with ctx.waitUntil) that moves every pending count
 * into a new shard key. Keys are never reused, so no key is written by two isolates
 * or twice a second, and nothing is read back: no read-modify-write anywhere.
 *
 * @example
 * const counter = viewCounterFor(env.VIEWS)
 * counter.record(articleId, c.executionCtx)
 */
export class ViewCounter {
  readonly isolateId: string
  #pending: HourCounts = new Map()
  #shards: Shard[] = []
  #seq = 0
  #timerSince: number | null = null

  constructor(
    private readonly kv: KVNamespace,
    private readonly options: ViewCounterOptions = {},
  ) {
    this.isolateId = options.isolateId ?? crypto.randomUUID().replaceAll('-', '').slice(0, 16)
  }

  #now = () => this.options.now?.() ?? Date.now()

  /**
   * Counts one view of an article now, in the current UTC hour; another counter
   * passes its own `bucket` (a positive integer its rollup understands).
   */
  record(articleId: number, ctx?: WaitUntil, bucket?: number): void {
    const now = this.#now()
    addCount(this.#pending, articleId, bucket ?? hourIndex(now))
    if (this.#pending.size >= MAX_SHARD_ARTICLES) {
      ctx?.waitUntil(this.flush())
      return
    }
    if (this.#timerSince !== null && now - this.#timerSince < DEAD_TIMER_MS) return
    this.#timerSince = now
    const delay = this.options.flushDelayMs ?? DEFAULT_FLUSH_DELAY_MS
    const flushLater = async () => {
      // A failed write is retried twice within the same waitUntil, then by later flushes.
      for (let round = 0; round < 3; round++) {
        await new Promise((resolve) => setTimeout(resolve, round === 0 ? delay : MIN_REWRITE_MS))
        if (round === 0) this.#timerSince = null
        await this.flush()
        if (!this.#shards.some((s) => s.state === 'failed')) break
      }
    }
    ctx?.waitUntil(flushLater())
  }

  /**
   * Writes every pending count to a new shard key and rewrites failed shards (same
   * key, same bytes), oldest first, at most MAX_PUTS_PER_FLUSH puts in all (the new
   * shard first; failed ones past the limit wait for a later flush). Returns the
   * puts made, for callers that budget KV operations.
   */
  async flush(): Promise<number> {
    const now = this.#now()
    const due = this.#shards.filter((s) => s.state === 'failed' && now - s.lastAttempt >= MIN_REWRITE_MS)
    if (this.#pending.size > 0) {
      const counts = this.#pending
      this.#pending = new Map()
      const key = shardKey(now, this.isolateId, ++this.#seq, this.options.prefix ?? SHARD_PREFIX)
      const shard: Shard = { key, counts, body: encodeShard(counts), state: 'writing', lastAttempt: now, writtenAt: null }
      this.#shards.push(shard)
      due.unshift(shard)
    }
    this.#forget(now)
    const puts = due.slice(0, MAX_PUTS_PER_FLUSH)
    await Promise.all(puts.map((s) => this.#write(s)))
    return puts.length
  }

  async #write(shard: Shard): Promise<void> {
    shard.state = 'writing'
    shard.lastAttempt = this.#now()
    try {
      await this.kv.put(shard.key, shard.body, { expirationTtl: SHARD_TTL_SECONDS })
      shard.state = 'written'
      shard.writtenAt = this.#now()
    } catch (err) {
      shard.state = 'failed'
      console.error(JSON.stringify({ level: 'warn', msg: 'view shard write failed; will retry', key: shard.key, error: String(err) }))
    }
  }

  #forget(now: number): void {
    this.#shards = this.#shards.filter((s) => s.writtenAt === null || now - s.writtenAt < FORGET_AFTER_MS)
    const excess = this.#shards.length - MAX_SHARDS
    if (excess > 0) {
      console.error(JSON.stringify({ level: 'error', msg: 'view shards dropped: KV writes keep failing', count: excess }))
      this.#shards = this.#shards.slice(excess)
    }
  }

  /** Shards this isolate wrote (or is writing) and has not yet seen rolled up into D1. */
  unconfirmed(): readonly Shard[] {
    return [...this.#shards]
  }

  /** Forgets shards a D1 read showed as rolled up: D1 totals include them now. */
  confirm(rolledUp: ReadonlySet<string>): void {
    if (rolledUp.size) this.#shards = this.#shards.filter((s) => !rolledUp.has(s.key))
  }

  /**
   * Views this isolate knows of and a D1 read did not include: pending counts, the
   * shards the read found not rolled up among those it asked about (`asked`), and
   * shards flushed since it asked.
   */
  localCounts(ids: readonly number[], asked: readonly Shard[], rolledUp: ReadonlySet<string>): Map<number, number> {
    const askedSet = new Set(asked)
    const unrolled = [...asked.filter((s) => !rolledUp.has(s.key)), ...this.#shards.filter((s) => !askedSet.has(s))]
    return new Map(
      ids.map((id) => [id, unrolled.reduce((n, s) => n + articleSum(s.counts, id), articleSum(this.#pending, id))]),
    )
  }
}

const counters = new WeakMap<KVNamespace, ViewCounter>()

/** The counter of this isolate for a KV binding (one per binding per isolate: it holds plain counts, and each flush runs in the waitUntil of the request that armed it). */
export function viewCounterFor(kv: KVNamespace): ViewCounter {
  let counter = counters.get(kv)
  if (!counter) counters.set(kv, (counter = new ViewCounter(kv)))
  return counter
}
