import { differenceInCalendarDays, isValid, parse } from 'date-fns';
import { COST_NAMES, fullCost, parseCosts, type CostInputs } from './costs';
import { describeLimit, parseNumber, type NumberRule } from './parse';
import { COST_FIELDS, GOAL_KPI, type CostField, type InFeedBuyingModel, type Pacing, type Plan, type PlanCreatorLine, type Targeting } from './plan';
import { audienceOf, creatorTargetShare } from './audience';
import { ledgerFor, yearOf } from './markets';
import { spreadsOf, type Spreads } from './scenarios';
import { COUNTRY_NAMES, marketKey, type AdFormat, type Country, type Assumption, type AssumptionKey, type Assumptions, type Benchmarks, type FormatId } from './types';

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
  /** Post `index` is 0-based; the label the user reads counts from 1. */
  creatorPostDate: (handle: string, index: number) => `creator:${handle}:post:${index}`,
  creatorSpark: (handle: string) => `creator:${handle}:spark`,
  formatCategory: (id: FormatId) => `format:${id}:category`,
  countries: 'targeting:countries',
  ageBands: 'targeting:ageBands',
  assumption: (key: AssumptionKey) => `assumption:${key}`,
  cost: (field: CostField) => `cost:${field}`,
  /** The plan's gross cost (the warning when it is over the total budget). */
  grossCost: 'cost:gross',
} as const;

export interface ValidFormatLine {
  format: AdFormat;
  /** What the line buys, in USD: the budget, takeover days × the day's price, or a package's days × its price per day. */
  spend: number;
  /** The budget typed for a format bought by budget (In-Feed Ads, packages); null for Brand Takeover. */
  budget: number | null;
  /** Whole days: Brand Takeover's days, or a package's days (its length and any extra days); null for In-Feed Ads. */
  days: number | null;
  /** In-Feed Ads' buying model; CPM for formats sold one way. */
  buyingModel: InFeedBuyingModel;
  pacing: Pacing;
}

export interface ValidCreatorLine {
  line: PlanCreatorLine;
  posts: number;
  fee: number;
  /** Spark Ads budget promoting the creator's posts; 0 for none. */
  sparkBudget: number;
  /** Fees x posts + Spark Ads budget. */
  spend: number;
  /**
   * Day of the flight (0 = start date) of each post, in order; posts without a date are
   * spread evenly. Empty when the flight dates are invalid.
   */
  postDays: number[];
}

