import { audienceOf } from './audience';
import { emptyContract } from './contract';
import { GOAL_KPI, type PlanCreatorLine } from './plan';
import { BINS, combinedExposures, MAX_EXPOSURES, type Exposures } from './reach';
import { DEFAULT_SEED, drawScenarios } from './scenarios';
import { CENTRAL } from './stats';
import type { FormatId } from './types';
import { formatAlone } from './projection';
import { combineLogs, componentExposures, componentLog0, drawParams, inReach, type DrawParams } from './model/engine';
import { creatorModel, formatModel, type LineContext, type LineModel, type SummedMetric } from './model/lines';
import { scenariosOf } from './model/terms';
import { MAX_FLIGHT_DAYS, MAX_POSTS, packageTerms, takeoverDayPrice, type ProjectionInput, type ValidCreatorLine, type ValidFormatLine } from './validation';

/**
 * Marginal gains: what one more whole unit of a line item, or the first purchase of a format or
 * creator not yet in the plan, adds to the plan's reach, its reach at 1+ … 5+ exposures and its
 * goal's metric, in the central scenario. The same line models, curves, caps, packages and
 * combination rule as the projection, so an optimizer built on it sees what the figures see.
 * The plan is prepared once; each candidate then costs one line model and a few dozen
 * operations (prefix and suffix products of the other line items' exposure distributions).
 */

/** A purchase whose gain is asked for. */
export type Candidate =
  /** One more unit of a line item in the plan (by its projection id: `in-feed`, `creator:handle`). */
  | { kind: 'more'; id: string }
  /** A format not in the plan: its first purchase (a package, a takeover day, the In-Feed minimum). */
  | { kind: 'format'; formatId: FormatId }
  /** A creator not in the plan: one post at their fee (see `creatorCandidate`). */
  | { kind: 'creator'; creator: ValidCreatorLine };

/**
 * A creator not in the plan as a candidate: one post at `fee`, no Spark Ads. Built once per
 * creator, so an optimizer asking for gains again and again pays for the model alone.
 */
export function creatorCandidate(line: Omit<PlanCreatorLine, 'posts' | 'fee' | 'postDates' | 'sparkBudget' | 'contract'>, fee: number): Candidate {
  return {
    kind: 'creator',
    creator: {
      line: { ...line, posts: '1', fee: String(fee), postDates: [], sparkBudget: '', contract: EMPTY_CONTRACT },
      posts: 1,
      fee,
      sparkBudget: 0,
      spend: fee,
      postDays: [],
    },
  };
}

const EMPTY_CONTRACT = emptyContract();

export type GainUnit = 'budget step' | 'day' | 'package' | 'post';

export type Gain =
  | {
      ok: true;
      unit: GainUnit;
      /** What the unit costs: the spend it adds. */
      cost: number;
      /** People reached, added. */
      reach: number;
      /** Reach at 1+ … 5+ exposures, added (index 0 is 1+). */
      reachAtLeast: number[];
      /** The goal's metric, added (reach, engagements, video submissions, conversions or revenue). */
      goal: number;
    }
  | { ok: false; reason: string };

export interface MarginalOptions {
  /** The In-Feed budget step of a line already bought by budget (default $1,000). */
  budgetStep?: number;
  seed?: number;
}

interface Line {
  log0: number;
  exposures: Exposures;
  goal: number;
}

/** A line model's central reach (log of the unreached share), exposure distribution and goal metric. */
function lineState(model: LineModel, ctx: LineContext, p: DrawParams, metric: SummedMetric | 'reach'): Line {
  const { s } = ctx;
  const comps = inReach(model, ctx.earnedInReach);
  const logs: number[] = [];
  const parts: Exposures[] = [];
  for (const comp of comps) {
    logs.push(componentLog0(comp, s, CENTRAL, p));
    parts.push(componentExposures(comp, s, CENTRAL, p));
  }
  let goal = 0;
  if (metric !== 'reach') for (const comp of model.components) for (const t of comp.metrics[metric]) goal += s.valueOf(t, CENTRAL);
  return { log0: combineLogs(logs, p.independentShare), exposures: combinedExposures(parts, p.independentShare), goal };
}

function convolve(a: Exposures, b: Exposures): Exposures {
  const out = new Float64Array(BINS);
  for (let i = 0; i < BINS; i++) {
    const ai = a[i] ?? 0;
    if (ai === 0) continue;
    for (let j = 0; j < BINS; j++) {
      const k = Math.min(MAX_EXPOSURES, i + j);
      out[k] = (out[k] ?? 0) + ai * (b[j] ?? 0);
    }
  }
  return out;
}

const ONE = (() => {
  const e = new Float64Array(BINS);
  e[0] = 1;
  return e;
})();

/** A line's step points on the comonotone scale: its cumulative shares at 0 … 4 exposures. */
function steps(e: Exposures): number[] {
  const out: number[] = [];
  let c = 0;
  for (let x = 0; x < MAX_EXPOSURES; x++) {
    c += e[x] ?? 0;
    out.push(Math.min(1, c));
  }
  return out;
}

