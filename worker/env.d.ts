/**
 * Optional secrets, typed by hand because `wrangler types` only sees what is in
 * wrangler.toml (secrets are not, on purpose) or a local .dev.vars (not committed).
 * ADMIN_EMAIL / ADMIN_PASSWORD name the first admin, created at the first sign-in
 * when no user exists: `wrangler secret put ADMIN_EMAIL` in production, `.dev.vars`
 * locally. Remove them once the admin exists; they are never read again after that.
 */
interface Env {
  ADMIN_EMAIL?: string
  ADMIN_PASSWORD?: string
}

declare namespace Cloudflare {
  interface Env {
    ADMIN_EMAIL?: string
    ADMIN_PASSWORD?: string
  }
}
