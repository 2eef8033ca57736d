import { bench, describe } from 'vitest';
import { project } from '../src/domain/projection';
import { validatePlan } from '../src/domain/validation';
import { AD_FORMATS, BENCHMARKS, included, planOf } from './plan-100';

/**
 * The benchmark: projecting plans of 10, 100 and 1,000 line items over a 90-day
 * flight, with ranges (81 scenarios), the daily series, the budget curve and the format
 * comparison: everything the app computes on an edit. Target: 1,000 items under 20 ms (median).
 */
for (const size of [10, 100, 1000] as const) {
  const plan = planOf(size, 90);
  const check = validatePlan(included(plan), AD_FORMATS, BENCHMARKS);
  if (!check.isValid) throw new Error(`bench plan of ${size} is invalid: ${JSON.stringify(check.errors)}`);
  const lines = check.input.formats.length + check.input.creators.length;
  if (lines !== size) throw new Error(`bench plan projects ${lines} line items, not ${size}`);
  if (check.input.flightDays !== 90) throw new Error('bench flight is not 90 days');

  describe(`projection, ${size} line items × 90 days, with ranges`, () => {
    bench('project', () => {
      project(check.input);
    });
    bench('validatePlan + project', () => {
      project(validatePlan(included(plan), AD_FORMATS, BENCHMARKS).input);
    });
  });
}
