import { blockedIpv4, ipv4Number } from './ipv4'
import { blockedIpv6, ipv6Groups } from './ipv6'

/**
 * The SSRF guard of outgoing webhooks: may the worker send a request to this URL?
 * Checked when an admin saves a webhook and again before every delivery.
 *
 * A Worker cannot resolve DNS before `fetch`, so the guard judges the URL itself:
 * it parses with the WHATWG URL parser (which turns 2130706433, 0x7f000001,
 * 0177.0.0.1 and 127.1 into 127.0.0.1, and IPv6 into its compressed form), refuses
 * literal addresses outside the public internet and names that only mean something
 * inside a network. A public name that resolves to a private address is the residual
 * risk (docs/webhooks.md): from Cloudflare's network such an address reaches no
 * private network of ours, except through a tunnel the account set up.
 *
 * @example
 * checkOutboundUrl('http://0x7f000001/hook') // { ok: false, reason: 'the address is loopback' }
 * checkOutboundUrl('http://127.0.0.1:9000/', { allowPrivate: true }) // { ok: true, url }
 */
export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string }

export interface GuardOptions {
  /** WEBHOOK_ALLOW_PRIVATE=1: loopback, private and local names are allowed (local development only). */
  allowPrivate?: boolean
}

/** Names (and their subdomains) that never lead to the public internet. */
const LOCAL_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'intranet', 'lan', 'home.arpa', 'corp', 'private']
/** Single names cloud metadata services answer to. */
const METADATA_NAMES = ['metadata', 'instance-data', 'metadata.google.internal', 'metadata.azure.com']
/** Public wildcard DNS that answers any embedded address, e.g. 127.0.0.1.nip.io. */
const REBINDING_SUFFIXES = ['nip.io', 'sslip.io', 'xip.io', 'localtest.me', 'lvh.me', 'vcap.me']

const under = (host: string, suffix: string) => host === suffix || host.endsWith('.' + suffix)

/** Why the host (as the URL parser left it) is not a public destination, or null. */
function privateHost(host: string): string | null {
  const name = host.replace(/\.$/, '')
  const v4 = ipv4Number(name)
  if (v4 !== null) return blockedIpv4(v4)
  if (name.startsWith('[')) {
    const groups = ipv6Groups(name.slice(1, -1))
    return groups ? blockedIpv6(groups) : 'an unreadable IPv6 address'
  }
  if (METADATA_NAMES.includes(name)) return 'a cloud metadata name'
  const local = LOCAL_SUFFIXES.find((s) => under(name, s))
  if (local) return `a .${local} name`
  if (!name.includes('.')) return 'a name without a domain (resolved only inside a network)'
  const rebinding = REBINDING_SUFFIXES.find((s) => under(name, s))
  return rebinding ? `a ${rebinding} name (it resolves to any address)` : null
}

export function checkOutboundUrl(raw: string, opts: GuardOptions = {}): UrlVerdict {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, reason: 'not an absolute URL' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'only http and https URLs can receive webhooks' }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'a URL may not carry a user name or password' }
  if (url.hostname === '') return { ok: false, reason: 'the URL has no host' }
  const why = privateHost(url.hostname)
  if (why && !opts.allowPrivate) return { ok: false, reason: `the address is ${why}` }
  return { ok: true, url }
}

/** The WEBHOOK_ALLOW_PRIVATE setting: "1" or "true" allows private destinations. */
export const allowsPrivate = (env: { WEBHOOK_ALLOW_PRIVATE?: string }) => /^(1|true)$/i.test(env.WEBHOOK_ALLOW_PRIVATE?.trim() ?? '')
