import { defineConfig } from 'vitest/config';

/** Browser journeys: Debian's Chromium driven by playwright-core against `npm run preview`. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['./test/e2e/global-setup.ts'],
    // One browser at a time: two cores, and timings (slow, timeout scenarios) must not starve.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
