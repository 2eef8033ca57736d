import { addDays, format as formatDate } from 'date-fns';
import type { Audience } from './audience';
import { fullCost, NO_COSTS, type FullCost } from './costs';
import { GOAL_KPI, type KpiMetric } from './plan';
import { reachShare } from './reach';
import { DEFAULT_SEED } from './scenarios';
import { bandOf, CENTRAL, DRAWS, SAMPLE_SIZE, type Range } from './stats';
import { packageTerms, takeoverDayPrice, MAX_FLIGHT_DAYS, MAX_POSTS, parseIsoDate, type ProjectionInput, type ValidCreatorLine, type ValidFormatLine } from './validation';
import { marketKey, type AdFormat, type AssumptionKey, type FormatId } from './types';
import { addSpendByDay, combineLogs, componentLog0, drawParams, flightRun, inReach, lineLog0, modelled, planReach, type Modelled, type PlanReach } from './model/engine';
import { creatorModel, demographicKeys, formatModel, SUMMED_METRICS, type BoughtUnit, type LineModel, type SummedMetric } from './model/lines';
import { NONE_RANGE, rangeOfTerms, sampleOf, type Scenarios, type Term } from './model/terms';
import type { Trace, TraceStep } from './model/trace';

/**
 * The projection model, second edition. Each line item is what its money buys (whole takeover
 * days, a package and its days, posts, or impressions bought by budget), delivered to the
 * targeted audience on a reach curve (negative binomial for paid delivery, beta-binomial over
 * whole posts and takeover days, so a takeover is seen at most once a day), with its funnel and
 * its participants' videos kept apart as earned. Components and line items combine by the same
 * rule: largest + D × (Sainsbury − largest). Every figure is computed in the central scenario
 * (each assumption at the ledger's value: the headline, which recomputes from what the user
 * reads) and in 81 seeded scenarios of the uncertain rates and the model's structural
 * assumptions (its P10–P90 range).
 */

export { type Range } from './stats';
export { SUMMED_METRICS, type SummedMetric, type BoughtUnit } from './model/lines';
export { viewsPerPost, creatorEngagementRate } from './model/lines';
export type { Trace, TraceStep, TraceKey, TraceRule, TraceUnit } from './model/trace';

export type RangedMetric = SummedMetric | 'reach' | 'earnedReach';

export const COST_METRICS = ['cpm', 'cpv', 'cpe', 'cpc', 'cpa', 'costPerSubmission', 'costPerReach'] as const;
export type CostMetric = (typeof COST_METRICS)[number];

/** Figures of a line item or of the plan: central values, with every range beside them. */
export interface Figures extends Record<RangedMetric, number> {
  spend: number;
  /** Central value and P10–P90 of each figure. */
  ranges: Record<RangedMetric, Range>;
  /** Cost per result, from spend (no spread) ÷ the result's range; null where there is no result. */
  costs: Record<CostMetric, Range | null>;
  /** Engagements per video view. */
  engagementRate: Range | null;
  /** (Revenue − spend) ÷ spend (the plan's: on the gross cost); the one figure that may be negative. */
  roi: Range | null;
  /** Revenue ÷ spend (the plan's: ÷ the gross cost). */
  roas: Range | null;
  /** Cost per 1,000 impressions (a shortcut of costs.cpm.mid). */
  cpm: number | null;
  /** Average frequency: in-target impressions ÷ reach; null without reach. */
  frequency: number | null;
}

export interface LineResult extends Figures {
  id: string;
  kind: 'format' | 'creator';
  name: string;
  formatId: FormatId | null;
  /** What the money buys, exactly (no spread): impressions, clicks, 6-second views, days or posts. */
  bought: { quantity: number; unit: BoughtUnit };
  /** The named quantities every figure of the line item is computed from (see model/trace.ts). */
  trace: Trace;
}

/** How the plan's reach is de-duplicated, in the central scenario, for the explanation. */
export interface ReachTrace {
  universe: number;
  items: { name: string; reach: number }[];
  /** Line items combined as if independent: U × (1 − Π(1 − rᵢ ÷ U)). */
  sainsbury: number;
  largest: number;
  /** D: the share of the independent gain over the largest line item the plan gets. */
  independentShare: number;
  reach: number;
  /** Reach ÷ U, and the earned reach ÷ U. */
  share: number;
  earnedShare: number;
}

