interface Entry<V> {
  value: V
  expires: number
  size: number
}

export interface TtlCacheOptions {
  /** Most entries kept; the least recently used go first. */
  maxEntries: number
  /** Most total `size` kept (e.g. bytes of cached bodies); unlimited when absent. */
  maxSize?: number
}

/**
 * A small in-isolate cache: entries expire after their TTL and the least recently
 * used are evicted past a count or size budget (a Map keeps insertion order, so
 * re-inserting on read makes it an LRU). Per isolate only: other isolates keep
 * their own copy, which is why every entry has a short TTL.
 *
 * @example
 * const cache = new TtlCache<string, Uint8Array>({ maxEntries: 1000, maxSize: 32 << 20 })
 * cache.set(url, body, 10_000, body.byteLength)
 * cache.get(url) // body for 10 s, then undefined
 */
export class TtlCache<K, V> {
  readonly #entries = new Map<K, Entry<V>>()
  #size = 0

  constructor(private readonly options: TtlCacheOptions) {}

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#entries.delete(key)
    if (entry.expires <= now) {
      this.#size -= entry.size
      return undefined
    }
    this.#entries.set(key, entry)
    return entry.value
  }

  set(key: K, value: V, ttlMs: number, size = 0, now = Date.now()): void {
    this.delete(key)
    if (ttlMs <= 0 || size > (this.options.maxSize ?? Infinity)) return
    this.#entries.set(key, { value, expires: now + ttlMs, size })
    this.#size += size
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.options.maxEntries && this.#size <= (this.options.maxSize ?? Infinity)) break
      this.#entries.delete(oldest)
      this.#size -= entry.size
    }
  }

  delete(key: K): void {
    const entry = this.#entries.get(key)
    if (!entry) return
    this.#entries.delete(key)
    this.#size -= entry.size
  }

  clear(): void {
    this.#entries.clear()
    this.#size = 0
  }

  get size(): number {
    return this.#entries.size
  }
}
