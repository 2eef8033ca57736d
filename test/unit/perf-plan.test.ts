import { describe, expect, it } from 'vitest';
import { MODEL_EDITION } from '../../src/domain/plan';
import { PLAN_STORAGE_KEY } from '../../src/store/persistence';

/** What `npm run perf` seeds must be what the app reads as an everyday plan, or it measures something else. */
describe('the performance script’s plan', () => {
  it('is stored where the app reads it and under the current model edition (no one-time notice)', async () => {
    const perf = (await import('../../scripts/perf/lib/plan.mjs' as string)) as { PLAN_STORAGE_KEY: string; MODEL_EDITION: number };
    expect(perf.PLAN_STORAGE_KEY).toBe(PLAN_STORAGE_KEY);
    expect(perf.MODEL_EDITION).toBe(MODEL_EDITION);
  });
});