/**
 * The plan's figures. Its `spend` is the line items' (media + creator fees), and so are its
 * costs per result; its `roi` and `roas` are on `fullCost.gross`, cost lines and tax included.
 */
export interface Totals extends Figures {
  /** In-target impressions ÷ reach, with its range. */
  frequencyRange: Range | null;
  /** Reach at 1+, 2+, 3+, 4+ and 5+ exposures (index 0 is 1+); empty in a format comparison. */
  reachAtLeast: Range[];
  /** The goal's unit cost (see goalCost). */
  costPerResult: Range | null;
  /** Impressions that land in the targeted audience (the reach curves' input). */
  targetImpressions: Range;
  /** Media, creator fees, the cost lines, net, tax and gross (see costs.ts). */
  fullCost: FullCost;
  reachTrace: ReachTrace;
}

export interface DailyPoint {
  date: string;
  spend: number;
  cumulativeSpend: number;
  cumulativeImpressions: number;
  /** Cumulative reach in the central scenario, with its P10–P90 band. */
  cumulativeReach: number;
  cumulativeReachLow: number;
  cumulativeReachHigh: number;
  /** Every summed figure from the start to the end of the day, in the central scenario: the last day is the headline. */
  cumulative: Record<SummedMetric, number>;
}

export interface KpiStatus {
  metric: KpiMetric;
  label: string;
  actual: number;
  range: Range;
  target: number | null;
  met: boolean | null;
  /** Share of the sampled scenarios meeting the target; null without a target. */
  chanceMet: number | null;
}

export interface BudgetPoint {
  /** What the plan would spend at this step: whole days, posts and packages priced as bought. */
  spend: number;
  reach: number;
  /** True at the plan's own budget. */
  isPlan: boolean;
}

export interface FormatComparison {
  formatId: FormatId;
  name: string;
  /** What the comparison budget buys of this format; 0 when it can't be bought. */
  spend: number;
  /** Why the format can't be bought with the comparison budget; null when it can. */
  unavailable: string | null;
  figures: Figures | null;
  costPerResult: Range | null;
}

export interface Projection {
  items: LineResult[];
  totals: Totals;
  daily: DailyPoint[];
  kpi: KpiStatus;
  audience: Audience;
  /** Reach as every line item's purchase scales from 0 to 2× in whole units, the plan at 1×. */
  budgetCurve: BudgetPoint[];
  /** Every format alone on the plan's planned spend. */
  comparison: { budget: number; formats: FormatComparison[] };
  sample: { size: number; seed: number };
}

export interface ProjectOptions {
  seed?: number;
  /** Leave out the daily series, budget curve and format comparison (used for the comparison itself). */
  figuresOnly?: boolean;
  /** `false` leaves out the frequency distribution (the format comparison doesn't chart it). */
  frequency?: boolean;
}

// ---------------------------------------------------------------------------------------
// Figures.

function derived(spend: number, r: Record<RangedMetric, Range>) {
  const per = (x: Range, unit = 1): Range | null =>
    x.low > 0 ? { low: (spend / x.high) * unit, mid: (spend / x.mid) * unit, high: (spend / x.low) * unit } : null;
  const costs: Record<CostMetric, Range | null> = {
    cpm: per(r.impressions, 1000),
    cpv: per(r.videoViews),
    cpe: per(r.engagements),
    cpc: per(r.clicks),
    cpa: per(r.conversions),
    costPerSubmission: per(r.submissions),
    costPerReach: per(r.reach),
  };
  return { costs, ...returnOn(spend, r.revenue), cpm: costs.cpm?.mid ?? null };
}

/** ROAS (revenue ÷ cost) and ROI ((revenue − cost) ÷ cost) at the revenue's range; null without a cost. */
function returnOn(cost: number, revenue: Range): { roas: Range | null; roi: Range | null } {
  if (!(cost > 0)) return { roas: null, roi: null };
  const roas = { low: revenue.low / cost, mid: revenue.mid / cost, high: revenue.high / cost };
  return { roas, roi: { low: roas.low - 1, mid: roas.mid - 1, high: roas.high - 1 } };
}

