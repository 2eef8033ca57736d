import { differenceInCalendarDays, isValid, parse } from 'date-fns';
import { describeLimit, parseNumber } from './parse';
import { GOAL_KPI, type Plan, type PlanCreatorLine } from './plan';
import type { AdFormat, Assumption, AssumptionKey, Assumptions, FormatId } from './types';

/** The largest budget or fee Reachplan accepts: far above any TikTok plan, below float trouble. */
export const MAX_MONEY = 100_000_000;
export const MAX_POSTS = 100;
export const MAX_FLIGHT_DAYS = 366;
export const MAX_NAME_LENGTH = 120;

/** Stable ids of the fields that can carry a message. */
export const fieldId = {
  name: 'name',
  startDate: 'startDate',
  endDate: 'endDate',
  totalBudget: 'totalBudget',
  kpiTarget: 'kpiTarget',
  format: (id: FormatId) => `format:${id}`,
  creatorPosts: (handle: string) => `creator:${handle}:posts`,
  creatorFee: (handle: string) => `creator:${handle}:fee`,
  assumption: (key: AssumptionKey) => `assumption:${key}`,
} as const;

export interface ValidFormatLine {
  format: AdFormat;
  spend: number;
  /** Whole days for day-bought formats, else null. */
  days: number | null;
}

export interface ValidCreatorLine {
  line: PlanCreatorLine;
  posts: number;
  fee: number;
  spend: number;
}

/** What the projection needs: only valid, parsed values. */
export interface ProjectionInput {
  startDate: string | null;
  endDate: string | null;
  flightDays: number | null;
  goal: Plan['goal'];
  kpiTarget: number | null;
  formats: ValidFormatLine[];
  creators: ValidCreatorLine[];
  assumptions: Assumptions;
}

export interface PlanCheck {
  errors: Record<string, string>;
  warnings: Record<string, string>;
  input: ProjectionInput;
  /** Spend of the valid line items. */
  spend: number;
  cap: number | null;
  /** cap - spend; negative when over the cap. */
  unallocated: number | null;
  /** Line items left out of the projection because their input is invalid. */
  excluded: string[];
  isValid: boolean;
}

/** Parses a `yyyy-MM-dd` date; null when it is not a real calendar date. */
export function parseIsoDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(date) ? date : null;
}

/** Calendar days from `start` to `end`, both included (0 or less when end is before start). */
function inclusiveDays(start: Date, end: Date): number {
  return differenceInCalendarDays(end, start) + 1;
}

/** Days from start to end date, both included; null unless both are real dates in order. */
export function flightLength(startDate: string, endDate: string): number | null {
  const start = parseIsoDate(startDate);
  const end = parseIsoDate(endDate);
  if (!start || !end) return null;
  const days = inclusiveDays(start, end);
  return days >= 1 ? days : null;
}

/** Label of a format's amount field, a contract with users and tests. */
export function formatAmountLabel(format: Pick<AdFormat, 'name' | 'purchaseUnit'>): string {
  return format.purchaseUnit === 'days' ? `${format.name} days` : `${format.name} budget`;
}

/** Converts a stored override (as typed, in the unit shown: percent for fractions) to a model value. */
export function parseAssumptionOverride(text: string, assumption: Assumption) {
  const unit = assumption.unit === 'fraction' ? 'percent' : assumption.unit === 'usd' ? 'usd' : 'plain';
  const max = assumption.unit === 'fraction' ? 100 : assumption.unit === 'people' ? 10_000_000_000 : MAX_MONEY;
  const parsed = parseNumber(text, { label: assumption.label, max, unit, min: 0 });
  if (!parsed.ok || parsed.value === null) return parsed;
  if (assumption.unit !== 'fraction' && assumption.unit !== 'usd' && parsed.value <= 0) {
    return { ok: false as const, reason: `${assumption.label} must be more than 0.` };
  }
  return { ok: true as const, value: assumption.unit === 'fraction' ? parsed.value / 100 : parsed.value };
}

/**
 * Checks a plan against the formats and assumptions it uses. Never throws:
 * each invalid field gets a message, and the projection gets the valid rest.
 */
