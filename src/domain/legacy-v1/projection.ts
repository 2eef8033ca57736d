import { GOAL_KPI, type KpiMetric } from '../plan';
import { eventDays } from '../validation';
import type { FormatId, Tier } from '../types';
import { audienceOf, type Audience } from './audience';
import { inputV1, type AssumptionKey, type Assumptions, type ProjectionInput, type ValidCreatorLine, type ValidFormatLine } from './input';
import { combineLogs, nbdLogUnreached, postsLogUnreached } from './reach';
import { DEFAULT_SEED, drawScenarios, type ScenarioFactors } from './scenarios';
import { point, rangeOf, rankedDraws, SAMPLE_SIZE, type Range } from './stats';

/**
 * The projection model's first edition, frozen: what Reachplan showed before the second edition
 * (Sainsbury × 0.95 floored at the largest line item, linear UGC, one audience split for every
 * market, each figure's P50 taken separately). Kept only to tell a planner how a plan saved
 * before the upgrade moved, once; nothing else uses it. Do not change it.
 */

type SummedMetric =
  | 'impressions'
  | 'paidImpressions'
  | 'earnedViews'
  | 'videoViews'
  | 'engagements'
  | 'clicks'
  | 'conversions'
  | 'submissions'
  | 'revenue'
  | 'emv';

type BoughtUnit = 'impressions' | 'clicks' | '6-second views' | 'days' | 'posts';

/** The numbers a line item's figures were computed from. */
type Basis = Partial<
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
  bought: { quantity: number; unit: BoughtUnit };
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
  let bought: { quantity: number; unit: BoughtUnit };

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
function reachOf(universe: number, log: number): number {
  return Math.max(0, -Math.expm1(log)) * universe;
}

/** Log of the unreached share of one component with its impressions × `scale` and posts × `postScale`. */
function componentLog(comp: Component, scale: number, p: ReachParams, postScale = 1, postsSoFar?: number): number {
  if (comp.curve === 'nbd') return nbdLogUnreached(comp.target.coef * scale, p.universe, p.shape);
  const posts = (postsSoFar ?? comp.posts) * postScale;
  return postsLogUnreached((comp.target.coef * scale) / p.universe, posts, p.overlap);
}

const KPI_SAMPLE: Record<KpiMetric, SummedMetric | 'reach'> = {
  reach: 'reach',
  engagements: 'engagements',
  submissions: 'submissions',
  conversions: 'conversions',
  revenue: 'revenue',
};

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

function modelled(input: ProjectionInput, seed: number): Modelled {
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
function planReach({ s, models, reachParams }: Modelled, duplicationFactor: number): PlanReach {
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

/** The headline the first edition showed for a plan: its reach and its goal's KPI, each at the P50 with its range. */
export function headlineV1(input: ProjectionInput): { reach: Range; kpi: { metric: KpiMetric; range: Range } } {
  const a = input.assumptions;
  const m = modelled(input, DEFAULT_SEED);
  const { s, models } = m;
  const { reachSample, draws: reachDraws } = planReach(m, a.duplicationFactor);
  const reach: Range = {
    low: reachSample[reachDraws.low] ?? 0,
    mid: reachSample[reachDraws.mid] ?? 0,
    high: reachSample[reachDraws.high] ?? 0,
  };
  const metric = GOAL_KPI[input.goal].metric;
  const key = KPI_SAMPLE[metric];
  if (key === 'reach') return { reach, kpi: { metric, range: reach } };
  const bySig = new Map<string, number>();
  for (const model of models) for (const t of model.metrics[key]) bySig.set(t.sig, (bySig.get(t.sig) ?? 0) + t.coef);
  const sample = new Float64Array(SAMPLE_SIZE).fill(bySig.get('') ?? 0);
  for (const [sig, coef] of bySig) {
    const v = s.of(sig);
    if (v) for (let d = 0; d < SAMPLE_SIZE; d++) sample[d] = (sample[d] ?? 0) + coef * (v[d] ?? 1);
  }
  return { reach, kpi: { metric, range: rangeOf(sample) } };
}

/** The first edition's headline for a plan (null for a plan it couldn't project: no market it knew). */
export function headlineOfPlan(plan: import('../plan').Plan): ReturnType<typeof headlineV1> | null {
  const input = inputV1(plan);
  return input ? headlineV1(input) : null;
}