function figures(spend: number, r: Record<RangedMetric, Range>, engagementRate: Range | null, frequency: number | null): Figures {
  return {
    impressions: r.impressions.mid,
    paidImpressions: r.paidImpressions.mid,
    videoViews: r.videoViews.mid,
    sixSecondViews: r.sixSecondViews.mid,
    engagements: r.engagements.mid,
    clicks: r.clicks.mid,
    conversions: r.conversions.mid,
    revenue: r.revenue.mid,
    submissions: r.submissions.mid,
    earnedViews: r.earnedViews.mid,
    earnedEngagements: r.earnedEngagements.mid,
    emv: r.emv.mid,
    reach: r.reach.mid,
    earnedReach: r.earnedReach.mid,
    frequency,
    spend,
    ranges: r,
    engagementRate,
    ...derived(spend, r),
  };
}

/** A ratio's range from its numerator and denominator in every draw (the central ratio recomputes from the central figures). */
function ratioBand(num: Float64Array, den: Float64Array): Range | null {
  if (!((den[CENTRAL] ?? 0) > 0)) return null;
  for (let d = 0; d < DRAWS; d++) RATIO[d] = (den[d] ?? 0) > 0 ? (num[d] ?? 0) / (den[d] ?? 1) : 0;
  return bandOf(RATIO);
}
/** Buffers for a line item's ratio, reused (read once per call, nothing kept). */
const RATIO = new Float64Array(DRAWS);
const NUM = new Float64Array(DRAWS);
const DEN = new Float64Array(DRAWS);

const KPI_FIGURE: Record<KpiMetric, SummedMetric | 'reach'> = {
  reach: 'reach',
  engagements: 'engagements',
  submissions: 'submissions',
  conversions: 'conversions',
  revenue: 'revenue',
};

/**
 * The goal's unit cost: per 1,000 people reached (awareness), per engagement, per video
 * submission, per install, and per conversion for sales (revenue itself is judged by ROAS).
 * Spend has no spread, so the range is the result's, inverted.
 */
export function goalCost(spend: number, ranges: Record<RangedMetric, Range>, goal: ProjectionInput['goal']): Range | null {
  const metric = GOAL_KPI[goal].metric;
  const result = ranges[metric === 'revenue' ? 'conversions' : KPI_FIGURE[metric]];
  const per = metric === 'reach' ? 1000 : 1;
  if (!(result.low > 0)) return null;
  return { low: (spend / result.high) * per, mid: (spend / result.mid) * per, high: (spend / result.low) * per };
}

/** The terms of one metric across a line item's components. */
function lineTerms(model: LineModel, metric: SummedMetric): Term[] {
  const [only, ...rest] = model.components;
  if (only && rest.length === 0) return only.metrics[metric];
  const out: Term[] = [];
  for (const c of model.components) for (const t of c.metrics[metric]) out.push(t);
  return out;
}

/** Each summed metric of a set of line models in every draw, terms grouped by their factor so each factor is read once. */
function planSamples(models: readonly LineModel[], s: Scenarios): Record<SummedMetric, Float64Array> {
  const out = {} as Record<SummedMetric, Float64Array>;
  for (const metric of SUMMED_METRICS) {
    const bySig = new Map<string, number>();
    const sampled: Term[] = [];
    for (const model of models) {
      for (const c of model.components) {
        for (const t of c.metrics[metric]) {
          if (t.sample) sampled.push(t);
          else bySig.set(t.sig, (bySig.get(t.sig) ?? 0) + t.coef);
        }
      }
    }
    const sample = new Float64Array(DRAWS).fill(bySig.get('') ?? 0);
    for (const [sig, coef] of bySig) {
      const v = sig === '' ? null : s.of(sig);
      if (v) for (let d = 0; d < DRAWS; d++) sample[d] = (sample[d] ?? 0) + coef * (v[d] ?? 1);
    }
    if (sampled.length > 0) {
      const extra = sampleOf(sampled, s);
      for (let d = 0; d < DRAWS; d++) sample[d] = (sample[d] ?? 0) + (extra[d] ?? 0);
    }
    out[metric] = sample;
  }
  return out;
}

