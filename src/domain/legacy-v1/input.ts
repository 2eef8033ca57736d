import { parseNumber } from '../parse';
import type { Plan, PlanCreatorLine, Targeting } from '../plan';
import { eventDays, flightLength, parseIsoDate } from '../validation';
import { AGE_BANDS, marketKey, type AgeBand, type FormatId, type Goal } from '../types';
import { spreadsOf, valuesOf } from './scenarios';
import { differenceInCalendarDays } from 'date-fns';

/**
 * The first edition's inputs, frozen: its assumption keys and default values, the format facts
 * it read, and how it parsed a plan into what it projected. Only `headlineOfPlan` is used, to
 * say once how a plan saved before the second edition moved.
 */

export const COUNTRIES = ['US', 'KR', 'GB', 'CA', 'JP'] as const;
export type Country = (typeof COUNTRIES)[number];

const AGE_KEYS = {
  '13-17': 'ageShare13to17',
  '18-24': 'ageShare18to24',
  '25-34': 'ageShare25to34',
  '35-44': 'ageShare35to44',
  '45-54': 'ageShare45to54',
  '55+': 'ageShare55plus',
} as const satisfies Record<AgeBand, string>;

export type AssumptionKey =
  | `universe${Country}`
  | (typeof AGE_KEYS)[AgeBand]
  | 'femaleShare'
  | 'reachCurveShape'
  | 'duplicationFactor'
  | 'creatorRepeatOverlap'
  | 'inFeedCpm'
  | 'inFeedCpc'
  | 'inFeedCpv'
  | 'takeoverPricePerDay'
  | 'takeoverImpressionsPerDay'
  | 'challengeCpm'
  | 'challengePlusCpm'
  | 'effectsCpm'
  | 'sparkCpm'
  | 'sixSecondViewRate'
  | 'creatorViewRate'
  | 'paidEngagementRate'
  | 'sparkEngagementLift'
  | 'engagementRateNano'
  | 'engagementRateMicro'
  | 'engagementRateMid'
  | 'engagementRateMacro'
  | 'engagementRateMega'
  | 'clickThroughRate'
  | 'conversionRate'
  | 'averageOrderValue'
  | 'ugcSubmissionRate'
  | 'viewsPerSubmission'
  | 'emvCpm';

export type Assumptions = Record<AssumptionKey, number>;

export interface Assumption {
  key: AssumptionKey;
  value: number;
  unit: 'fraction' | 'usd' | 'people' | 'views' | 'number';
  range: [number, number] | null;
}

const a = (key: AssumptionKey, value: number, unit: Assumption['unit'], range: [number, number] | null = null): Assumption => ({ key, value, unit, range });

/** The first edition's defaults, as its benchmarks served them. */
export const ASSUMPTIONS_V1: readonly Assumption[] = [
  a('universeUS', 26_500_000, 'people'),
  a('universeKR', 4_147_130, 'people'),
  a('universeGB', 5_436_103, 'people'),
  a('universeCA', 3_018_278, 'people'),
  a('universeJP', 10_127_644, 'people'),
  a('ageShare13to17', 0.2, 'fraction'),
  a('ageShare18to24', 0.5, 'fraction'),
  a('ageShare25to34', 0.17, 'fraction'),
  a('ageShare35to44', 0.08, 'fraction'),
  a('ageShare45to54', 0.03, 'fraction'),
  a('ageShare55plus', 0.02, 'fraction'),
  a('femaleShare', 0.5, 'fraction'),
  a('reachCurveShape', 1, 'number'),
  a('duplicationFactor', 0.95, 'fraction'),
  a('creatorRepeatOverlap', 0.5, 'fraction'),
  a('inFeedCpm', 10, 'usd'),
  a('inFeedCpc', 0.8, 'usd'),
  a('inFeedCpv', 0.05, 'usd'),
  a('takeoverPricePerDay', 50_000, 'usd'),
  a('takeoverImpressionsPerDay', 5_000_000, 'number'),
  a('challengeCpm', 20, 'usd'),
  a('challengePlusCpm', 20, 'usd'),
  a('effectsCpm', 20, 'usd'),
  a('sparkCpm', 6.5, 'usd', [5, 8]),
  a('sixSecondViewRate', 0.2, 'fraction'),
  a('creatorViewRate', 0.1449, 'fraction', [0.1449, 0.1623]),
  a('paidEngagementRate', 0.0414, 'fraction', [0.0414, 0.0538]),
  a('sparkEngagementLift', 0.43, 'fraction'),
  a('engagementRateNano', 0.115, 'fraction', [0.08, 0.15]),
  a('engagementRateMicro', 0.0596, 'fraction', [0.05, 0.1]),
  a('engagementRateMid', 0.045, 'fraction', [0.03, 0.06]),
  a('engagementRateMacro', 0.0264, 'fraction', [0.02, 0.03]),
  a('engagementRateMega', 0.02, 'fraction', [0.0111, 0.0264]),
  a('clickThroughRate', 0.009, 'fraction', [0.006, 0.012]),
  a('conversionRate', 0.02, 'fraction', [0.01, 0.03]),
  a('averageOrderValue', 40, 'usd'),
  a('ugcSubmissionRate', 250_000 / 7_500_000, 'fraction'),
  a('viewsPerSubmission', (430_000_000 - 7_500_000) / 250_000, 'views'),
  a('emvCpm', 8, 'usd', [4, 15]),
];

