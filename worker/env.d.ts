/**
 * Optional secrets, typed by hand because `wrangler types` only sees what is in
 * wrangler.toml (secrets are not, on purpose) or a local .dev.vars (not committed).
 * ADMIN_EMAIL / ADMIN_PASSWORD name the first admin, created at the first sign-in
 * when no user exists: `wrangler secret put ADMIN_EMAIL` in production, `.dev.vars`
 * locally. Remove them once the admin exists; they are never read again after that.
 * WEBHOOK_SECRET_KEY encrypts webhook signing secrets at rest (AES-GCM, docs/webhooks.md).
 * WEBHOOK_ALLOW_PRIVATE=1 lets webhooks reach loopback and private addresses: local
 * development and tests only, never in production (it is not in wrangler.toml).
 */
interface Env {
  ADMIN_EMAIL?: string
  ADMIN_PASSWORD?: string
  WEBHOOK_SECRET_KEY?: string
  WEBHOOK_ALLOW_PRIVATE?: string
}

declare namespace Cloudflare {
  interface Env {
    ADMIN_EMAIL?: string
    ADMIN_PASSWORD?: string
    WEBHOOK_SECRET_KEY?: string
    WEBHOOK_ALLOW_PRIVATE?: string
  }
}