function scaled(sample: Float64Array, by: number): Float64Array {
  const out = new Float64Array(sample.length);
  for (let i = 0; i < sample.length; i++) out[i] = (sample[i] ?? 0) * by;
  return out;
}

function allZero(sample: Float64Array): boolean {
  for (let i = 0; i < sample.length; i++) if (sample[i] !== 0) return false;
  return true;
}

/** A share's range in people: none (no sort) when nobody is reached in any draw. */
function peopleBand(shares: Float64Array | undefined, U: number): Range {
  if (!shares || allZero(shares)) return NONE_RANGE;
  // × U keeps the order (U > 0), so the band of the shares, scaled, is the band in people.
  const b = bandOf(shares);
  return { low: b.low * U, mid: b.mid * U, high: b.high * U };
}

// ---------------------------------------------------------------------------------------
// The trace of reach, added to each line item's.

function reachSteps(model: LineModel, central: readonly number[], m: Modelled, reach: number, targeting: ProjectionInput['targeting']): TraceStep[] {
  const { a } = m;
  const U = m.audience.universe;
  const steps: TraceStep[] = [];
  const uses = m.audience.byCountry.flatMap((c) => [marketKey.universe(c.country), ...demographicKeys(c.country, targeting)]);
  steps.push({ key: 'universe', value: U, unit: 'people', rule: 'audience', from: [], uses, note: 'the targeted audience' });
  const has = (key: TraceStep['key']) => model.trace.some((s) => s.key === key);
  const parts: TraceStep['key'][] = [];
  model.components.forEach((comp, j) => {
    const r = (central[j] ?? 0) * U;
    if (comp.curve.kind === 'units') {
      const creator = comp.curve.repeat === 'creatorRepeatOverlap';
      const repeatKey: AssumptionKey = comp.curve.repeat;
      steps.push({ key: 'repeatShare', value: a[repeatKey], unit: 'share', rule: 'assumption', from: [], uses: [repeatKey] });
      const key = creator ? 'postsReach' : 'daysReach';
      steps.push({
        key,
        value: r,
        unit: 'people',
        rule: 'units',
        from: [creator ? 'targetViewsPerPost' : 'dailyTargetReach', creator ? 'posts' : 'days', 'repeatShare', 'universe'],
        uses: [],
      });
      parts.push(key);
      return;
    }
    if (!has('curveShape') && !steps.some((s) => s.key === 'curveShape')) {
      steps.push({ key: 'curveShape', value: a.reachCurveShape, unit: 'number', rule: 'assumption', from: [], uses: ['reachCurveShape'] });
    }
    if (comp.earned) {
      steps.push({ key: 'earnedReach', value: r, unit: 'people', rule: 'nbd', from: ['earnedTargetViews', 'universe', 'curveShape'], uses: [] });
      if (m.earnedInReach) parts.push('earnedReach');
      return;
    }
    const spark = model.kind === 'creator';
    const key = spark ? 'sparkReach' : 'paidReach';
    const input = spark ? 'sparkImpressions' : has('paidTargetImpressions') ? 'paidTargetImpressions' : 'targetImpressions';
    steps.push({ key, value: r, unit: 'people', rule: 'nbd', from: [input, 'universe', 'curveShape'], uses: [] });
    parts.push(key);
  });
  if (parts.length > 1) {
    const shares = model.components.map((comp, j) => (!comp.earned || m.earnedInReach ? (central[j] ?? 0) : 0));
    const detail = {
      largest: Math.max(0, ...shares) * U,
      sainsbury: reachShare(shares.reduce((acc, r) => acc + Math.log1p(-Math.min(1, r)), 0)) * U,
    };
    steps.push({ key: 'independentShare', value: a.duplicationFactor, unit: 'share', rule: 'assumption', from: [], uses: ['duplicationFactor'] });
    steps.push({ key: 'reach', value: reach, unit: 'people', rule: 'combine', from: [...parts, 'independentShare'], uses: [], detail });
  } else {
    steps.push({ key: 'reach', value: reach, unit: 'people', rule: 'sum', from: parts, uses: [] });
  }
  return steps;
}

// ---------------------------------------------------------------------------------------
// The projection.