/** The format facts the first edition read. */
export interface FormatV1 {
  id: FormatId;
  name: string;
  purchaseUnit: 'budget' | 'days';
  minimumSpend: number | null;
  priceIsEstimate: boolean;
  shoppable: boolean;
}

const FORMATS_V1: readonly FormatV1[] = [
  { id: 'in-feed', name: 'In-Feed Ads', purchaseUnit: 'budget', minimumSpend: 6000, priceIsEstimate: false, shoppable: false },
  { id: 'brand-takeover', name: 'Brand Takeover', purchaseUnit: 'days', minimumSpend: 50_000, priceIsEstimate: false, shoppable: false },
  { id: 'hashtag-challenge', name: 'Hashtag Challenge', purchaseUnit: 'budget', minimumSpend: 150_000, priceIsEstimate: true, shoppable: false },
  { id: 'hashtag-challenge-plus', name: 'Hashtag Challenge Plus', purchaseUnit: 'budget', minimumSpend: 200_000, priceIsEstimate: true, shoppable: true },
  { id: 'branded-effects', name: 'Branded Effects', purchaseUnit: 'budget', minimumSpend: 100_000, priceIsEstimate: true, shoppable: false },
];

export interface ValidFormatLine {
  format: FormatV1;
  spend: number;
  days: number | null;
  buyingModel: 'CPM' | 'CPC' | 'CPV';
  pacing: 'even' | 'front-loaded';
}

export interface ValidCreatorLine {
  line: Pick<PlanCreatorLine, 'handle' | 'country' | 'tier' | 'fans' | 'avgViews' | 'engagementRate'>;
  posts: number;
  fee: number;
  sparkBudget: number;
  spend: number;
  postDays: number[];
}

export interface ProjectionInput {
  flightDays: number | null;
  goal: Goal;
  targeting: Omit<Targeting, 'countries'> & { countries: Country[] };
  formats: ValidFormatLine[];
  creators: ValidCreatorLine[];
  assumptions: Assumptions;
  spreads: ReturnType<typeof spreadsOf>;
}

/**
 * The second edition's override of a first-edition assumption: the same key, or for the keys
 * the second edition split by market, the first targeted market's (as the migration wrote it).
 */
function overrideOf(plan: Plan, key: AssumptionKey, first: Country): string | undefined {
  const o = plan.assumptionOverrides as Partial<Record<string, string>>;
  if (key === 'femaleShare') return o[marketKey.femaleShare(first)];
  if (key === 'takeoverPricePerDay') return o[marketKey.takeoverPrice(first)];
  if (key === 'takeoverImpressionsPerDay') return o[marketKey.takeoverImpressions(first)];
  const band = AGE_BANDS.find((b) => AGE_KEYS[b] === key);
  if (band) return o[marketKey.ageShare(band, first)];
  return o[key];
}

