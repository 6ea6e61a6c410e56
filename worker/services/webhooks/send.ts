import { checkOutboundUrl } from '../../lib/url-guard'
import { SIGNATURE_HEADER, signatureHeader } from '../../lib/webhook-signature'
import type { ClaimedDelivery } from './claim'
import { WEBHOOK_LIMITS } from './limits'

export interface SendOutcome {
  ok: boolean
  /** The receiver's HTTP status, or null when none came. */
  status: number | null
  error: string | null
  excerpt: string | null
  /** No retry can help (a refused URL, 410 Gone). */
  permanent: boolean
}

export interface SendOptions {
  allowPrivate: boolean
  userAgent: string
  timeoutMs?: number
}

/** The first characters of an answer, without reading a large body to the end. */
async function excerptOf(res: Response): Promise<string | null> {
  if (!res.body) return null
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  while (text.length < WEBHOOK_LIMITS.excerptChars) {
    const { done, value } = await reader.read()
    if (done) break
    text += decoder.decode(value, { stream: true })
  }
  await reader.cancel().catch(() => undefined)
  return text.slice(0, WEBHOOK_LIMITS.excerptChars) || null
}

const failure = (error: string, permanent = false, status: number | null = null, excerpt: string | null = null): SendOutcome => ({ ok: false, status, error, excerpt, permanent })

/**
 * POSTs one signed delivery. The URL is checked again (the SSRF guard; a URL saved
 * before a rule tightened, or while WEBHOOK_ALLOW_PRIVATE was on, is refused now);
 * redirects are not followed (a 3xx could point anywhere, the guard never saw it);
 * the receiver has `timeoutMs` to answer. Never throws.
 */
export async function sendDelivery(url: string, secret: string, d: ClaimedDelivery, body: string, opts: SendOptions): Promise<SendOutcome> {
  const verdict = checkOutboundUrl(url, { allowPrivate: opts.allowPrivate })
  if (!verdict.ok) return failure(`refused: ${verdict.reason}`, true)
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_LIMITS.timeoutMs
  try {
    const res = await fetch(verdict.url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': opts.userAgent,
        'Tin-Event': d.event,
        'Tin-Delivery': d.id,
        'Tin-Attempt': String(d.attempts),
        [SIGNATURE_HEADER]: await signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
      },
    })
    const excerpt = await excerptOf(res).catch(() => null)
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, error: null, excerpt, permanent: false }
    if (res.status >= 300 && res.status < 400) return failure(`redirect to ${res.headers.get('Location') ?? '(no Location)'} not followed`, false, res.status, excerpt)
    return failure(`HTTP ${res.status}`, res.status === 410, res.status, excerpt)
  } catch (err) {
    const name = (err as Error)?.name
    if (name === 'TimeoutError' || name === 'AbortError') return failure(`no answer within ${timeoutMs / 1000} s`)
    return failure(`could not connect: ${String((err as Error)?.message ?? err).slice(0, 200)}`)
  }
}
