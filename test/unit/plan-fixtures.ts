/** Plans, creator lines and checks built from the real mocked catalog, shared by the unit tests. */
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { ASSUMPTIONS } from '../../mocks/data/benchmarks';
import { newPlan, type Plan, type PlanCreatorLine, type PlanFormatLine } from '../../src/domain/plan';
import type { AdFormat, Assumption, AssumptionKey, Assumptions, FormatId } from '../../src/domain/types';
import { validatePlan, type PlanCheck } from '../../src/domain/validation';

/** A Wednesday: `newPlan` starts the flight on Monday 2024-01-08 and ends it on Sunday 2024-02-04 (28 days). */
export const TODAY = new Date(2024, 0, 3, 12, 0, 0);
export const DEFAULT_START = '2024-01-08';
export const DEFAULT_END = '2024-02-04';
export const DEFAULT_FLIGHT_DAYS = 28;

export function format(id: FormatId): AdFormat {
  const found = AD_FORMATS.find((f) => f.id === id);
  if (!found) throw new Error(`no ad format ${id}`);
  return found;
}

export function assumption(key: AssumptionKey): Assumption {
  const found = ASSUMPTIONS.find((a) => a.key === key);
  if (!found) throw new Error(`no assumption ${key}`);
  return found;
}

/** The model's default rates: every assumption at its benchmark value. */
export function defaultAssumptions(): Assumptions {
  return Object.fromEntries(ASSUMPTIONS.map((a) => [a.key, a.value])) as Assumptions;
}

export function formatLine(formatId: FormatId, amount: string): PlanFormatLine {
  return { formatId, amount, included: true };
}

export function creatorLine(overrides: Partial<PlanCreatorLine> = {}): PlanCreatorLine {
  return {
    handle: 'maya.fit',
    displayName: 'Maya Park',
    niche: 'fitness',
    country: 'US',
    tier: 'micro',
    fans: 50_000,
    avgViews: 8_000,
    engagementRate: 0.06,
    catalogFee: 800,
    posts: '2',
    fee: '800',
    ...overrides,
  };
}

/** A fresh plan (28-day flight, $100,000 cap) with the given changes. */
export function planWith(overrides: Partial<Plan> = {}): Plan {
  return { ...newPlan('plan-1', TODAY), ...overrides };
}

/** Validates against the real formats and benchmarks the mocked API serves. */
export function check(plan: Plan): PlanCheck {
  return validatePlan(plan, AD_FORMATS, ASSUMPTIONS);
}