const money = { label: '', max: 100_000_000, unit: 'usd' as const, min: 0 };

/**
 * What the first edition projected for `plan`: its assumptions with the plan's overrides, and
 * the line items it would have kept (as its validation read them). Null for a plan the first
 * edition couldn't project (no market it knew).
 */
export function inputV1(plan: Plan): ProjectionInput | null {
  const countries = plan.targeting.countries.filter((c): c is Country => (COUNTRIES as readonly string[]).includes(c));
  const first = countries[0];
  if (!first) return null;
  const values = valuesOf(ASSUMPTIONS_V1);
  for (const item of ASSUMPTIONS_V1) {
    const text = overrideOf(plan, item.key, first);
    if (text === undefined || text.trim() === '') continue;
    const parsed = parseNumber(text, { label: '', max: 10_000_000_000, unit: item.unit === 'fraction' ? 'percent' : item.unit === 'usd' ? 'usd' : 'plain', min: 0 });
    if (parsed.ok && parsed.value !== null && (item.unit === 'fraction' || item.unit === 'usd' || parsed.value > 0)) {
      values[item.key] = item.unit === 'fraction' ? Math.min(1, parsed.value / 100) : parsed.value;
    }
  }
  const flightDays = flightLength(plan.startDate, plan.endDate);
  const start = parseIsoDate(plan.startDate);

  const formats: ValidFormatLine[] = [];
  for (const line of plan.formats) {
    const format = FORMATS_V1.find((f) => f.id === line.formatId);
    if (!format || !line.included) continue;
    if (format.purchaseUnit === 'days') {
      const days = parseNumber(line.amount, { label: '', max: 366, unit: 'count', integer: true, min: 1 });
      if (!days.ok || days.value === null || (flightDays !== null && days.value > flightDays)) continue;
      formats.push({ format, days: days.value, spend: days.value * values.takeoverPricePerDay, buyingModel: 'CPM', pacing: line.pacing });
      continue;
    }
    const budget = parseNumber(line.amount, money);
    if (!budget.ok || budget.value === null || budget.value === 0) continue;
    if (format.minimumSpend !== null && budget.value < format.minimumSpend && !format.priceIsEstimate) continue;
    formats.push({ format, days: null, spend: budget.value, buyingModel: format.id === 'in-feed' ? line.buyingModel : 'CPM', pacing: line.pacing });
  }

  const creators: ValidCreatorLine[] = [];
  for (const line of plan.creators) {
    const posts = parseNumber(line.posts, { label: '', max: 100, unit: 'count', integer: true, min: 1 });
    const fee = parseNumber(line.fee, money);
    const spark = parseNumber(line.sparkBudget, { ...money, optional: true });
    if (!posts.ok || posts.value === null || !fee.ok || fee.value === null || !spark.ok) continue;
    const even = flightDays === null ? [] : eventDays(posts.value, flightDays);
    const postDays: number[] = [];
    let ok = true;
    for (let i = 0; i < posts.value; i++) {
      const text = (line.postDates[i] ?? '').trim();
      if (text === '') {
        if (flightDays !== null) postDays.push(even[i] ?? 0);
        continue;
      }
      const date = parseIsoDate(text);
      const day = date && start ? differenceInCalendarDays(date, start) : -1;
      if (!date || (flightDays !== null && (day < 0 || day >= flightDays))) ok = false;
      else postDays.push(day);
    }
    if (!ok) continue;
    const sparkBudget = spark.value ?? 0;
    creators.push({ line, posts: posts.value, fee: fee.value, sparkBudget, spend: posts.value * fee.value + sparkBudget, postDays: postDays.sort((x, y) => x - y) });
  }

  return {
    flightDays,
    goal: plan.goal,
    targeting: { countries, ageBands: plan.targeting.ageBands, gender: plan.targeting.gender },
    formats,
    creators,
    assumptions: values,
    spreads: spreadsOf(ASSUMPTIONS_V1),
  };
}
