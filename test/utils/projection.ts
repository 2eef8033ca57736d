import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { BENCHMARKS } from '../../mocks/data/benchmarks';
import type { Plan } from '../../src/domain/plan';
import { project, type Projection } from '../../src/domain/projection';
import { validatePlan } from '../../src/domain/validation';

/**
 * What the model projects for `plan`, against the formats and benchmarks (assumptions and
 * markets) the mocked API serves, as the app checks it (unticked formats left out). Tests read
 * the expected figures here: the headline is the central scenario (every assumption at the
 * ledger's value), and each range is the P10-P90 of the sampled scenarios around it.
 */
export function projectionOf(plan: Plan): Projection {
  const check = validatePlan({ ...plan, formats: plan.formats.filter((f) => f.included) }, AD_FORMATS, BENCHMARKS);
  if (!check.isValid) throw new Error(`plan is invalid: ${JSON.stringify(check.errors)}`);
  return project(check.input);
}

/** A count as the planner shows it: whole, with thousands separators ("1,031"). */
export const shownCount = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Whole dollars as the planner shows them ("$41,230"). */
export const shownMoney = (n: number): string =>
  n.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** A share as the planner shows it: 1 or 2 decimals of a percent ("-31.28%", "4.14%"). */
export const shownPercent = (n: number): string =>
  n.toLocaleString('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 });
