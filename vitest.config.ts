import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig, type ViteUserConfig } from 'vitest/config'
import { outboundReceiver } from './tests/helpers/outbound-receiver.ts'

/**
 * `npm test` runs three projects and writes one report:
 * - workers: unit and integration tests inside workerd with the bindings of
 *   wrangler.toml (real local D1, KV and R2 from Miniflare). Migrations are read
 *   here, on the Node side, and applied by tests/setup.ts inside the runtime.
 * - e2e: the admin UI in Chromium against `wrangler dev` (vitest.e2e.config.ts).
 * - blackbox: the running worker over HTTP with a newsroom-sized corpus (vitest.blackbox.config.ts).
 */
// Offline: Miniflare uses its placeholder Request.cf instead of downloading one.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false'

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const migrations = await readD1Migrations('schema/migrations')
  const workers: ViteUserConfig = {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            // A developer's .dev.vars must not change what tests see: no first-admin
            // secrets unless a test passes them itself.
            ADMIN_EMAIL: '',
            ADMIN_PASSWORD: '',
            // READ_CACHE_TTL 0: a test that writes then reads sees its write at once.
            // tests/integration/read-cache.test.ts turns the cache on where it is tested.
            READ_CACHE_TTL: '0',
          },
          // Every outside fetch (webhook deliveries) goes to a scripted receiver in
          // Node: no network, and tests read what was delivered (tests/helpers/outbound-receiver.ts).
          outboundService: outboundReceiver,
        },
      }),
    ],
    test: {
      name: 'workers',
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
  return {
    test: {
      // The JSON report is what .ci/run counts ("N passed, N failed").
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
      // One file at a time: with files in parallel, long property tests intermittently
      // stalled behind other files' work in the shared workerd process (seen twice on
      // this 2-core machine); serial makes runs repeatable.
      fileParallelism: false,
      projects: [workers, './vitest.e2e.config.ts', './vitest.blackbox.config.ts'],
    },
  }
})