/** Projects a validated plan: line items, totals, daily series, KPI, budget curve and format comparison. */
export function project(input: ProjectionInput, options: ProjectOptions = {}): Projection {
  const seed = options.seed ?? DEFAULT_SEED;
  // The trace of a line item is built when it is read ("How?" opened, an export of it), not on
  // every projection: a 1,000-line plan projects without 25,000 trace steps it may never show.
  const m = modelled(input, seed, false);
  const { s, audience, models } = m;
  const U = audience.universe;
  const pr = planReach(m, { exposures: options.frequency !== false });
  const traceContext = { a: m.a, s, audience, targeting: input.targeting, flightDays: input.flightDays, earnedInReach: input.earnedInReach, trace: true };
  const traceOf = (i: number, reach: number, frequency: number | null): Trace => {
    const f = input.formats[i];
    const c = input.creators[i - input.formats.length];
    const traced = f ? formatModel(f, traceContext) : c ? creatorModel(c, traceContext) : null;
    if (!traced) return [];
    const trace = [...traced.trace, ...reachSteps(traced, pr.centralComponents[i] ?? [], m, reach, input.targeting)];
    trace.push({ key: 'frequency', value: frequency ?? 0, unit: 'times', rule: 'quotient', from: ['targetImpressions', 'reach'], uses: [] });
    return trace;
  };

  // Line items.
  const items: LineResult[] = models.map((model, i) => {
    const ranges = {} as Record<RangedMetric, Range>;
    for (const metric of SUMMED_METRICS) ranges[metric] = rangeOfTerms(lineTerms(model, metric), s);
    ranges.reach = peopleBand(pr.itemReach[i], U);
    ranges.earnedReach = peopleBand(pr.itemEarned[i], U);
    const views = sampleOf(lineTerms(model, 'videoViews'), s, DEN);
    const engagements = sampleOf(lineTerms(model, 'engagements'), s, NUM);
    const target = pr.itemTarget[i]?.[CENTRAL] ?? 0;
    const reach = ranges.reach.mid;
    const frequency = reach > 0 ? target / reach : null;
    let trace: Trace | undefined;
    return {
      id: model.id,
      kind: model.kind,
      name: model.name,
      formatId: model.formatId,
      bought: model.bought,
      get trace() {
        return (trace ??= traceOf(i, reach, frequency));
      },
      ...figures(model.spend, ranges, ratioBand(engagements, views), frequency),
    };
  });

  // Plan totals.
  const samples = planSamples(models, s);
  const reachSample = scaled(pr.reach, U);
  const ranges = {} as Record<RangedMetric, Range>;
  for (const metric of SUMMED_METRICS) ranges[metric] = bandOf(samples[metric]);
  ranges.reach = bandOf(reachSample);
  ranges.earnedReach = bandOf(scaled(pr.earned, U));
  const spend = models.reduce((acc, model) => acc + model.spend, 0);
  const targetImpressions = bandOf(pr.target);
  const freq = new Float64Array(DRAWS);
  for (let d = 0; d < DRAWS; d++) freq[d] = (reachSample[d] ?? 0) > 0 ? (pr.target[d] ?? 0) / (reachSample[d] ?? 1) : 0;
  const frequencyRange = ranges.reach.mid > 0 ? bandOf(freq) : null;
  const base = figures(spend, ranges, ratioBand(samples.engagements, samples.videoViews), frequencyRange?.mid ?? null);
  // The plan's return is on what it costs in full; line items keep theirs on their own spend.
  const cost = fullCost(input, input.costs);

  const kpiInfo = GOAL_KPI[input.goal];
  const kpiKey = KPI_FIGURE[kpiInfo.metric];
  const kpiSample = kpiKey === 'reach' ? reachSample : samples[kpiKey];
  const kpiRange = ranges[kpiKey];
  const target = input.kpiTarget;
  let meeting = 0;
  for (let d = 0; d < SAMPLE_SIZE; d++) if ((kpiSample[d] ?? 0) >= (target ?? Infinity)) meeting++;

  const itemReach = items.map((it) => ({ name: it.name, reach: it.reach }));
  const sumLog = pr.itemReach.reduce((acc, r) => acc + Math.log1p(-Math.min(1, r[CENTRAL] ?? 0)), 0);
  const totals: Totals = {
    ...base,
    frequencyRange,
    // The k+ bands come from the scenarios at the P10 and P90 of reach, widened to the central value.
    reachAtLeast: pr.atLeast
      ? pr.atLeast.mid.map((mid, k) => {
          const a = (pr.atLeast?.low[k] ?? mid) * U;
          const b = (pr.atLeast?.high[k] ?? mid) * U;
          return { low: Math.min(a, b, mid * U), mid: mid * U, high: Math.max(a, b, mid * U) };
        })
      : [],
    ...returnOn(cost.gross, ranges.revenue),
    costPerResult: goalCost(spend, ranges, input.goal),
    targetImpressions,
    fullCost: cost,
    reachTrace: {
      universe: U,
      items: itemReach,
      sainsbury: reachShare(sumLog) * U,
      largest: Math.max(0, ...itemReach.map((r) => r.reach)),
      independentShare: input.assumptions.duplicationFactor,
      reach: ranges.reach.mid,
      share: U > 0 ? ranges.reach.mid / U : 0,
      earnedShare: U > 0 ? ranges.earnedReach.mid / U : 0,
    },
  };

  const full = !options.figuresOnly;
  return {
    items,
    totals,
    daily: full ? dailySeries(input, m, pr, totals) : [],
    kpi: {
      metric: kpiInfo.metric,
      label: kpiInfo.metricLabel,
      actual: kpiRange.mid,
      range: kpiRange,
      target,
      met: target === null ? null : kpiRange.mid >= target,
      chanceMet: target === null ? null : meeting / SAMPLE_SIZE,
    },
    audience,
    budgetCurve: full ? budgetCurve(input, m, spend, ranges.reach.mid) : [],
    comparison: full ? compareFormats(input, spend, seed) : { budget: 0, formats: [] },
    sample: { size: SAMPLE_SIZE, seed },
  };
}

