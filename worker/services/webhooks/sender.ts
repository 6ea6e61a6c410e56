import { createDb } from '../../db/client'
import { siteSettings } from '../../lib/settings'
import { allowsPrivate } from '../../lib/url-guard'
import type { Sender } from './deliver'

/**
 * A sender for one invocation (a request's waitUntil, a cron run) with its own
 * database client on the primary: claims are writes.
 */
export function senderFor(env: Env): Sender {
  return {
    db: createDb(env.DB),
    d1: env.DB,
    kv: env.VIEWS,
    settings: siteSettings(env),
    secretKey: env.WEBHOOK_SECRET_KEY || undefined,
    allowPrivate: allowsPrivate(env),
  }
}