/** What the projection needs: only valid, parsed values. */
export interface ProjectionInput {
  startDate: string | null;
  endDate: string | null;
  flightDays: number | null;
  goal: Plan['goal'];
  kpiTarget: number | null;
  targeting: Targeting;
  formats: ValidFormatLine[];
  creators: ValidCreatorLine[];
  assumptions: Assumptions;
  /** Published spreads of the assumptions that have one: the source of every range. */
  spreads: Spreads;
  /** Every format the API sells, for comparing them on the same budget. */
  catalog: readonly AdFormat[];
  /** The plan's total budget, when valid. */
  budget: number | null;
  /** Cost lines beyond media and creator fees (see costs.ts); an invalid one counts as none. */
  costs: CostInputs;
  /** Participants' videos count in reach, frequency, impressions, views and engagements. */
  earnedInReach: boolean;
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
  /** Line items and cost lines left out of the projection because their input is invalid. */
  excluded: string[];
  isValid: boolean;
  /** The assumptions ledger for this plan: the API's assumptions and each market's figures for the flight's year. */
  ledger: Assumption[];
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

/** Shares that must be more than 0: without them the model has nothing to work with. */
const POSITIVE_SHARES: ReadonlySet<AssumptionKey> = new Set<AssumptionKey>(['duplicationFactor', 'dailyActiveShare']);

/** Converts a stored override (as typed, in the unit shown: percent for fractions) to a model value. */
export function parseAssumptionOverride(text: string, assumption: Assumption) {
  const unit = assumption.unit === 'fraction' ? 'percent' : assumption.unit === 'usd' ? 'usd' : 'plain';
  const max = assumption.unit === 'fraction' ? 100 : assumption.unit === 'people' ? 10_000_000_000 : MAX_MONEY;
  const parsed = parseNumber(text, { label: assumption.label, max, unit, min: 0 });
  if (!parsed.ok || parsed.value === null) return parsed;
  if (assumption.unit !== 'fraction' && assumption.unit !== 'usd' && parsed.value <= 0) {
    return { ok: false as const, reason: `${assumption.label} must be more than 0.` };
  }
  if (POSITIVE_SHARES.has(assumption.key) && parsed.value <= 0) {
    return { ok: false as const, reason: `${assumption.label} must be more than 0%.` };
  }
  return { ok: true as const, value: assumption.unit === 'fraction' ? parsed.value / 100 : parsed.value };
}

/** Money as a message shows it: "$150,000". */
const usd = (n: number) => describeLimit(n, 'usd');

export const KPI_TARGET_ZERO = 'KPI target must be more than 0, or leave it empty.';

/**
 * The planner's rule for each number a plan holds: the fields check what is typed with them, and
 * the CSV import what a file says, so a file can't bring in a number the planner would refuse.
 */
export const FIELD_RULES = {
  totalBudget: { label: 'Total budget', max: MAX_MONEY, unit: 'usd', min: 1 },
  /** Above 0 as well (see `KPI_TARGET_ZERO`): a target of 0 is met by an empty plan. */
  kpiTarget: (unit: 'usd' | 'plain') => ({ label: 'KPI target', max: 1e13, unit, optional: true }),
  formatDays: (label: string) => ({ label, max: MAX_FLIGHT_DAYS, unit: 'count', integer: true, min: 1 }),
  formatBudget: (label: string) => ({ label, max: MAX_MONEY, unit: 'usd', min: 0 }),
  posts: (handle: string) => ({ label: `${handle} posts`, max: MAX_POSTS, unit: 'count', integer: true, min: 1 }),
  fee: (handle: string) => ({ label: `${handle} fee`, max: MAX_MONEY, unit: 'usd', min: 0 }),
  sparkBudget: (handle: string) => ({ label: `${handle} Spark Ads budget`, max: MAX_MONEY, unit: 'usd', min: 0, optional: true }),
} as const satisfies Record<string, NumberRule | ((...args: never[]) => NumberRule)>;

/**
 * Checks a plan against the formats and assumptions it uses. Never throws:
 * each invalid field gets a message, and the projection gets the valid rest.
 */
export function validatePlan(
  plan: Plan,
  formats: readonly AdFormat[],
  benchmarks: Pick<Benchmarks, 'assumptions' | 'markets'>,
): PlanCheck {
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

  const cap = parseNumber(plan.totalBudget, FIELD_RULES.totalBudget);
  if (!cap.ok) errors[fieldId.totalBudget] = cap.reason;

  const targetUnit = GOAL_KPI[plan.goal].metric === 'revenue' ? 'usd' : 'plain';
  const target = parseNumber(plan.kpiTarget, FIELD_RULES.kpiTarget(targetUnit));
  if (!target.ok) errors[fieldId.kpiTarget] = target.reason;
  // A target of 0 is met by an empty plan: it would only ever say "meets the target".
  else if (target.value === 0) errors[fieldId.kpiTarget] = KPI_TARGET_ZERO;

  if (plan.targeting.countries.length === 0) errors[fieldId.countries] = 'Choose at least one country to target.';
  if (plan.targeting.ageBands.length === 0) errors[fieldId.ageBands] = 'Choose at least one age group to target.';

  // Each market's figures are the ones of the flight's year.
  const assumptionList = ledgerFor(benchmarks.assumptions, benchmarks.markets, yearOf(plan.startDate) ?? yearOf(plan.endDate));
  const assumptions = {} as Assumptions;
  for (const a of assumptionList) {
    assumptions[a.key] = a.value;
    const override = plan.assumptionOverrides[a.key];
    if (override === undefined || override.trim() === '') continue;
    const parsed = parseAssumptionOverride(override, a);
    if (parsed.ok && parsed.value !== null) assumptions[a.key] = parsed.value;
    else if (!parsed.ok) errors[fieldId.assumption(a.key)] = parsed.reason;
  }

  if (!errors[fieldId.countries] && !errors[fieldId.ageBands] && !(audienceOf(plan.targeting, assumptions).universe > 0)) {
    errors[fieldId.ageBands] =
      'No one is left in the targeted audience: the chosen countries, age groups and gender have no users. Check the audience assumptions.';
  }
  const takeoverNotes: string[] = [];
  // A takeover shows once a day per person: its guarantee never exceeds the market's daily users.
  // An override above them is an error (and the ledger's figure is used, as for any refused
  // override); the ledger's figure above daily users the plan itself lowered is held to them.
  const hasTakeover = plan.formats.some((f) => f.included !== false && formats.find((x) => x.id === f.formatId)?.purchaseUnit === 'days');
  for (const country of new Set(plan.targeting.countries)) {
    const key = marketKey.takeoverImpressions(country);
    const daily = assumptions[marketKey.universe(country)] * assumptions.dailyActiveShare;
    if (!(assumptions[key] > daily)) continue;
    const typed = (plan.assumptionOverrides[key] ?? '').trim() !== '';
    if (typed && !errors[fieldId.assumption(key)]) {
      errors[fieldId.assumption(key)] =
        `Brand Takeover shows once a day per person: ${describeLimit(Math.round(assumptions[key]), 'count')} impressions a day is more than ${COUNTRY_NAMES[country]}’s ${describeLimit(Math.round(daily), 'count')} daily users (its users × the daily active share).`;
      assumptions[key] = assumptionList.find((a) => a.key === key)?.value ?? daily;
    }
    if (assumptions[key] > daily) {
      if (hasTakeover) {
        takeoverNotes.push(
          `In ${COUNTRY_NAMES[country]}, ${describeLimit(Math.round(assumptions[key]), 'count')} guaranteed impressions a day are more than its ${describeLimit(Math.round(daily), 'count')} daily users: seen once a day per person, a day delivers ${describeLimit(Math.floor(daily), 'count')}.`,
        );
      }
      assumptions[key] = Math.floor(daily);
    }
  }

  const formatLines: ValidFormatLine[] = [];
  for (const line of plan.formats) {
    const format = formats.find((f) => f.id === line.formatId);
    if (!format) continue;
    const id = fieldId.format(format.id);
    const label = formatAmountLabel(format);
    if (format.purchaseUnit === 'days') {
      const days = parseNumber(line.amount, FIELD_RULES.formatDays(label));
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
      if (takeoverNotes.length > 0) warnings[id] = takeoverNotes.join(' ');
      // Booking needs the category; the projection doesn't, so it's a reminder, not a blocker.
      if (line.category.trim() === '') {
        warnings[fieldId.formatCategory(format.id)] = `Choose the ${format.name} category: TikTok sells one brand per category per day.`;
      }
      const dayPrice = takeoverDayPrice(plan.targeting.countries, assumptions);
      formatLines.push({
        format,
        days: days.value,
        budget: null,
        spend: days.value * dayPrice,
        buyingModel: 'CPM',
        pacing: line.pacing,
      });
      continue;
    }
    const budget = parseNumber(line.amount, FIELD_RULES.formatBudget(label));
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
    if (format.package) {
      const bought = packageDays(format, budget.value, assumptions, flightDays);
      if (!bought.ok) {
        errors[id] = bought.reason;
        excluded.push(format.name);
        continue;
      }
      if (bought.leftover !== null) warnings[id] = bought.leftover;
      formatLines.push({
        format,
        days: bought.days,
        budget: budget.value,
        spend: bought.spend,
        buyingModel: 'CPM',
        pacing: line.pacing,
      });
      continue;
    }
    if (format.minimumSpend !== null && budget.value < format.minimumSpend) {
      errors[id] = `${format.name} has a minimum spend of ${usd(format.minimumSpend)}.`;
      excluded.push(format.name);
      continue;
    }
    formatLines.push({
      format,
      days: null,
      budget: budget.value,
      spend: budget.value,
      buyingModel: format.id === 'in-feed' ? line.buyingModel : 'CPM',
      pacing: line.pacing,
    });
  }

  const creatorLines: ValidCreatorLine[] = [];
  for (const line of plan.creators) {
    const handle = `@${line.handle}`;
    const posts = parseNumber(line.posts, FIELD_RULES.posts(handle));
    const fee = parseNumber(line.fee, FIELD_RULES.fee(handle));
    const spark = parseNumber(line.sparkBudget, FIELD_RULES.sparkBudget(handle));
    if (!posts.ok || posts.value === null) errors[fieldId.creatorPosts(line.handle)] = posts.ok ? `Enter ${handle} posts.` : posts.reason;
    if (!fee.ok || fee.value === null) errors[fieldId.creatorFee(line.handle)] = fee.ok ? `Enter ${handle} fee.` : fee.reason;
    if (!spark.ok) errors[fieldId.creatorSpark(line.handle)] = spark.reason;
    const postDays = posts.ok && posts.value !== null ? checkPostDates(line, posts.value, start, flightDays, errors) : null;
    if (plan.targeting.countries.length > 0 && !(creatorTargetShare(line, plan.targeting, assumptions) > 0)) {
      warnings[fieldId.creatorPosts(line.handle)] = line.audience
        ? `None of ${handle}’s measured audience is in the targeted countries, ages and gender: their views count as impressions, not as target reach.`
        : `${handle} posts to an audience in ${line.country}, outside the targeted countries: their views count as impressions, not as target reach.`;
    }
    if (posts.ok && posts.value !== null && fee.ok && fee.value !== null && spark.ok && postDays !== null) {
      const sparkBudget = spark.value ?? 0;
      creatorLines.push({
        line,
        posts: posts.value,
        fee: fee.value,
        sparkBudget,
        spend: posts.value * fee.value + sparkBudget,
        postDays,
      });
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

  const costs = parseCosts(plan.costs, MAX_MONEY);
  for (const field of COST_FIELDS) {
    const reason = costs.errors[field];
    if (reason === undefined) continue;
    errors[fieldId.cost(field)] = reason;
    excluded.push(COST_NAMES[field]);
  }
  // The budget caps the line items' spend (an error above); the cost lines on top of it are
  // often paid from other budgets, so a gross over the cap is a warning.
  const gross = fullCost({ formats: formatLines, creators: creatorLines }, costs.inputs).gross;
  if (capValue !== null && toCents(gross) > toCents(capValue) && !(unallocated !== null && unallocated < 0)) {
    warnings[fieldId.grossCost] =
      `The gross cost (${describeLimit(gross, 'usd')}, with cost lines and tax) is over the total budget by ${describeLimit((toCents(gross) - toCents(capValue)) / 100, 'usd')}.`;
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
      targeting: plan.targeting,
      spreads: spreadsOf(assumptionList),
      catalog: formats,
      budget: capValue,
      formats: formatLines,
      creators: creatorLines,
      assumptions,
      costs: costs.inputs,
      earnedInReach: plan.earnedInReach,
    },
    ledger: assumptionList,
  };
}

/** A Brand Takeover day is a day in each targeted market: the sum of their prices. */
export function takeoverDayPrice(countries: readonly Country[], assumptions: Assumptions): number {
  return [...new Set(countries)].reduce((sum, c) => sum + assumptions[marketKey.takeoverPrice(c)], 0);
}

/** Impressions guaranteed on a Brand Takeover day: the sum of the targeted markets' guarantees. */
export function takeoverDayImpressions(countries: readonly Country[], assumptions: Assumptions): number {
  return [...new Set(countries)].reduce((sum, c) => sum + assumptions[marketKey.takeoverImpressions(c)], 0);
}

/** The package price assumption of each format sold as a package. */
export const PACKAGE_PRICE_KEY: Partial<Record<FormatId, AssumptionKey>> = {
  'hashtag-challenge': 'challengePackagePrice',
  'hashtag-challenge-plus': 'challengePlusPackagePrice',
  'branded-effects': 'effectsPackagePrice',
};

/** A package's price, length and price per day under a plan's assumptions; null for formats not sold as a package. */
export function packageTerms(format: AdFormat, assumptions: Assumptions): { price: number; days: number; dayPrice: number } | null {
  const key = PACKAGE_PRICE_KEY[format.id];
  if (!format.package || !key) return null;
  const price = assumptions[key];
  const days = format.package.days;
  return { price, days, dayPrice: price / days };
}

/**
 * What a budget buys of a format sold as a package: one package (its price, its days), and
 * with the rest whole extra days at the package's price per day, all inside the flight. A budget
 * below the package buys nothing, and says so; money that buys no whole day is named.
 */
export function packageDays(
  format: AdFormat,
  budget: number,
  assumptions: Assumptions,
  flightDays: number | null,
): { ok: true; days: number; spend: number; leftover: string | null } | { ok: false; reason: string } {
  const terms = packageTerms(format, assumptions);
  if (!terms) return { ok: false, reason: `${format.name} is not sold as a package.` };
  const { price, days: length, dayPrice } = terms;
  if (toCents(budget) < toCents(price)) {
    return {
      ok: false,
      reason:
        `${format.name} is sold as a ${length}-day package of ${usd(price)}${format.priceIsEstimate ? ' (an estimate)' : ''}: ` +
        `a budget of ${usd(budget)} doesn’t buy it. If your quote is lower, change “${format.name} package price” in the assumptions.`,
    };
  }
  if (flightDays !== null && length > flightDays) {
    return { ok: false, reason: `A ${length}-day ${format.name} package doesn’t fit in a ${flightDays}-day flight.` };
  }
  // The most whole days whose cost, in cents, the budget covers ($175,000 at $25,000 a day is 7;
  // $233,333.32 at $33,333.33⅓ a day is 6, since 7 cost $233,333.33).
  const costOf = (d: number) => toCents((d * price) / length);
  let days = price > 0 ? Math.floor((budget * length) / price + 1e-9) : length;
  while (price > 0 && costOf(days + 1) <= toCents(budget)) days++;
  while (days > length && costOf(days) > toCents(budget)) days--;
  if (flightDays !== null && days > flightDays) {
    return {
      ok: false,
      reason: `${usd(budget)} buys ${days} days of ${format.name} (the ${length}-day package and ${days - length} extra days at ${usd(dayPrice)} a day), more than the ${flightDays}-day flight: lower the budget to ${usd(flightDays * dayPrice)} or lengthen the flight.`,
    };
  }
  const spend = toCents((days * price) / length) / 100;
  const left = (toCents(budget) - toCents(spend)) / 100;
  const extra = days - length;
  const leftover =
    left > 0
      ? `${usd(spend)} is spent: the ${length}-day package${extra > 0 ? ` and ${extra} extra day${extra === 1 ? '' : 's'}` : ''}. The other ${usd(left)} buys nothing: an extra day costs ${usd(dayPrice)}.`
      : null;
  return { ok: true, days, spend, leftover };
}

/** Spreads `count` events over `days` days as evenly as possible: event k lands on day floor(k x days / count). */
export function eventDays(count: number, days: number): number[] {
  return Array.from({ length: count }, (_, k) => Math.floor((k * days) / count));
}

/**
 * Checks a creator's posting dates and returns each post's day of the flight (sorted);
 * posts without a date take the even spread. Null when a date is invalid (the line is left out).
 */
function checkPostDates(
  line: PlanCreatorLine,
  posts: number,
  start: Date | null,
  flightDays: number | null,
  errors: Record<string, string>,
): number[] | null {
  const even = flightDays === null ? [] : eventDays(posts, flightDays);
  let ok = true;
  const days: number[] = [];
  for (let i = 0; i < posts; i++) {
    const text = (line.postDates[i] ?? '').trim();
    if (text === '') {
      if (flightDays !== null) days.push(even[i] ?? 0);
      continue;
    }
    const date = parseIsoDate(text);
    const id = fieldId.creatorPostDate(line.handle, i);
    const label = `@${line.handle} post ${i + 1} date`;
    if (!date) {
      errors[id] = `${label} must be a real date (yyyy-MM-dd), or leave it empty to spread posts evenly.`;
      ok = false;
      continue;
    }
    if (!start || flightDays === null) continue;
    const day = differenceInCalendarDays(date, start);
    if (day < 0 || day >= flightDays) {
      errors[id] = `${label} (${text}) is outside the flight: pick a date from the start date to the end date.`;
      ok = false;
      continue;
    }
    days.push(day);
  }
  return ok ? days.sort((a, b) => a - b) : null;
}

function toCents(amount: number): number {
  return Math.round(amount * 100);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
