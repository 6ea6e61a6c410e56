import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

/**
 * Tests run inside workerd with the bindings of wrangler.toml (real local D1, KV and
 * R2 from Miniflare). Migrations are read here, on the Node side, and applied by
 * tests/setup.ts inside the runtime.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations('schema/migrations')
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        // READ_CACHE_TTL 0: a test that writes then reads sees its write at once.
        // tests/integration/read-cache.test.ts turns the cache on where it is tested.
        miniflare: { bindings: { TEST_MIGRATIONS: migrations, READ_CACHE_TTL: '0' } },
      }),
    ],
    test: {
      include: ['tests/integration/**/*.test.ts', 'tests/unit/**/*.test.ts'],
      setupFiles: ['./tests/setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  }
})