export function validatePlan(plan: Plan, formats: readonly AdFormat[], assumptionList: readonly Assumption[]): PlanCheck {
  const errors: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  const excluded: string[] = [];

  const name = plan.name.trim();
  if (name === '') errors[fieldId.name] = 'Give the plan a name.';
  else if (name.length > MAX_NAME_LENGTH) errors[fieldId.name] = `Plan name is too long: keep it under ${MAX_NAME_LENGTH} characters.`;

  const start = parseIsoDate(plan.startDate);
  const end = parseIsoDate(plan.endDate);
  if (!start) errors[fieldId.startDate] = plan.startDate === '' ? 'Enter a start date.' : 'Start date must be a real date (yyyy-MM-dd).';
  if (!end) errors[fieldId.endDate] = plan.endDate === '' ? 'Enter an end date.' : 'End date must be a real date (yyyy-MM-dd).';
  let flightDays: number | null = null;
  if (start && end) {
    const days = inclusiveDays(start, end);
    if (days < 1) errors[fieldId.endDate] = 'End date must be on or after the start date.';
    else if (days > MAX_FLIGHT_DAYS) errors[fieldId.endDate] = `The flight is ${days} days long: plan at most ${MAX_FLIGHT_DAYS} days.`;
    else flightDays = days;
  }

  const cap = parseNumber(plan.totalBudget, { label: 'Total budget', max: MAX_MONEY, unit: 'usd', min: 1 });
  if (!cap.ok) errors[fieldId.totalBudget] = cap.reason;

  const targetUnit = GOAL_KPI[plan.goal].metric === 'revenue' ? 'usd' : 'plain';
  const target = parseNumber(plan.kpiTarget, { label: 'KPI target', max: 1e13, unit: targetUnit, optional: true });
  if (!target.ok) errors[fieldId.kpiTarget] = target.reason;
  // A target of 0 is met by an empty plan: it would only ever say "meets the target".
  else if (target.value === 0) errors[fieldId.kpiTarget] = 'KPI target must be more than 0, or leave it empty.';

  const assumptions = {} as Assumptions;
  for (const a of assumptionList) {
    assumptions[a.key] = a.value;
    const override = plan.assumptionOverrides[a.key];
    if (override === undefined || override.trim() === '') continue;
    const parsed = parseAssumptionOverride(override, a);
    if (parsed.ok && parsed.value !== null) assumptions[a.key] = parsed.value;
    else if (!parsed.ok) errors[fieldId.assumption(a.key)] = parsed.reason;
  }

  const formatLines: ValidFormatLine[] = [];
  for (const line of plan.formats) {
    const format = formats.find((f) => f.id === line.formatId);
    if (!format) continue;
    const id = fieldId.format(format.id);
    const label = formatAmountLabel(format);
    if (format.purchaseUnit === 'days') {
      const days = parseNumber(line.amount, { label, max: MAX_FLIGHT_DAYS, unit: 'count', integer: true, min: 1 });
      if (!days.ok || days.value === null) {
        errors[id] = days.ok ? `Enter ${label.toLowerCase()}.` : days.reason;
        excluded.push(format.name);
        continue;
      }
      if (flightDays !== null && days.value > flightDays) {
        errors[id] = `${format.name} is bought by the day: ${days.value} days don't fit in a ${flightDays}-day flight.`;
        excluded.push(format.name);
        continue;
      }
      formatLines.push({ format, days: days.value, spend: days.value * (format.pricePerDay ?? 0) });
      continue;
    }
    const budget = parseNumber(line.amount, { label, max: MAX_MONEY, unit: 'usd', min: 0 });
    if (!budget.ok || budget.value === null) {
      errors[id] = budget.ok ? `Enter ${label.toLowerCase()}.` : budget.reason;
      excluded.push(format.name);
      continue;
    }
    if (budget.value === 0) {
      errors[id] = `${label} must be more than $0, or untick ${format.name}.`;
      excluded.push(format.name);
      continue;
    }
    if (format.minimumSpend !== null && budget.value < format.minimumSpend) {
      const min = describeLimit(format.minimumSpend, 'usd');
      if (format.priceIsEstimate) {
        warnings[id] = `Below the estimated package price of ${min}: TikTok may not sell ${format.name} for less.`;
      } else {
        errors[id] = `${format.name} has a minimum spend of ${min}.`;
        excluded.push(format.name);
        continue;
      }
    }
    formatLines.push({ format, days: null, spend: budget.value });
  }

  const creatorLines: ValidCreatorLine[] = [];
  for (const line of plan.creators) {
    const handle = `@${line.handle}`;
    const posts = parseNumber(line.posts, { label: `${handle} posts`, max: MAX_POSTS, unit: 'count', integer: true, min: 1 });
    const fee = parseNumber(line.fee, { label: `${handle} fee`, max: MAX_MONEY, unit: 'usd', min: 0 });
    if (!posts.ok || posts.value === null) errors[fieldId.creatorPosts(line.handle)] = posts.ok ? `Enter ${handle} posts.` : posts.reason;
    if (!fee.ok || fee.value === null) errors[fieldId.creatorFee(line.handle)] = fee.ok ? `Enter ${handle} fee.` : fee.reason;
    if (posts.ok && posts.value !== null && fee.ok && fee.value !== null) {
      creatorLines.push({ line, posts: posts.value, fee: fee.value, spend: posts.value * fee.value });
    } else {
      excluded.push(handle);
    }
  }

  // Money is summed and compared in whole cents, so $6,000.50 + $716.69 equals a $6,717.19 cap.
  const spendCents = sum(formatLines.map((l) => toCents(l.spend))) + sum(creatorLines.map((l) => toCents(l.spend)));
  const spend = spendCents / 100;
  const capValue = cap.ok ? cap.value : null;
  const unallocated = capValue === null ? null : (toCents(capValue) - spendCents) / 100;
  if (unallocated !== null && unallocated < 0 && !errors[fieldId.totalBudget]) {
    errors[fieldId.totalBudget] = `Planned spend (${describeLimit(spend, 'usd')}) is over the total budget by ${describeLimit(-unallocated, 'usd')}.`;
  }

  return {
    errors,
    warnings,
    excluded,
    spend,
    cap: capValue,
    unallocated,
    isValid: Object.keys(errors).length === 0,
    input: {
      startDate: start ? plan.startDate : null,
      endDate: end ? plan.endDate : null,
      flightDays,
      goal: plan.goal,
      kpiTarget: target.ok && target.value !== 0 ? target.value : null,
      formats: formatLines,
      creators: creatorLines,
      assumptions,
    },
  };
}

function toCents(amount: number): number {
  return Math.round(amount * 100);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
