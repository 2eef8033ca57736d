import { addDays, format as formatDate } from 'date-fns';
import { audienceOf, type Audience } from './audience';
import { fullCost, NO_COSTS, type FullCost } from './costs';
import { GOAL_KPI, type KpiMetric } from './plan';
import { combineLogs, frequencyAtLeast, nbdLogUnreached, postsLogUnreached } from './reach';
import { DEFAULT_SEED, drawScenarios, type ScenarioFactors } from './scenarios';
import { point, rangeOf, rankedDraws, SAMPLE_SIZE, type Range } from './stats';
import { eventDays, MAX_FLIGHT_DAYS, parseIsoDate, type ProjectionInput, type ValidCreatorLine, type ValidFormatLine } from './validation';
import type { AdFormat, AssumptionKey, Assumptions, FormatId, Tier } from './types';

/**
 * The projection model. Each line item is written as sums of terms, coefficient × the
 * product of the uncertain rates it uses; reach comes from its in-target impressions on a
 * curve (negative binomial for paid delivery, beta-binomial for a creator's posts) and
 * line items combine with Sainsbury and an overlap factor. Ranges come from SAMPLE_SIZE
 * seeded scenarios of the rates with a published spread (see scenarios.ts): P10/P50/P90 of
 * every figure, the headline being the P50. Bought and guaranteed quantities have no spread.
 */

export { type Range } from './stats';

export const SUMMED_METRICS = [
  'impressions',
  'paidImpressions',
  'earnedViews',
  'videoViews',
  'engagements',
  'clicks',
  'conversions',
  'submissions',
  'revenue',
  'emv',
] as const;
export type SummedMetric = (typeof SUMMED_METRICS)[number];
export type RangedMetric = SummedMetric | 'reach';

export const COST_METRICS = ['cpm', 'cpv', 'cpe', 'cpc', 'cpa', 'costPerSubmission', 'costPerReach'] as const;
export type CostMetric = (typeof COST_METRICS)[number];

export type BoughtUnit = 'impressions' | 'clicks' | '6-second views' | 'days' | 'posts';

/** Figures of a line item or of the plan: P50 values, with every range beside them. */
export interface Figures extends Record<RangedMetric, number> {
  spend: number;
  /** P10/P50/P90 of each figure. */
  ranges: Record<RangedMetric, Range>;
  /** Cost per result, from spend (no spread) ÷ the result's range; null where there is no result. */
  costs: Record<CostMetric, Range | null>;
  /** Engagements per video view. */
  engagementRate: Range | null;
  /** (Revenue − spend) ÷ spend (the plan's: on the gross cost); the one figure that may be negative. */
  roi: Range | null;
  /** Revenue ÷ spend (the plan's: ÷ the gross cost). */
  roas: Range | null;
  /** Cost per 1,000 impressions at the P50 (a shortcut of costs.cpm.mid). */
  cpm: number | null;
  /** Average frequency: in-target impressions ÷ reach, at the P50; null without reach. */
  frequency: number | null;
}

/** The numbers a line item's figures are computed from, for "How is this calculated?". */
export type Basis = Partial<
  Record<
    | 'budget'
    | 'price'
    | 'bought'
    | 'days'
    | 'posts'
    | 'fee'
    | 'viewsPerPost'
    | 'fans'
    | 'engagementRate'
    | 'targetShare'
    | 'submissionRate'
    | 'viewsPerSubmission'
    | 'sparkBudget'
    | 'sparkCpm',
    number
  >
>;

export interface LineResult extends Figures {
  id: string;
  kind: 'format' | 'creator';
  name: string;
  formatId: FormatId | null;
  /** What the money buys, exactly (no spread): impressions, clicks, 6-second views, days or posts. */
  bought: { quantity: number; unit: BoughtUnit };
  basis: Basis;
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
}

export interface DailyPoint {
  date: string;
  spend: number;
  cumulativeSpend: number;
  cumulativeImpressions: number;
  /** Cumulative reach at P50, with its P10-P90 band. */
  cumulativeReach: number;
  cumulativeReachLow: number;
  cumulativeReachHigh: number;
}

export interface KpiStatus {
  metric: KpiMetric;
  label: string;
  actual: number;
  range: Range;
  target: number | null;
  met: boolean | null;
  /** Share of scenarios meeting the target; null without a target. */
  chanceMet: number | null;
}

export interface BudgetPoint {
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
  /** Reach as every line item's budget scales from 0 to 2× (diminishing returns), the plan at 1×. */
  budgetCurve: BudgetPoint[];
  /** Every format alone on the same budget. */
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

const TIER_RATE: Record<Tier, AssumptionKey> = {
  nano: 'engagementRateNano',
  micro: 'engagementRateMicro',
  mid: 'engagementRateMid',
  macro: 'engagementRateMacro',
  mega: 'engagementRateMega',
};

const FORMAT_CPM: Partial<Record<FormatId, AssumptionKey>> = {
  'hashtag-challenge': 'challengeCpm',
  'hashtag-challenge-plus': 'challengePlusCpm',
  'branded-effects': 'effectsCpm',
};

// ---------------------------------------------------------------------------------------
// Terms: coefficient × product of the uncertain rates (their scenario factors).

const NONE: readonly AssumptionKey[] = [];

/** `sig` names the product of factors ('' when none of the rates has a spread). */
interface Term {
  coef: number;
  sig: string;
}

/** Resolves term signatures to per-scenario values, cached per projection. */
class Scenarios {
  private readonly values = new Map<string, Float64Array | null>();
  private readonly ranks = new Map<string, { low: number; mid: number; high: number }>();
  private readonly parts = new Map<string, { num: AssumptionKey[]; den: AssumptionKey[] }>();
  constructor(readonly factors: ScenarioFactors) {}