/** The plan prepared for gains: every line's state, and what the others add up to without each. */
export interface MarginalBase {
  input: ProjectionInput;
  ctx: LineContext;
  p: DrawParams;
  metric: SummedMetric | 'reach';
  lines: Line[];
  ids: string[];
  /** Σ log0 of every line. */
  sumLog: number;
  /** The lines' convolutions before and after each index (prefix[i]: lines 0 … i−1; suffix[i]: lines i … n−1). */
  prefix: Exposures[];
  suffix: Exposures[];
  /** The 2 × MAX_EXPOSURES smallest step points with their line's index. */
  smallest: { point: number; line: number }[];
  /** The MAX_EXPOSURES smallest step points of the whole plan, sorted. */
  smallestPoints: number[];
  /** The two lowest line logs (the largest line items) and the index of the lowest. */
  lowest: { first: number; second: number; index: number };
  /** Handles of the creators in the plan, and formats. */
  handles: ReadonlySet<string>;
  /** The plan's own reach and k+ reach (shares) and goal metric. */
  reach: number;
  atLeast: number[];
  goal: number;
}

/** The plan's reach share and k+ shares from the parts of its combination. */
function combine(sumLog: number, largestLog: number, conv: Exposures, smallest: readonly number[], d: number): { reach: number; atLeast: number[] } {
  const sainsbury = Math.max(0, -Math.expm1(sumLog));
  const largest = Math.max(0, -Math.expm1(largestLog));
  const reach = Math.min(1, largest + d * Math.max(0, sainsbury - largest));
  const atLeast = new Array<number>(MAX_EXPOSURES);
  // The convolution's k+ shares summed from the top, so bins nobody reaches stay 0.
  let tail = 0;
  for (let k = MAX_EXPOSURES; k >= 1; k--) {
    tail += conv[k] ?? 0;
    const nested = 1 - (smallest[k - 1] ?? 1);
    atLeast[k - 1] = Math.max(0, d * tail + (1 - d) * nested);
  }
  atLeast[0] = reach;
  return { reach, atLeast };
}