// ---------------------------------------------------------------------------------------
// Over time.

/** The flight's dates (yyyy-MM-dd), or null without valid flight dates. */
export function flightDates(input: Pick<ProjectionInput, 'flightDays' | 'startDate'>): string[] | null {
  const { flightDays, startDate } = input;
  const start = startDate ? parseIsoDate(startDate) : null;
  if (flightDays === null || !start) return null;
  return Array.from({ length: flightDays }, (_, d) => formatDate(addDays(start, d), 'yyyy-MM-dd'));
}

/** The sampled draws at the P10 and P90 of the plan's reach (the daily band's scenarios). */
function bandDraws(reach: Float64Array): { low: number; high: number } {
  const order = Array.from({ length: SAMPLE_SIZE }, (_, i) => i).sort((i, j) => (reach[i] ?? 0) - (reach[j] ?? 0) || i - j);
  return { low: order[8] ?? 0, high: order[72] ?? 0 };
}

/**
 * The daily series: spend, cumulative impressions, cumulative de-duplicated reach and every
 * summed figure per day in the central scenario, with the reach band from the scenarios at the
 * P10 and P90 of the plan's reach (each one coherent scenario; the band takes in the central
 * line where a skewed spread leaves it outside, as the range does). The last day is the headline.
 */
function dailySeries(input: ProjectionInput, m: Modelled, pr: PlanReach, totals: Totals): DailyPoint[] {
  const dates = flightDates(input);
  if (!dates) return [];
  const T = dates.length;
  const U = m.audience.universe;
  const central = flightRun(m, T, CENTRAL, { metrics: true });
  const draws = bandDraws(pr.reach);
  const low = flightRun(m, T, draws.low);
  const high = flightRun(m, T, draws.high);
  const spendByDay = new Float64Array(T);
  for (const model of m.models) addSpendByDay(model, spendByDay);

  const points: DailyPoint[] = [];
  let cumulativeSpend = 0;
  for (let d = 0; d < T; d++) {
    const last = d === T - 1;
    const daySpend = spendByDay[d] ?? 0;
    cumulativeSpend += daySpend;
    const reach = last ? totals.reach : (central.reach[d] ?? 0) * U;
    const cumulative = {} as Record<SummedMetric, number>;
    for (const k of SUMMED_METRICS) cumulative[k] = last ? totals[k] : (central.metrics?.[k][d] ?? 0);
    points.push({
      date: dates[d] ?? '',
      spend: daySpend,
      cumulativeSpend: last ? totals.spend : cumulativeSpend,
      cumulativeImpressions: cumulative.impressions,
      cumulativeReach: reach,
      cumulativeReachLow: last ? totals.ranges.reach.low : Math.min((low.reach[d] ?? 0) * U, reach),
      cumulativeReachHigh: last ? totals.ranges.reach.high : Math.max((high.reach[d] ?? 0) * U, reach),
      cumulative,
    });
  }
  return points;
}