  term(coef: number, num: readonly AssumptionKey[] = NONE, den: readonly AssumptionKey[] = NONE): Term {
    if (num.length + den.length === 0) return { coef, sig: '' };
    const n = num.filter((k) => this.factors[k]).sort();
    const d = den.filter((k) => this.factors[k]).sort();
    const sig = n.length + d.length === 0 ? '' : `${n.join('*')}/${d.join('*')}`;
    if (sig !== '' && !this.parts.has(sig)) this.parts.set(sig, { num: n, den: d });
    return { coef, sig };
  }

  /** A term times more rates. */
  times(t: Term, coef: number, num: readonly AssumptionKey[] = NONE, den: readonly AssumptionKey[] = NONE): Term {
    if (num.length + den.length === 0) return { coef: t.coef * coef, sig: t.sig };
    const p = t.sig === '' ? { num: NONE, den: NONE } : this.parts.get(t.sig);
    return this.term(t.coef * coef, [...(p?.num ?? []), ...num], [...(p?.den ?? []), ...den]);
  }

  /** The factor of `sig` in each scenario; null when it is 1 throughout. */
  of(sig: string): Float64Array | null {
    if (sig === '') return null;
    const cached = this.values.get(sig);
    if (cached !== undefined) return cached;
    const p = this.parts.get(sig);
    const v = new Float64Array(SAMPLE_SIZE).fill(1);
    for (const k of p?.num ?? []) {
      const f = this.factors[k];
      if (f) for (let i = 0; i < SAMPLE_SIZE; i++) v[i] = (v[i] ?? 1) * (f[i] ?? 1);
    }
    for (const k of p?.den ?? []) {
      const f = this.factors[k];
      if (f) for (let i = 0; i < SAMPLE_SIZE; i++) v[i] = (v[i] ?? 1) / (f[i] ?? 1);
    }
    this.values.set(sig, v);
    return v;
  }

  factor(sig: string, draw: number): number {
    return this.of(sig)?.[draw] ?? 1;
  }