/** The MAX_EXPOSURES smallest of two sorted lists. */
function mergeSmallest(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (out.length < MAX_EXPOSURES && (i < a.length || j < b.length)) {
    const x = a[i] ?? Infinity;
    const y = b[j] ?? Infinity;
    if (x <= y) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/** Prepares a plan (its checked input) for marginal gains. */
export function marginalBase(input: ProjectionInput, options: MarginalOptions = {}): MarginalBase {
  const a = input.assumptions;
  const audience = audienceOf(input.targeting, a);
  const s = scenariosOf(drawScenarios(input.spreads, a, options.seed ?? DEFAULT_SEED));
  const ctx: LineContext = { a, s, audience, targeting: input.targeting, flightDays: null, earnedInReach: input.earnedInReach, trace: false };
  const p = drawParams({ s, a, audience }, CENTRAL);
  const kpi = GOAL_KPI[input.goal].metric;
  const metric: SummedMetric | 'reach' = kpi === 'reach' ? 'reach' : kpi;
  const models = [...input.formats.map((l) => formatModel(l, ctx)), ...input.creators.map((l) => creatorModel(l, ctx))];
  const lines = models.map((m) => lineState(m, ctx, p, metric));
  const n = lines.length;
  const prefix: Exposures[] = [ONE];
  for (let i = 0; i < n; i++) prefix.push(convolve(prefix[i] ?? ONE, lines[i]?.exposures ?? ONE));
  const suffix: Exposures[] = new Array<Exposures>(n + 1);
  suffix[n] = ONE;
  for (let i = n - 1; i >= 0; i--) suffix[i] = convolve(lines[i]?.exposures ?? ONE, suffix[i + 1] ?? ONE);
  const points = lines.flatMap((l, line) => steps(l.exposures).map((point) => ({ point, line })));
  points.sort((x, y) => x.point - y.point);
  const smallest = points.slice(0, 2 * MAX_EXPOSURES);
  const sumLog = lines.reduce((acc, l) => acc + l.log0, 0);
  const lowest = { first: 0, second: 0, index: -1 };
  lines.forEach((l, i) => {
    if (l.log0 < lowest.first) {
      lowest.second = lowest.first;
      lowest.first = l.log0;
      lowest.index = i;
    } else if (l.log0 < lowest.second) lowest.second = l.log0;
  });
  const smallestPoints = smallest.slice(0, MAX_EXPOSURES).map((x) => x.point);
  const plan = combine(sumLog, lowest.first, prefix[n] ?? ONE, smallestPoints, p.independentShare);
  return {
    input,
    ctx,
    p,
    metric,
    lines,
    ids: models.map((m) => m.id),
    sumLog,
    prefix,
    suffix,
    smallest,
    smallestPoints,
    lowest,
    handles: new Set(input.creators.map((l) => l.line.handle)),
    reach: plan.reach,
    atLeast: plan.atLeast,
    goal: metric === 'reach' ? plan.reach * p.universe : lines.reduce((acc, l) => acc + l.goal, 0),
  };
}

/** The plan with line `without` (or none) left out and `added` in: its reach and k+ shares. */
function withLine(b: MarginalBase, without: number | null, added: Line): { reach: number; atLeast: number[] } {
  const n = b.lines.length;
  const others = without === null ? (b.prefix[n] ?? ONE) : convolve(b.prefix[without] ?? ONE, b.suffix[without + 1] ?? ONE);
  const conv = convolve(others, added.exposures);
  const sumLog = b.sumLog - (without === null ? 0 : (b.lines[without]?.log0 ?? 0)) + added.log0;
  const othersLowest = without !== null && without === b.lowest.index ? b.lowest.second : b.lowest.first;
  const largestLog = Math.min(othersLowest, added.log0);
  const kept = without === null ? b.smallestPoints : b.smallest.filter((x) => x.line !== without).map((x) => x.point);
  const own = steps(added.exposures).sort((x, y) => x - y);
  return combine(sumLog, largestLog, conv, mergeSmallest(kept, own), b.p.independentShare);
}

/** The gain of replacing line `without` (or adding) by `model`, costing `cost`. */
function gainOf(b: MarginalBase, without: number | null, model: LineModel, unit: GainUnit, cost: number): Gain {
  const added = lineState(model, b.ctx, b.p, b.metric);
  const after = withLine(b, without, added);
  const U = b.p.universe;
  const reach = (after.reach - b.reach) * U;
  const goal = b.metric === 'reach' ? reach : added.goal - (without === null ? 0 : (b.lines[without]?.goal ?? 0));
  return {
    ok: true,
    unit,
    cost,
    reach,
    reachAtLeast: after.atLeast.map((v, k) => (v - (b.atLeast[k] ?? 0)) * U),
    goal,
  };
}

/** One more unit of a format line: a budget step, a takeover day, an extra package day. */
function moreOfFormat(b: MarginalBase, l: ValidFormatLine, step: number): { line: ValidFormatLine; unit: GainUnit } | { reason: string } {
  const flight = b.input.flightDays ?? MAX_FLIGHT_DAYS;
  if (l.days === null) return { line: { ...l, spend: l.spend + step, budget: (l.budget ?? l.spend) + step }, unit: 'budget step' };
  if (l.days + 1 > flight) return { reason: `${l.format.name} already runs every day of the flight.` };
  const perDay = l.spend / l.days;
  return { line: { ...l, days: l.days + 1, spend: l.spend + perDay, budget: l.budget === null ? null : l.spend + perDay }, unit: 'day' };
}

/** The gain of each candidate, in order. */
export function marginalGains(b: MarginalBase, candidates: readonly Candidate[], options: MarginalOptions = {}): Gain[] {
  const step = options.budgetStep ?? 1000;
  const input = b.input;
  return candidates.map((c): Gain => {
    if (c.kind === 'more') {
      const i = b.ids.indexOf(c.id);
      if (i < 0) return { ok: false, reason: `No line item ${c.id} in the plan.` };
      const f = input.formats[i];
      if (f) {
        const more = moreOfFormat(b, f, step);
        if ('reason' in more) return { ok: false, reason: more.reason };
        return gainOf(b, i, formatModel(more.line, b.ctx), more.unit, more.line.spend - f.spend);
      }
      const cr = input.creators[i - input.formats.length];
      if (!cr) return { ok: false, reason: `No line item ${c.id} in the plan.` };
      if (cr.posts + 1 > MAX_POSTS) return { ok: false, reason: `A creator has at most ${MAX_POSTS} posts.` };
      const more: ValidCreatorLine = { ...cr, posts: cr.posts + 1, spend: cr.spend + cr.fee };
      return gainOf(b, i, creatorModel(more, b.ctx), 'post', cr.fee);
    }
    if (c.kind === 'format') {
      if (input.formats.some((l) => l.format.id === c.formatId)) return { ok: false, reason: 'Already in the plan: ask for more of it.' };
      const format = input.catalog.find((f) => f.id === c.formatId);
      if (!format) return { ok: false, reason: `No format ${c.formatId}.` };
      const pkg = packageTerms(format, input.assumptions);
      const budget = pkg ? pkg.price : format.purchaseUnit === 'days' ? takeoverDayPrice(input.targeting.countries, input.assumptions) : (format.minimumSpend ?? step);
      const first = formatAlone(format, budget, input);
      if ('unavailable' in first) return { ok: false, reason: first.unavailable };
      return gainOf(b, null, formatModel(first, b.ctx), pkg ? 'package' : format.purchaseUnit === 'days' ? 'day' : 'budget step', first.spend);
    }
    if (b.handles.has(c.creator.line.handle)) return { ok: false, reason: 'Already in the plan: ask for more of them.' };
    return gainOf(b, null, creatorModel(c.creator, b.ctx), 'post', c.creator.spend);
  });
}


/** The plan's own central reach, k+ reach and goal metric, as the gains are measured from (people, or the metric's unit). */
export function baseFigures(b: MarginalBase): { reach: number; reachAtLeast: number[]; goal: number } {
  const U = b.p.universe;
  return { reach: b.reach * U, reachAtLeast: b.atLeast.map((v) => v * U), goal: b.goal };
}