// ---------------------------------------------------------------------------------------
// Budget curve.

/** Steps of the budget curve: 0× to 2× the plan's purchases in twelfths (the plan is step 12). */
const CURVE_STEPS = 24;
const PLAN_STEP = 12;

/** A format line scaled by `x` in whole units, within the flight: null where it buys nothing (below a minimum or a package). */
function scaledFormat(l: ValidFormatLine, x: number, flightDays: number | null): ValidFormatLine | null {
  const f = l.format;
  if (l.days !== null) {
    const days = Math.min(Math.floor(l.days * x + 1e-9), flightDays ?? MAX_FLIGHT_DAYS);
    const length = f.package?.days ?? 1;
    if (days < length || days < 1) return null;
    const perDay = l.spend / l.days;
    return { ...l, days, spend: days * perDay, budget: l.budget === null ? null : days * perDay };
  }
  const budget = l.spend * x;
  if (!(budget > 0) || (f.minimumSpend !== null && budget < f.minimumSpend)) return null;
  return { ...l, spend: budget, budget };
}

/** A creator's posts with the purchase scaled by `x`: whole, at most MAX_POSTS. */
function scaledPosts(l: ValidCreatorLine, x: number): number {
  return Math.min(Math.floor(l.posts * x + 1e-9), MAX_POSTS);
}

/**
 * Reach if every line item's purchase were scaled by the same factor, bought as it is sold:
 * whole takeover days and a package's whole extra days (within the flight), whole posts (at most 100), In-Feed budgets above the
 * minimum. Each point's spend is what those purchases cost, so the curve steps where purchases
 * are whole. In the central scenario, so the plan's point is the plan's reach. A line item keeps
 * its curves: budgets scale its impressions, whole units its units; a package's participants,
 * which saturate, are modelled again for each quantity bought (once per quantity).
 */
function budgetCurve(input: ProjectionInput, m: Modelled, spend: number, planReachValue: number): BudgetPoint[] {
  if (m.models.length === 0 || !(spend > 0)) return [];
  const ctx = { a: m.a, s: m.s, audience: m.audience, targeting: input.targeting, flightDays: null, earnedInReach: input.earnedInReach, trace: false };
  const p = drawParams(m, CENTRAL);
  const packages = new Map<string, number>();
  /** A line item's log of the unreached share with its purchase scaled: `share` of its impressions, `units` of its units. */
  const scaledLog = (model: LineModel, share: number, unitsShare: number): number => {
    const [only, ...rest] = model.components;
    if (only && rest.length === 0) {
      return only.earned && !m.earnedInReach ? 0 : componentLog0(only, m.s, CENTRAL, p, only.curve.kind === 'units' ? unitsShare : share);
    }
    const logs: number[] = [];
    for (const comp of model.components) {
      if (comp.earned && !m.earnedInReach) continue;
      logs.push(componentLog0(comp, m.s, CENTRAL, p, comp.curve.kind === 'units' ? unitsShare : share));
    }
    return combineLogs(logs, p.independentShare);
  };
  const points: BudgetPoint[] = [];
  for (let step = 0; step <= CURVE_STEPS; step++) {
    if (step === PLAN_STEP) {
      points.push({ spend, reach: planReachValue, isPlan: true });
      continue;
    }
    const x = step / PLAN_STEP;
    const logs: number[] = [];
    let stepSpend = 0;
    input.formats.forEach((l, i) => {
      const model = m.models[i];
      const scaledLine = scaledFormat(l, x, input.flightDays);
      if (!model || !scaledLine) return;
      stepSpend += scaledLine.spend;
      if (l.format.package) {
        const key = `${i}:${scaledLine.days}`;
        let log = packages.get(key);
        if (log === undefined) {
          log = lineLog0(formatModel(scaledLine, ctx), m, CENTRAL, p);
          packages.set(key, log);
        }
        logs.push(log);
        return;
      }
      const ratio = l.days !== null && scaledLine.days !== null ? scaledLine.days / l.days : scaledLine.spend / l.spend;
      logs.push(scaledLog(model, ratio, ratio));
    });
    input.creators.forEach((l, i) => {
      const model = m.models[input.formats.length + i];
      // Posts are whole (their units); Spark Ads budgets scale their impressions.
      const posts = scaledPosts(l, x);
      if (!model || posts < 1) return;
      stepSpend += posts * l.fee + l.sparkBudget * x;
      logs.push(scaledLog(model, x, posts / l.posts));
    });
    points.push({ spend: stepSpend, reach: reachShare(combineLogs(logs, p.independentShare)) * m.audience.universe, isPlan: false });
  }
  return points;
}

