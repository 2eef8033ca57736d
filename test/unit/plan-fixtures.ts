/** Plans, creator lines and checks built from the real mocked catalog, shared by the unit tests. */
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { ASSUMPTIONS, BENCHMARKS } from '../../mocks/data/benchmarks';
import { emptyContract } from '../../src/domain/contract';
import { formatLine as newFormatLine, newPlan, type Plan, type PlanCreatorLine, type PlanFormatLine } from '../../src/domain/plan';
import type { AdFormat, Assumption, AssumptionKey, Assumptions, FormatId } from '../../src/domain/types';
import { validatePlan, type PlanCheck } from '../../src/domain/validation';
import { valuesOf } from '../../src/domain/scenarios';
import { ledgerFor } from '../../src/domain/markets';

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

export function assumption(key: AssumptionKey, year: number | null = null): Assumption {
  const found = ledgerFor(ASSUMPTIONS, BENCHMARKS.markets, year).find((a) => a.key === key);
  if (!found) throw new Error(`no assumption ${key}`);
  return found;
}

/** The model's default rates: every assumption at its benchmark value, market figures for a flight in `year` (default: the latest). */
export function defaultAssumptions(year: number | null = null): Assumptions {
  return valuesOf(ledgerFor(ASSUMPTIONS, BENCHMARKS.markets, year));
}

/** An included format line with the app's defaults (CPM, even pacing, no category), with `overrides` applied. */
export function formatLine(formatId: FormatId, amount: string, overrides: Partial<PlanFormatLine> = {}): PlanFormatLine {
  return { ...newFormatLine(formatId, amount), ...overrides };
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
    audience: null,
    credibility: null,
    catalogFee: 800,
    posts: '2',
    fee: '800',
    postDates: [],
    sparkBudget: '',
    contract: emptyContract(),
    ...overrides,
  };
}

/** A fresh plan (28-day flight, $100,000 cap) with the given changes. */
export function planWith(overrides: Partial<Plan> = {}): Plan {
  return { ...newPlan('plan-1', TODAY), ...overrides };
}

/** Validates against the real formats and benchmarks the mocked API serves. */
export function check(plan: Plan): PlanCheck {
  return validatePlan(plan, AD_FORMATS, BENCHMARKS);
}

/** A Brand Takeover line with its category chosen, so it validates. */
export function takeoverLine(days: string, overrides: Partial<PlanFormatLine> = {}): PlanFormatLine {
  return formatLine('brand-takeover', days, { category: 'Food & beverage', ...overrides });
}

/** `yyyy-MM-dd` of the day `offset` days after `start` (a `yyyy-MM-dd` date), in local time like the model. */
export function dayAfter(start: string, offset: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const date = new Date(y ?? 2000, (m ?? 1) - 1, (d ?? 1) + offset);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Validates a plan that must be free of errors (throws with the messages otherwise). */
export function validInput(plan: Plan): PlanCheck['input'] {
  const result = check(plan);
  if (!result.isValid) throw new Error(`plan is invalid: ${JSON.stringify(result.errors)}`);
  return result.input;
}