  /** The scenarios at the P10/P50/P90 ranks of a signature's factor. */
  ranksOf(sig: string): { low: number; mid: number; high: number } {
    let r = this.ranks.get(sig);
    if (!r) {
      const v = this.of(sig);
      r = v ? rankedDraws(v) : { low: 0, mid: 0, high: 0 };
      this.ranks.set(sig, r);
    }
    return r;
  }
}

/** One resolver per set of scenarios: its caches outlive a projection while the scenarios do. */
const resolvers = new WeakMap<ScenarioFactors, Scenarios>();
function scenariosOf(factors: ScenarioFactors): Scenarios {
  let s = resolvers.get(factors);
  if (!s) {
    s = new Scenarios(factors);
    resolvers.set(factors, s);
  }
  return s;
}

const sumCoef = (terms: readonly Term[]) => terms.reduce((s, t) => s + t.coef, 0);

function evalTerms(terms: readonly Term[], s: Scenarios, draw: number): number {
  let v = 0;
  for (const t of terms) v += t.coef * s.factor(t.sig, draw);
  return v;
}

/** P10/P50/P90 of a sum of terms: exact from one factor's ranks when only one varies, else sampled. */
/** The range of a figure a line item doesn't produce (shared: ranges are read-only). */
const NONE_RANGE: Range = Object.freeze({ low: 0, mid: 0, high: 0 });

function rangeOfTerms(terms: readonly Term[], s: Scenarios): Range {
  if (terms.length === 0) return NONE_RANGE;
  let constant = 0;
  let sig: string | null = null;
  let mixed = false;
  for (const t of terms) {
    if (t.sig === '') constant += t.coef;
    else if (sig === null || sig === t.sig) sig = t.sig;
    else mixed = true;
  }
  if (sig === null) return point(constant);
  if (!mixed) {
    const r = s.ranksOf(sig);
    const scaled = sumCoef(terms) - constant;
    return {
      low: constant + scaled * s.factor(sig, r.low),
      mid: constant + scaled * s.factor(sig, r.mid),
      high: constant + scaled * s.factor(sig, r.high),
    };
  }
  const sample = new Float64Array(SAMPLE_SIZE);
  for (let d = 0; d < SAMPLE_SIZE; d++) sample[d] = evalTerms(terms, s, d);
  return rangeOf(sample);
}

// ---------------------------------------------------------------------------------------
// Line models.

/** How a component's delivery accrues over the flight. */
type Schedule =
  | { kind: 'fraction'; cumulative: Float64Array }
  | { kind: 'posts'; days: readonly number[] };

/** A piece of a line item with one reach curve. */
interface Component {
  curve: 'nbd' | 'posts';
  /** nbd: in-target impressions over the flight; posts: in-target views per post. */
  target: Term;
  posts: number;
  /** All impressions of the component (on target or not). */
  impressions: Term;
  spend: number;
  schedule: Schedule | null;
}

interface LineModel {
  id: string;
  kind: 'format' | 'creator';
  name: string;
  formatId: FormatId | null;
  spend: number;
  bought: LineResult['bought'];
  basis: Basis;
  metrics: Record<SummedMetric, Term[]>;
  components: Component[];
}

interface Context {
  a: Assumptions;
  s: Scenarios;
  audience: Audience;
  countries: readonly string[];
  flightDays: number | null;
}

function emptyMetrics(): Record<SummedMetric, Term[]> {
  return {
    impressions: [],
    paidImpressions: [],
    earnedViews: [],
    videoViews: [],
    engagements: [],
    clicks: [],
    conversions: [],
    submissions: [],
    revenue: [],
    emv: [],
  };
}

/** Adds terms, leaving out zeros (they would only cost time). */
function put(metrics: Record<SummedMetric, Term[]>, metric: SummedMetric, ...terms: Term[]) {
  for (const t of terms) if (t.coef !== 0) metrics[metric].push(t);
}

/** Cumulative share of delivery by day: even, or front-loaded (daily weights falling linearly to the end). */
function pacedSchedule(days: number, pacing: ValidFormatLine['pacing'], from = 0): Schedule {
  const cumulative = new Float64Array(days);
  const span = days - from;
  const total = pacing === 'even' ? span : (span * (span + 1)) / 2;
  let acc = 0;
  for (let d = 0; d < days; d++) {
    if (d >= from) acc += pacing === 'even' ? 1 : span - (d - from);
    cumulative[d] = span > 0 ? acc / total : 1;
  }
  return { kind: 'fraction', cumulative };
}

/** Takeover days: spread over the flight (even) or on its first days (front-loaded). */
function daysSchedule(count: number, flightDays: number, pacing: ValidFormatLine['pacing']): Schedule {
  const on = pacing === 'even' ? eventDays(count, flightDays) : Array.from({ length: count }, (_, i) => i);
  const cumulative = new Float64Array(flightDays);
  let acc = 0;
  let next = 0;
  for (let d = 0; d < flightDays; d++) {
    while (next < on.length && on[next] === d) {
      acc += 1;
      next++;
    }
    cumulative[d] = acc / count;
  }
  return { kind: 'fraction', cumulative };
}

function formatModel(l: ValidFormatLine, c: Context): LineModel {
  const { a, s } = c;
  const f = l.format;
  const share = c.audience.demographicShare;
  const m = emptyMetrics();
  const basis: Basis = { budget: l.spend };
  const ctr: AssumptionKey[] = ['clickThroughRate'];
  let paid: Term;
  let clicks: Term[] = [];
  let earned: Term | null = null;
  let submissions = 0;
  let targetShare = share;
  let bought: LineResult['bought'];

  if (f.id === 'in-feed') {
    // In-Feed Ads target age and gender, so all their impressions are on target.
    targetShare = 1;
    if (l.buyingModel === 'CPC') {
      const bClicks = l.spend / a.inFeedCpc;
      paid = s.term(bClicks / a.clickThroughRate, [], ctr);
      clicks = [s.term(bClicks)];
      bought = { quantity: bClicks, unit: 'clicks' };
      basis.price = a.inFeedCpc;
    } else if (l.buyingModel === 'CPV') {
      const views = l.spend / a.inFeedCpv;
      paid = s.term(views / a.sixSecondViewRate);
      clicks = [s.times(paid, a.clickThroughRate, ctr)];
      bought = { quantity: views, unit: '6-second views' };
      basis.price = a.inFeedCpv;
    } else {
      const n = (l.spend / a.inFeedCpm) * 1000;
      paid = s.term(n);
      clicks = [s.times(paid, a.clickThroughRate, ctr)];
      bought = { quantity: n, unit: 'impressions' };
      basis.price = a.inFeedCpm;
    }
  } else if (f.id === 'brand-takeover') {
    const days = l.days ?? 0;
    const n = days * a.takeoverImpressionsPerDay;
    paid = s.term(n);
    clicks = [s.times(paid, a.clickThroughRate, ctr)];
    bought = { quantity: days, unit: 'days' };
    basis.days = days;
    basis.price = a.takeoverPricePerDay;
  } else {
    const cpmKey = FORMAT_CPM[f.id] ?? 'challengeCpm';
    const n = (l.spend / a[cpmKey]) * 1000;
    paid = s.term(n);
    submissions = n * a.ugcSubmissionRate;
    earned = s.term(submissions * a.viewsPerSubmission, ['creatorViewRate']);
    if (f.shoppable) clicks = [s.times(paid, a.clickThroughRate, ctr)];
    bought = { quantity: n, unit: 'impressions' };
    basis.price = a[cpmKey];
    basis.submissionRate = a.ugcSubmissionRate;
    basis.viewsPerSubmission = a.viewsPerSubmission;
  }
  basis.bought = bought.quantity;
  basis.targetShare = targetShare;

  put(m, 'paidImpressions', paid);
  put(m, 'impressions', paid);
  put(m, 'videoViews', paid);
  put(m, 'engagements', s.times(paid, a.paidEngagementRate, ['paidEngagementRate']));
  put(m, 'clicks', ...clicks);
  if (earned) {
    put(m, 'earnedViews', earned);
    put(m, 'impressions', earned);
    put(m, 'videoViews', earned);
    put(m, 'engagements', s.times(earned, a.engagementRateNano, ['engagementRateNano']));
    put(m, 'emv', s.times(earned, a.emvCpm / 1000, ['emvCpm']));
  }
  put(m, 'submissions', s.term(submissions));
  for (const t of clicks) {
    const conv = s.times(t, a.conversionRate, ['conversionRate']);
    put(m, 'conversions', conv);
    put(m, 'revenue', s.times(conv, a.averageOrderValue));
  }

  const schedule =
    c.flightDays === null
      ? null
      : l.days !== null
        ? daysSchedule(l.days, c.flightDays, l.pacing)
        : pacedSchedule(c.flightDays, l.pacing);
  const components: Component[] = [
    { curve: 'nbd', target: s.times(paid, targetShare), posts: 0, impressions: paid, spend: l.spend, schedule },
  ];
  // Participants' videos are seen by everyone in the market, like the challenge page.
  if (earned) components.push({ curve: 'nbd', target: s.times(earned, share), posts: 0, impressions: earned, spend: 0, schedule });

  return {
    id: f.id,
    kind: 'format',
    name: f.name,
    formatId: f.id,
    spend: l.spend,
    bought,
    basis,
    metrics: m,
    components,
  };
}

/** Views per post: the catalog's average, else fans × the view-rate benchmark. */
export function viewsPerPost(line: ValidCreatorLine['line'], a: Assumptions): number {
  return line.avgViews ?? line.fans * a.creatorViewRate;
}

/** Engagements per view: the catalog's rate, else the creator's tier benchmark. */
export function creatorEngagementRate(line: ValidCreatorLine['line'], a: Assumptions): number {
  return line.engagementRate ?? a[TIER_RATE[line.tier]];
}

function creatorModel(l: ValidCreatorLine, c: Context): LineModel {
  const { a, s } = c;
  const line = l.line;
  const m = emptyMetrics();
  const perPost = line.avgViews !== null ? s.term(line.avgViews) : s.term(line.fans * a.creatorViewRate, ['creatorViewRate']);
  const views = s.times(perPost, l.posts);
  const tierKey = TIER_RATE[line.tier];
  const er: [number, AssumptionKey[]] = line.engagementRate !== null ? [line.engagementRate, []] : [a[tierKey], [tierKey]];
  // A creator's audience is taken to mirror the platform's in their country (issue: audience data per creator).
  const targetShare = c.countries.includes(line.country) ? c.audience.demographicShare : 0;
  const ctr: AssumptionKey[] = ['clickThroughRate'];

  put(m, 'impressions', views);
  put(m, 'videoViews', views);
  put(m, 'engagements', s.times(views, er[0], er[1]));
  put(m, 'emv', s.times(views, a.emvCpm / 1000, ['emvCpm']));
  const clicks = [s.times(views, a.clickThroughRate, ctr)];

  const postSchedule: Schedule | null = c.flightDays === null ? null : { kind: 'posts', days: l.postDays };
  const components: Component[] = [
    { curve: 'posts', target: s.times(perPost, targetShare), posts: l.posts, impressions: views, spend: l.posts * l.fee, schedule: postSchedule },
  ];
  const basis: Basis = {
    posts: l.posts,
    fee: l.fee,
    viewsPerPost: perPost.coef,
    fans: line.fans,
    engagementRate: er[0],
    targetShare,
  };

  if (l.sparkBudget > 0) {
    const spark = s.term((l.sparkBudget / a.sparkCpm) * 1000, [], ['sparkCpm']);
    put(m, 'impressions', spark);
    put(m, 'paidImpressions', spark);
    put(m, 'videoViews', spark);
    put(m, 'engagements', s.times(spark, a.paidEngagementRate * (1 + a.sparkEngagementLift), ['paidEngagementRate']));
    clicks.push(s.times(spark, a.clickThroughRate, ctr));
    const first = l.postDays[0] ?? 0;
    components.push({
      curve: 'nbd',
      target: spark,
      posts: 0,
      impressions: spark,
      spend: l.sparkBudget,
      schedule: c.flightDays === null ? null : pacedSchedule(c.flightDays, 'even', Math.min(first, c.flightDays - 1)),
    });
    basis.sparkBudget = l.sparkBudget;
    basis.sparkCpm = a.sparkCpm;
  }
  put(m, 'clicks', ...clicks);
  for (const t of clicks) {
    const conv = s.times(t, a.conversionRate, ['conversionRate']);
    put(m, 'conversions', conv);
    put(m, 'revenue', s.times(conv, a.averageOrderValue));
  }

  return {
    id: `creator:${line.handle}`,
    kind: 'creator',
    name: `@${line.handle}`,
    formatId: null,
    spend: l.spend,
    bought: { quantity: l.posts, unit: 'posts' },
    basis,
    metrics: m,
    components,
  };
}

// ---------------------------------------------------------------------------------------
// Reach.

interface ReachParams {
  universe: number;
  shape: number;
  overlap: number;
}

/** People reached from the log of the unreached share (never −0). */
export function reachOf(universe: number, log: number): number {
  return Math.max(0, -Math.expm1(log)) * universe;
}

/** Log of the unreached share of one component with its impressions × `scale` and posts × `postScale`. */
function componentLog(comp: Component, scale: number, p: ReachParams, postScale = 1, postsSoFar?: number): number {
  if (comp.curve === 'nbd') return nbdLogUnreached(comp.target.coef * scale, p.universe, p.shape);
  const posts = (postsSoFar ?? comp.posts) * postScale;
  return postsLogUnreached((comp.target.coef * scale) / p.universe, posts, p.overlap);
}

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

/** ROAS (revenue ÷ cost) and ROI ((revenue − cost) ÷ cost) at the revenue's P10/P50/P90; null without a cost. */
function returnOn(cost: number, revenue: Range): { roas: Range | null; roi: Range | null } {
  if (!(cost > 0)) return { roas: null, roi: null };
  const roas = { low: revenue.low / cost, mid: revenue.mid / cost, high: revenue.high / cost };
  return { roas, roi: { low: roas.low - 1, mid: roas.mid - 1, high: roas.high - 1 } };
}

function figures(spend: number, r: Record<RangedMetric, Range>, engagementRate: Range | null, targetImpressions: number): Figures {
  return {
    frequency: r.reach.mid > 0 ? targetImpressions / r.reach.mid : null,
    impressions: r.impressions.mid,
    paidImpressions: r.paidImpressions.mid,
    earnedViews: r.earnedViews.mid,
    videoViews: r.videoViews.mid,
    engagements: r.engagements.mid,
    clicks: r.clicks.mid,
    conversions: r.conversions.mid,
    submissions: r.submissions.mid,
    revenue: r.revenue.mid,
    emv: r.emv.mid,
    reach: r.reach.mid,
    spend,
    ranges: r,
    engagementRate,
    ...derived(spend, r),
  };
}

function rangesOf(metrics: Record<SummedMetric, Term[]>, reach: Range, s: Scenarios): Record<RangedMetric, Range> {
  return {
    impressions: rangeOfTerms(metrics.impressions, s),
    paidImpressions: rangeOfTerms(metrics.paidImpressions, s),
    earnedViews: rangeOfTerms(metrics.earnedViews, s),
    videoViews: rangeOfTerms(metrics.videoViews, s),
    engagements: rangeOfTerms(metrics.engagements, s),
    clicks: rangeOfTerms(metrics.clicks, s),
    conversions: rangeOfTerms(metrics.conversions, s),
    submissions: rangeOfTerms(metrics.submissions, s),
    revenue: rangeOfTerms(metrics.revenue, s),
    emv: rangeOfTerms(metrics.emv, s),
    reach,
  };
}

/** Engagements ÷ video views per scenario; exact when views have no spread. */
function ratioRange(num: readonly Term[], den: readonly Term[], s: Scenarios): Range | null {
  if (!(sumCoef(den) > 0)) return null;
  if (den.every((t) => t.sig === '')) {
    const d = sumCoef(den);
    const n = rangeOfTerms(num, s);
    return { low: n.low / d, mid: n.mid / d, high: n.high / d };
  }
  const sample = new Float64Array(SAMPLE_SIZE);
  for (let i = 0; i < SAMPLE_SIZE; i++) sample[i] = evalTerms(num, s, i) / evalTerms(den, s, i);
  return rangeOf(sample);
}

const KPI_SAMPLE: Record<KpiMetric, SummedMetric | 'reach'> = {
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
  const result = ranges[metric === 'revenue' ? 'conversions' : KPI_SAMPLE[metric]];
  const per = metric === 'reach' ? 1000 : 1;
  if (!(result.low > 0)) return null;
  return { low: (spend / result.high) * per, mid: (spend / result.mid) * per, high: (spend / result.low) * per };
}

// modelled, planReach and the daily series' parts (below) are exported for the daily flight
// table (flight-csv.ts), which loads with its export: its own code stays out of the initial
// bundle, and its numbers come from the same code as the projection's.

/** The line models of a plan and the scenarios they are evaluated in. */
interface Modelled {
  s: Scenarios;
  audience: Audience;
  models: LineModel[];
  reachParams: ReachParams;
}

export function modelled(input: ProjectionInput, seed: number): Modelled {
  const a = input.assumptions;
  const audience = audienceOf(input.targeting, a);
  const s = scenariosOf(drawScenarios(input.spreads, a, seed));
  const ctx: Context = { a, s, audience, countries: input.targeting.countries, flightDays: input.flightDays };
  const models = [...input.formats.map((l) => formatModel(l, ctx)), ...input.creators.map((l) => creatorModel(l, ctx))];
  const reachParams: ReachParams = { universe: audience.universe, shape: a.reachCurveShape, overlap: a.creatorRepeatOverlap };
  return { s, audience, models, reachParams };
}

interface PlanReach {
  itemReach: Range[];
  /** In-target impressions of each line item in the scenario of its P50 reach: frequency = that ÷ reach. */
  itemMidTarget: number[];
  overlapFactor: number;
  /** The plan's de-duplicated reach in each scenario, and the scenarios at its P10/P50/P90. */
  reachSample: Float64Array;
  draws: { low: number; mid: number; high: number };
}

/** Reach per line item per scenario, as logs of the unreached share, summed for the plan. */
export function planReach({ s, models, reachParams }: Modelled, duplicationFactor: number): PlanReach {
  const U = reachParams.universe;
  const constantLog = { sum: 0, min: 0 };
  const sumLog = new Float64Array(SAMPLE_SIZE);
  const minLog = new Float64Array(SAMPLE_SIZE);
  const itemReach: Range[] = [];
  const itemMidTarget: number[] = [];
  const targetAt = (model: LineModel, d: number) =>
    model.components.reduce((acc, c) => acc + c.target.coef * s.factor(c.target.sig, d) * (c.curve === 'posts' ? c.posts : 1), 0);
  for (const model of models) {
    const sigs = new Set(model.components.map((c) => c.target.sig));
    sigs.delete('');
    if (sigs.size === 0) {
      const log = model.components.reduce((acc, c) => acc + componentLog(c, 1, reachParams), 0);
      constantLog.sum += log;
      constantLog.min = Math.min(constantLog.min, log);
      itemReach.push(point(reachOf(U, log)));
      itemMidTarget.push(targetAt(model, 0));
      continue;
    }
    const logs = new Float64Array(SAMPLE_SIZE);
    for (let d = 0; d < SAMPLE_SIZE; d++) {
      let log = 0;
      for (const c of model.components) log += componentLog(c, s.factor(c.target.sig, d), reachParams);
      logs[d] = log;
      sumLog[d] = (sumLog[d] ?? 0) + log;
      minLog[d] = Math.min(minLog[d] ?? 0, log);
    }
    const reachAt = (d: number) => reachOf(U, logs[d] ?? 0);
    // Reach rises with the one factor that moves, so its P10/P50/P90 scenarios give the item's;
    // with several, rank the scenarios by reach itself (a lower log is more reach).
    const [only] = sigs;
    const r =
      sigs.size === 1 ? s.ranksOf(only ?? '') : (({ low, mid, high }) => ({ low: high, mid, high: low }))(rankedDraws(logs));
    itemReach.push({ low: reachAt(r.low), mid: reachAt(r.mid), high: reachAt(r.high) });
    itemMidTarget.push(targetAt(model, r.mid));
  }
  const overlapFactor = models.length > 1 ? duplicationFactor : 1;
  const reachSample = new Float64Array(SAMPLE_SIZE);
  for (let d = 0; d < SAMPLE_SIZE; d++) {
    reachSample[d] = combineLogs(
      constantLog.sum + (sumLog[d] ?? 0),
      Math.min(constantLog.min, minLog[d] ?? 0),
      U,
      overlapFactor,
    );
  }
  return { itemReach, itemMidTarget, overlapFactor, reachSample, draws: rankedDraws(reachSample) };
}

/** Projects a validated plan: line items, totals, daily series, KPI, budget curve and format comparison. */
export function project(input: ProjectionInput, options: ProjectOptions = {}): Projection {
  const seed = options.seed ?? DEFAULT_SEED;
  const a = input.assumptions;
  const m = modelled(input, seed);
  const { s, audience, models, reachParams } = m;
  const U = audience.universe;
  const { itemReach, itemMidTarget, overlapFactor, reachSample, draws: reachDraws } = planReach(m, a.duplicationFactor);
  const totalReach: Range = {
    low: reachSample[reachDraws.low] ?? 0,
    mid: reachSample[reachDraws.mid] ?? 0,
    high: reachSample[reachDraws.high] ?? 0,
  };

  // Line items.
  const items: LineResult[] = models.map((model, i) => {
    const ranges = rangesOf(model.metrics, itemReach[i] ?? point(0), s);
    return {
      id: model.id,
      kind: model.kind,
      name: model.name,
      formatId: model.formatId,
      bought: model.bought,
      basis: model.basis,
      ...figures(
        model.spend,
        ranges,
        ratioRange(model.metrics.engagements, model.metrics.videoViews, s),
        itemMidTarget[i] ?? 0,
      ),
    };
  });

  // Plan totals: each metric's sum per scenario (terms grouped by their factor).
  const samples = {} as Record<SummedMetric, Float64Array>;
  for (const metric of SUMMED_METRICS) {
    const bySig = new Map<string, number>();
    for (const model of models) for (const t of model.metrics[metric]) bySig.set(t.sig, (bySig.get(t.sig) ?? 0) + t.coef);
    const sample = new Float64Array(SAMPLE_SIZE).fill(bySig.get('') ?? 0);
    for (const [sig, coef] of bySig) {
      const v = s.of(sig);
      if (v) for (let d = 0; d < SAMPLE_SIZE; d++) sample[d] = (sample[d] ?? 0) + coef * (v[d] ?? 1);
    }
    samples[metric] = sample;
  }
  const targetBySig = new Map<string, number>();
  for (const model of models) {
    for (const c of model.components) {
      const coef = c.target.coef * (c.curve === 'posts' ? c.posts : 1);
      targetBySig.set(c.target.sig, (targetBySig.get(c.target.sig) ?? 0) + coef);
    }
  }
  const targetSample = new Float64Array(SAMPLE_SIZE);
  for (let d = 0; d < SAMPLE_SIZE; d++) {
    let t = 0;
    for (const [sig, coef] of targetBySig) t += coef * s.factor(sig, d);
    targetSample[d] = t;
  }

  const spend = models.reduce((acc, m) => acc + m.spend, 0);
  const ranges = Object.fromEntries(SUMMED_METRICS.map((k) => [k, rangeOf(samples[k])])) as Record<RangedMetric, Range>;
  ranges.reach = totalReach;
  const erSample = new Float64Array(SAMPLE_SIZE);
  const freqSample = new Float64Array(SAMPLE_SIZE);
  // The frequency distribution is a plan-level chart: a format comparison leaves it out.
  const atLeast = options.frequency === false ? [] : Array.from({ length: 5 }, () => new Float64Array(SAMPLE_SIZE));
  for (let d = 0; d < SAMPLE_SIZE; d++) {
    const views = samples.videoViews[d] ?? 0;
    erSample[d] = views > 0 ? (samples.engagements[d] ?? 0) / views : 0;
    const reach = reachSample[d] ?? 0;
    const target = targetSample[d] ?? 0;
    freqSample[d] = reach > 0 ? target / reach : 0;
    if (atLeast.length === 0) continue;
    const bins = U > 0 ? frequencyAtLeast(target / U, reach / U, 5) : [];
    for (let k = 0; k < 5; k++) {
      const bin = atLeast[k];
      if (bin) bin[d] = (bins[k] ?? 0) * U;
    }
  }
  const targetImpressions = rangeOf(targetSample);
  const frequencyRange = totalReach.mid > 0 ? rangeOf(freqSample) : null;
  const base = figures(spend, ranges, ranges.videoViews.mid > 0 ? rangeOf(erSample) : null, targetImpressions.mid);
  // The plan's return is on what it costs in full; line items keep theirs on their own spend.
  const cost = fullCost(input, input.costs);

  // The goal's KPI, with the share of scenarios that meet its target.
  const kpiInfo = GOAL_KPI[input.goal];
  const kpiKey = KPI_SAMPLE[kpiInfo.metric];
  const kpiSample = kpiKey === 'reach' ? reachSample : samples[kpiKey];
  const kpiRange = ranges[kpiKey];
  const target = input.kpiTarget;
  const chanceMet = target === null ? null : kpiSample.reduce((n, v) => n + (v >= target ? 1 : 0), 0) / SAMPLE_SIZE;
  const costPerResult = goalCost(spend, ranges, input.goal);

  const totals: Totals = {
    ...base,
    frequency: frequencyRange?.mid ?? null,
    frequencyRange,
    reachAtLeast: atLeast.map((bin) => rangeOf(bin)),
    ...returnOn(cost.gross, ranges.revenue),
    costPerResult,
    targetImpressions,
    fullCost: cost,
  };

  const full = !options.figuresOnly;
  return {
    items,
    totals,
    daily: full ? dailySeries(input, models, s, reachParams, overlapFactor, reachDraws) : [],
    kpi: {
      metric: kpiInfo.metric,
      label: kpiInfo.metricLabel,
      actual: kpiRange.mid,
      range: kpiRange,
      target,
      met: target === null ? null : kpiRange.mid >= target,
      chanceMet,
    },
    audience,
    budgetCurve: full ? budgetCurve(models, s, reachParams, overlapFactor, spend, reachDraws.mid) : [],
    comparison: full ? comparedFormats(input, spend, seed) : { budget: 0, formats: [] },
    sample: { size: SAMPLE_SIZE, seed },
  };
}

// ---------------------------------------------------------------------------------------
// Over time.

/** A line item's own cumulative figures by day, in one scenario. */
export interface ItemDays {
  /** Log of the unreached share: its cumulative reach is reachOf(U, log). */
  log: Float64Array;
  impressions: Float64Array;
}

/**
 * Cumulative de-duplicated reach and impressions per day of a T-day flight, in the scenario
 * `draw` of the run it returns; with `items`, each line item's own figures are kept as well (by id).
 * Line items without spread are the same in every scenario, so they are accumulated once.
 */
export function flightRunner(
  models: readonly LineModel[],
  s: Scenarios,
  p: ReachParams,
  overlapFactor: number,
  T: number,
  items?: Map<string, ItemDays>,
): (draw: number) => { reach: Float64Array; impressions: Float64Array } {
  /** Adds `group`'s daily logs and impressions in scenario `draw` into the accumulators. */
  const accumulate = (
    group: readonly LineModel[],
    draw: number,
    acc: { sum: Float64Array; min: Float64Array; impressions: Float64Array },
  ) => {
    const itemLog = new Float64Array(T);
    for (const model of group) {
      itemLog.fill(0);
      const own = items ? new Float64Array(T) : null;
      for (const c of model.components) {
        if (!c.schedule) continue;
        const scale = s.factor(c.target.sig, draw);
        const imps = c.impressions.coef * s.factor(c.impressions.sig, draw);
        if (c.schedule.kind === 'fraction') {
          const cum = c.schedule.cumulative;
          let prev = -1;
          let log = 0;
          for (let d = 0; d < T; d++) {
            const f = cum[d] ?? 0;
            if (f !== prev) {
              log = f > 0 ? componentLog(c, scale * f, p) : 0;
              prev = f;
            }
            itemLog[d] = (itemLog[d] ?? 0) + log;
            acc.impressions[d] = (acc.impressions[d] ?? 0) + imps * f;
            if (own) own[d] = (own[d] ?? 0) + imps * f;
          }
        } else {
          const days = c.schedule.days;
          let posted = 0;
          let log = 0;
          for (let d = 0; d < T; d++) {
            let changed = false;
            while (posted < days.length && (days[posted] ?? 0) <= d) {
              posted++;
              changed = true;
            }
            if (changed) log = componentLog(c, scale, p, 1, posted);
            itemLog[d] = (itemLog[d] ?? 0) + log;
            const v = c.posts > 0 ? (imps * posted) / c.posts : 0;
            acc.impressions[d] = (acc.impressions[d] ?? 0) + v;
            if (own) own[d] = (own[d] ?? 0) + v;
          }
        }
      }
      for (let d = 0; d < T; d++) {
        const log = itemLog[d] ?? 0;
        acc.sum[d] = (acc.sum[d] ?? 0) + log;
        acc.min[d] = Math.min(acc.min[d] ?? 0, log);
      }
      if (own) items?.set(model.id, { log: itemLog.slice(), impressions: own });
    }
  };

  const moves = (m: LineModel) => m.components.some((c) => c.target.sig !== '' || c.impressions.sig !== '');
  const fixed = { sum: new Float64Array(T), min: new Float64Array(T), impressions: new Float64Array(T) };
  accumulate(
    models.filter((m) => !moves(m)),
    0,
    fixed,
  );
  const moving = models.filter(moves);
  return (draw: number) => {
    const acc = { sum: fixed.sum.slice(), min: fixed.min.slice(), impressions: fixed.impressions.slice() };
    accumulate(moving, draw, acc);
    const reach = new Float64Array(T);
    for (let d = 0; d < T; d++) reach[d] = combineLogs(acc.sum[d] ?? 0, acc.min[d] ?? 0, p.universe, overlapFactor);
    return { reach, impressions: acc.impressions };
  };
}

/** Adds a line item's spend by day into `into` (no spread): budgets paced like their delivery, creator fees on posting days. */
export function addSpendByDay(model: Pick<LineModel, 'components'>, into: Float64Array): void {
  const T = into.length;
  for (const c of model.components) {
    if (!c.schedule || c.spend === 0) continue;
    if (c.schedule.kind === 'fraction') {
      let prev = 0;
      for (let d = 0; d < T; d++) {
        const f = c.schedule.cumulative[d] ?? 0;
        into[d] = (into[d] ?? 0) + c.spend * (f - prev);
        prev = f;
      }
    } else if (c.posts > 0) {
      for (const d of c.schedule.days) into[d] = (into[d] ?? 0) + c.spend / c.posts;
    }
  }
}

/** The flight's dates (yyyy-MM-dd), or null without valid flight dates. */
export function flightDates(input: Pick<ProjectionInput, 'flightDays' | 'startDate'>): string[] | null {
  const { flightDays, startDate } = input;
  const start = startDate ? parseIsoDate(startDate) : null;
  if (flightDays === null || !start) return null;
  return Array.from({ length: flightDays }, (_, d) => formatDate(addDays(start, d), 'yyyy-MM-dd'));
}

/**
 * The daily series: spend, cumulative impressions and cumulative de-duplicated reach per
 * day, in the scenarios at the P10, P50 and P90 of the plan's reach (so the last day
 * equals the plan's reach range, and each band is one coherent scenario).
 */
function dailySeries(
  input: ProjectionInput,
  models: readonly LineModel[],
  s: Scenarios,
  p: ReachParams,
  overlapFactor: number,
  draws: { low: number; mid: number; high: number },
): DailyPoint[] {
  const dates = flightDates(input);
  if (!dates) return [];
  const T = dates.length;
  const run = flightRunner(models, s, p, overlapFactor, T);
  const mid = run(draws.mid);
  const low = draws.low === draws.mid ? mid : run(draws.low);
  const high = draws.high === draws.mid ? mid : run(draws.high);

  const spendByDay = new Float64Array(T);
  for (const model of models) addSpendByDay(model, spendByDay);

  const points: DailyPoint[] = [];
  let cumulativeSpend = 0;
  for (let d = 0; d < T; d++) {
    const daySpend = spendByDay[d] ?? 0;
    cumulativeSpend += daySpend;
    points.push({
      date: dates[d] ?? '',
      spend: daySpend,
      cumulativeSpend,
      cumulativeImpressions: mid.impressions[d] ?? 0,
      cumulativeReach: mid.reach[d] ?? 0,
      cumulativeReachLow: low.reach[d] ?? 0,
      cumulativeReachHigh: high.reach[d] ?? 0,
    });
  }
  return points;
}

/** Steps of the budget curve: 0× to 2× the plan's budgets in twelfths (the plan is step 12). */
const CURVE_STEPS = 24;
const PLAN_STEP = 12;

/**
 * Reach if every line item's budget were scaled by the same factor (creators' posts
 * scaled as fractional posts on their beta-binomial curve): diminishing returns made visible.
 * In the P50 scenario, so the plan's point is the plan's reach.
 */
function budgetCurve(
  models: readonly LineModel[],
  s: Scenarios,
  p: ReachParams,
  overlapFactor: number,
  spend: number,
  draw: number,
): BudgetPoint[] {
  if (models.length === 0 || !(spend > 0)) return [];
  const points: BudgetPoint[] = [];
  for (let step = 0; step <= CURVE_STEPS; step++) {
    const scale = step / PLAN_STEP;
    let sum = 0;
    let min = 0;
    for (const model of models) {
      let log = 0;
      for (const c of model.components) {
        const f = s.factor(c.target.sig, draw);
        log += c.curve === 'nbd' ? componentLog(c, f * scale, p) : componentLog(c, f, p, scale);
      }
      sum += log;
      min = Math.min(min, log);
    }
    points.push({ spend: spend * scale, reach: combineLogs(sum, min, p.universe, overlapFactor), isPlan: step === PLAN_STEP });
  }
  return points;
}

/** The budget the formats are compared on: the plan's budget, else its spend, else $100,000. */
function comparisonBudget(input: ProjectionInput, spend: number): number {
  return input.budget ?? (spend > 0 ? spend : 100_000);
}

let lastComparison: { key: string; catalog: readonly AdFormat[]; result: Projection['comparison'] } | null = null;

/**
 * The format comparison depends on the budget, goal, audience, flight and rates, not on the
 * plan's line items: editing a line item reuses the last one (5 projections saved per keystroke).
 */
function comparedFormats(input: ProjectionInput, spend: number, seed: number): Projection['comparison'] {
  const key = JSON.stringify([
    comparisonBudget(input, spend),
    input.goal,
    input.targeting,
    input.flightDays,
    seed,
    input.assumptions,
    input.spreads,
  ]);
  const prev = lastComparison;
  if (prev && prev.key === key && prev.catalog === input.catalog) return prev.result;
  const result = compareFormats(input, spend, seed);
  lastComparison = { key, catalog: input.catalog, result };
  return result;
}

/** Each ad format alone on the plan's budget, with the goal's cost per result. */
function compareFormats(input: ProjectionInput, spend: number, seed: number): Projection['comparison'] {
  const budget = comparisonBudget(input, spend);
  const a = input.assumptions;
  const formats = input.catalog.map((format: AdFormat): FormatComparison => {
    let line: ValidFormatLine;
    if (format.purchaseUnit === 'days') {
      const days = Math.min(Math.floor(budget / a.takeoverPricePerDay), input.flightDays ?? MAX_FLIGHT_DAYS);
      if (!(days >= 1)) {
        return {
          formatId: format.id,
          name: format.name,
          spend: 0,
          unavailable: `A day costs ${a.takeoverPricePerDay.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })}.`,
          figures: null,
          costPerResult: null,
        };
      }
      line = { format, days, spend: days * a.takeoverPricePerDay, buyingModel: 'CPM', pacing: 'even' };
    } else {
      if (format.minimumSpend !== null && budget < format.minimumSpend && !format.priceIsEstimate) {
        return {
          formatId: format.id,
          name: format.name,
          spend: 0,
          unavailable: `Minimum spend is ${format.minimumSpend.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })}.`,
          figures: null,
          costPerResult: null,
        };
      }
      line = { format, days: null, spend: budget, buyingModel: 'CPM', pacing: 'even' };
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
