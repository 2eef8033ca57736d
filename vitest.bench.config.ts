import { defineConfig } from 'vitest/config';

/** `npm run bench`: micro-benchmarks of the pure domain code and the catalog query, in Node. */
export default defineConfig({
  test: {
    environment: 'node',
    include: [],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
