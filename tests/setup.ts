import { applyD1Migrations, env } from 'cloudflare:test'

// The same migrations `wrangler d1 migrations apply` runs, applied to this test
// file's D1 before any test. Already-applied ones are skipped.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
