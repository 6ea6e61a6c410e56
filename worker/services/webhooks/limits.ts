/**
 * The bounds of webhook work (docs/webhooks.md, docs/limits.md). A Worker invocation
 * may make 50 external subrequests on the Free plan (1,000 on Paid) and keep 6
 * connections open at once; a `waitUntil` lives about 30 s past the response.
 */
export const WEBHOOK_LIMITS = {
  /** Webhooks a site may register: a save's first tries (one fetch each) stay under 50 subrequests. */
  maxWebhooks: 20,
  /** Deliveries one cron run sends at most; the rest wait for the next minute. */
  perCronRun: 25,
  /** Deliveries sent at once (Workers allow 6 open connections per invocation). */
  concurrency: 6,
  /** A receiver has this long to answer (headers), then the try failed. */
  timeoutMs: 10_000,
  /** A claimed delivery is not picked up by another sender for this long. */
  leaseMs: 120_000,
  /** Characters of a receiver's answer kept for admins. */
  excerptChars: 300,
  /** Bytes of a payload; an article over it is sent without body_html (the receiver fetches it). */
  maxPayloadBytes: 256 * 1024,
} as const

/**
 * Wait after the n-th failed try (1-based): 1 min, 5 min, 30 min, 2 h, 12 h. A
 * delivery is tried at most `RETRY_DELAYS_MS.length + 1` = 6 times over about 15
 * hours, then gives up.
 */
export const RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000] as const
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1

/** When to try again after `attempts` tries, or null when none is left. */
export function nextAttemptAt(attempts: number, now: Date): string | null {
  const delay = RETRY_DELAYS_MS[attempts - 1]
  return attempts >= MAX_ATTEMPTS || delay === undefined ? null : new Date(now.getTime() + delay).toISOString()
}
