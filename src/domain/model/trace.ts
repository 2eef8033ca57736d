import type { AssumptionKey } from '../types';

/**
 * What a figure is computed from: the named quantities of one line item (or of the plan), in
 * the order the model computes them, each with its value in the central scenario, the rule that
 * makes it from earlier quantities and the assumptions it reads. "How is this calculated?"
 * renders this trace; it computes nothing itself, so the explanation and the figures can't drift.
 */

export const TRACE_KEYS = [
  // What the money buys.
  'budget',
  'buyingModel',
  'cpm',
  'cpc',
  'cpv',
  'clicksBought',
  'sixSecondViewsBought',
  'days',
  'pricePerDay',
  'packagePrice',
  'packageDays',
  'dayPrice',
  'extraDays',
  'impressionsPerDay',
  'posts',
  'fee',
  'sparkBudget',
  'sparkCpm',
  'fees',
  'spend',
  // Delivery.
  'paidImpressions',
  'sparkImpressions',
  'fans',
  'credibility',
  'realFans',
  'creatorViewRate',
  'viewsPerPost',
  'views',
  'impressions',
  'videoViews',
  'sixSecondViewRate',
  'sixSecondViews',
  // Audience and reach.
  'universe',
  'targetShare',
  'paidTargetImpressions',
  'targetViews',
  'targetImpressions',
  'targetViewsPerPost',
  'dailyTargetReach',
  'curveShape',
  'repeatShare',
  'paidReach',
  'postsReach',
  'daysReach',
  'sparkReach',
  'independentShare',
  'reach',
  'frequency',
  // User-generated content.
  'marketUsers',
  'maxParticipationShare',
  'participationCap',
  'submissionRate',
  'submissions',
  'viewsPerSubmission',
  'earnedViews',
  'earnedTargetViews',
  'earnedReach',
  'participantEngagementRate',
  'earnedEngagements',
  'emvCpm',
  'emv',
  // Engagement and funnel.
  'engagementRate',
  'sparkEngagementRate',
  'paidEngagements',
  'postEngagements',
  'sparkEngagements',
  'engagements',
  'clickThroughRate',
  'organicClickRate',
  'postClicks',
  'paidClicks',
  'clicks',
  'conversionRate',
  'conversions',
  'averageOrderValue',
  'revenue',
] as const;
export type TraceKey = (typeof TRACE_KEYS)[number];

/**
 * How a quantity is made:
 * - `input`: typed in the plan; `assumption`: the ledger's value; `catalog`: the creator's catalog facts.
 * - `product`: the product of `from`; `quotient`: from[0] ÷ from[1]; `perThousand`: from[0] ÷ from[1] × 1,000;
 *   `thousandths`: from[0] × from[1] ÷ 1,000; `sum`: the sum of `from`; `difference`: from[0] − from[1].
 * - `nbd`: negative-binomial reach of from = [in-target impressions, universe, curve shape].
 * - `units`: beta-binomial reach of from = [in-target reach per unit, units, repeat share, universe].
 * - `combine`: vehicles combined, from = [their reaches…, independent share] (see reach.ts).
 * - `saturation`: cap × (1 − e^(−rate × impressions ÷ cap)), from = [impressions, rate, cap].
 * - `audience`: a share of an audience (the targeted ages, gender and countries), with `note` saying whose.
 * - `wholeDays`: whole days a budget buys at a price per day, from = [budget, price per day].
 */
export type TraceRule =
  | 'input'
  | 'assumption'
  | 'catalog'
  | 'product'
  | 'quotient'
  | 'perThousand'
  | 'thousandths'
  | 'sum'
  | 'difference'
  | 'nbd'
  | 'units'
  | 'combine'
  | 'saturation'
  | 'audience'
  | 'wholeDays';

export type TraceUnit = 'usd' | 'count' | 'people' | 'share' | 'times' | 'number' | 'text';

export interface TraceStep {
  key: TraceKey;
  value: number;
  unit: TraceUnit;
  rule: TraceRule;
  from: TraceKey[];
  /** The ledger's assumptions this step reads directly. */
  uses: AssumptionKey[];
  /** A word on what the step means here, where the rule alone doesn't say it (whose audience, which curve). */
  note?: string | undefined;
  /** A combination's bounds: the largest vehicle's reach and the reach as if independent (Sainsbury). */
  detail?: { largest: number; sainsbury: number } | undefined;
}

export type Trace = TraceStep[];

/** Builds a trace step by step; a key written twice keeps the last step. */
export class TraceBuilder {
  private readonly steps = new Map<TraceKey, TraceStep>();

  add(key: TraceKey, value: number, unit: TraceUnit, rule: TraceRule, from: TraceKey[] = [], uses: AssumptionKey[] = [], note?: string): number {
    this.steps.delete(key);
    this.steps.set(key, { key, value, unit, rule, from, uses, ...(note === undefined ? {} : { note }) });
    return value;
  }

  has(key: TraceKey): boolean {
    return this.steps.has(key);
  }

  /** The value of a step already added (0 when there is none). */
  value(key: TraceKey): number {
    return this.steps.get(key)?.value ?? 0;
  }

  build(): Trace {
    return [...this.steps.values()];
  }
}

/** The steps a figure is made from, in the order they were computed: `key` and everything it comes from. */
export function chainOf(trace: Trace, key: TraceKey): TraceStep[] {
  const byKey = new Map(trace.map((s) => [s.key, s]));
  const wanted = new Set<TraceKey>();
  const visit = (k: TraceKey) => {
    if (wanted.has(k)) return;
    const step = byKey.get(k);
    if (!step) return;
    wanted.add(k);
    for (const f of step.from) visit(f);
  };
  visit(key);
  return trace.filter((s) => wanted.has(s.key));
}

/** The assumptions a figure reads, through every step it comes from. */
export function usesOf(trace: Trace, key: TraceKey): AssumptionKey[] {
  return [...new Set(chainOf(trace, key).flatMap((s) => s.uses))];
}

/** The value of a quantity in a trace; undefined when the trace doesn't have it. */
export function traced(trace: Trace, key: TraceKey): number | undefined {
  return trace.find((s) => s.key === key)?.value;
}
