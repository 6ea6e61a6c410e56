import { defineConfig } from 'vitest/config'

/**
 * Browser tests of the admin UI: plain Node (not the workers pool), one file at a
 * time. Each file starts its own `wrangler dev` and chromium and stops both in
 * afterAll; the timeouts bound every step, so a hung browser or server fails the
 * run instead of stalling CI.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
  },
})
