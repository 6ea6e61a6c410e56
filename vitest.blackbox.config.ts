import { defineConfig } from 'vitest/config'

/**
 * Black-box tests: the worker as `npm start` serves it (`wrangler dev`, offline),
 * driven over HTTP only, with a newsroom-sized corpus written through the admin API
 * in the global setup. Each file serves its own copy of that newsroom, one file at
 * a time; request deadlines report a hung worker as a failure.
 */
export default defineConfig({
  test: {
    name: 'blackbox',
    include: ['tests/blackbox/**/*.blackbox.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['tests/blackbox/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
})