/** The central reach of a set of line models (in the plan's scenarios and audience). */
export function reachOfModels(m: Modelled, models: readonly LineModel[]): number {
  if (models.length === 0) return 0;
  const pr = planReach({ ...m, models: [...models] }, { exposures: false, draws: 'central' });
  return (pr.reach[CENTRAL] ?? 0) * m.audience.universe;
}

// ---------------------------------------------------------------------------------------
// Format comparison.

/** The budget the formats are compared on: the plan's planned spend, else its budget, else $100,000. */
function comparisonBudget(input: ProjectionInput, spend: number): number {
  return spend > 0 ? spend : (input.budget ?? 100_000);
}

const usd = (n: number) => n.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** What `budget` buys of `format` alone, or why it buys nothing. */
export function formatAlone(format: AdFormat, budget: number, input: ProjectionInput): ValidFormatLine | { unavailable: string } {
  const a = input.assumptions;
  const flight = input.flightDays ?? MAX_FLIGHT_DAYS;
  if (format.purchaseUnit === 'days') {
    const dayPrice = takeoverDayPrice(input.targeting.countries, a);
    const days = dayPrice > 0 ? Math.min(Math.floor(budget / dayPrice), flight) : 0;
    if (!(days >= 1)) return { unavailable: `A day costs ${usd(dayPrice)}.` };
    return { format, days, budget: null, spend: days * dayPrice, buyingModel: 'CPM', pacing: 'even' };
  }
  const pkg = packageTerms(format, a);
  if (pkg) {
    if (budget < pkg.price) return { unavailable: `The ${pkg.days}-day package costs ${usd(pkg.price)}.` };
    if (pkg.days > flight) return { unavailable: `A ${pkg.days}-day package doesn’t fit in a ${flight}-day flight.` };
    const days = Math.min(Math.floor(budget / pkg.dayPrice + 1e-9), flight);
    return { format, days, budget, spend: days * pkg.dayPrice, buyingModel: 'CPM', pacing: 'even' };
  }
  if (format.minimumSpend !== null && budget < format.minimumSpend) return { unavailable: `Minimum spend is ${usd(format.minimumSpend)}.` };
  return { format, days: null, budget, spend: budget, buyingModel: 'CPM', pacing: 'even' };
}

/** Each ad format alone on the plan's planned spend, with the goal's cost per result. */
function compareFormats(input: ProjectionInput, spend: number, seed: number): Projection['comparison'] {
  const budget = comparisonBudget(input, spend);
  const formats = input.catalog.map((format: AdFormat): FormatComparison => {
    const line = formatAlone(format, budget, input);
    if ('unavailable' in line) {
      return { formatId: format.id, name: format.name, spend: 0, unavailable: line.unavailable, figures: null, costPerResult: null };
    }
    // A format's own figures: the plan's cost lines are not the format's.
    const alone = project({ ...input, formats: [line], creators: [], costs: NO_COSTS }, { seed, figuresOnly: true, frequency: false });
    return {
      formatId: format.id,
      name: format.name,
      spend: line.spend,
      unavailable: null,
      figures: alone.totals,
      costPerResult: goalCost(line.spend, alone.totals.ranges, input.goal),
    };
  });
  return { budget, formats };
}

export { modelled, planReach, flightRun, addSpendByDay, inReach, type Modelled, type PlanReach };
export type { ItemDays } from './model/engine';
