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
        miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
      }),
    ],
    test: {
      include: ['tests/integration/**/*.test.ts', 'tests/unit/**/*.test.ts'],
      setupFiles: ['./tests/setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // sanitize-html pulls in postcss, whose CommonJS requires (source-map-js, path…)
      // the workerd module loader cannot resolve one by one; Vite pre-bundles it
      // (as wrangler's esbuild does for deploys).
      deps: { optimizer: { ssr: { enabled: true, include: ['sanitize-html'] } } },
    },
  }
})
