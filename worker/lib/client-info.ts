import type { Context } from 'hono'
import type { ClientInfo } from '../services/auth/staff'

/**
 * The caller's IP (Cloudflare sets `CF-Connecting-IP`; absent locally) and user agent,
 * bounded so a forged header cannot bloat a row.
 */
export function clientInfo(c: Context): ClientInfo {
  const ip = c.req.header('CF-Connecting-IP')?.trim()
  return {
    ip: ip && /^[0-9A-Fa-f:.]{2,45}$/.test(ip) ? ip : null,
    userAgent: c.req.header('User-Agent')?.slice(0, 300) ?? null,
  }
}
