import { defineConfig } from 'vitest/config';
import MedianReporter from './bench/median-reporter';

/** `npm run bench`: micro-benchmarks of the pure domain code and the catalog query, in Node. */
export default defineConfig({
  test: {
    environment: 'node',
    include: [],
    benchmark: { include: ['bench/**/*.bench.ts'], reporters: ['default', new MedianReporter()] },
  },
});
