import { audienceOf, type Audience } from '../audience';
import {
  BINS,
  combinedReach,
  ExposureMix,
  logUnreached,
  nbdExposures,
  nbdLogUnreached,
  noExposures,
  reachShare,
  unitsExposures,
  unitsLogUnreached,
  type Exposures,
} from '../reach';
import { DEFAULT_SEED, drawScenarios } from '../scenarios';
import { CENTRAL, DRAWS, rankedDraws } from '../stats';
import type { Assumptions } from '../types';
import type { ProjectionInput } from '../validation';
import { doneBy, lineModels, SUMMED_METRICS, type Component, type LineModel, type SummedMetric } from './lines';
import { scenariosOf, type Scenarios } from './terms';

/**
 * The plan-level engine: each line item's reach and exposure distribution in every draw (the
 * sampled scenarios and the central one), the plan's de-duplicated reach, and the same over
 * the flight day by day. Line items combine as their components do (reach.ts).
 */

/** The line models of a plan and the scenarios they are evaluated in. */
export interface Modelled {
  s: Scenarios;
  a: Assumptions;
  audience: Audience;
  models: LineModel[];
  earnedInReach: boolean;
}

export function modelled(input: ProjectionInput, seed = DEFAULT_SEED, trace = true): Modelled {
  const a = input.assumptions;
  const audience = audienceOf(input.targeting, a);
  const s = scenariosOf(drawScenarios(input.spreads, a, seed));
  const models = lineModels(input.formats, input.creators, {
    a,
    s,
    audience,
    targeting: input.targeting,
    flightDays: input.flightDays,
    earnedInReach: input.earnedInReach,
    trace,
  });
  return { s, a, audience, models, earnedInReach: input.earnedInReach };
}

/** The structural assumptions of one draw. */
export interface DrawParams {
  universe: number;
  shape: number;
  independentShare: number;
  creatorRepeat: number;
  takeoverRepeat: number;
}

export function drawParams(m: Pick<Modelled, 's' | 'a' | 'audience'>, d: number): DrawParams {
  const { s, a } = m;
  return {
    universe: m.audience.universe,
    shape: s.rate(a, 'reachCurveShape', d),
    independentShare: s.rate(a, 'duplicationFactor', d),
    creatorRepeat: s.rate(a, 'creatorRepeatOverlap', d),
    takeoverRepeat: s.rate(a, 'takeoverRepeatShare', d),
  };
}

/**
 * ln P(not reached) of a component in draw `d`, with `done` of its delivery (a share of its
 * impressions, or of its units rounded down to whole units).
 */
export function componentLog0(comp: Component, s: Scenarios, d: number, p: DrawParams, done = 1): number {
  if (!(p.universe > 0) || done <= 0) return 0;
  if (comp.curve.kind === 'nbd') return nbdLogUnreached(s.valueOf(comp.curve.target, d) * done, p.universe, p.shape);
  const units = Math.round(comp.curve.units * done);
  const repeat = comp.curve.repeat === 'creatorRepeatOverlap' ? p.creatorRepeat : p.takeoverRepeat;
  return unitsLogUnreached(s.valueOf(comp.curve.perUnit, d) / p.universe, units, repeat);
}

/** A component's exposure distribution in draw `d`. */
export function componentExposures(comp: Component, s: Scenarios, d: number, p: DrawParams): Exposures {
  if (!(p.universe > 0)) return noExposures();
  if (comp.curve.kind === 'nbd') return nbdExposures(s.valueOf(comp.curve.target, d), p.universe, p.shape);
  const repeat = comp.curve.repeat === 'creatorRepeatOverlap' ? p.creatorRepeat : p.takeoverRepeat;
  return unitsExposures(s.valueOf(comp.curve.perUnit, d) / p.universe, comp.curve.units, repeat);
}

/** In-target impressions of a component in a draw (the reach curve's input; units × reach per unit). */
export function componentTargetImpressions(comp: Component, s: Scenarios, d: number): number {
  return comp.curve.kind === 'nbd' ? s.valueOf(comp.curve.target, d) : s.valueOf(comp.curve.perUnit, d) * comp.curve.units;
}

/** The components of a line counted in its reach: all but participants' videos, unless the plan opts in. */
export function inReach(model: LineModel, earnedInReach: boolean): Component[] {
  return earnedInReach ? model.components : model.components.filter((c) => !c.earned);
}

/** ln P(not reached) of components combined (largest + D × (Sainsbury − largest)). */
export function combineLogs(logs: readonly number[], independentShare: number): number {
  if (logs.length === 0) return 0;
  if (logs.length === 1) return logs[0] ?? 0;
  let sum = 0;
  let min = 0;
  for (const l of logs) {
    sum += l;
    min = Math.min(min, l);
  }
  return logUnreached(combinedReach(sum, min, independentShare));
}

/** ln P(not reached) of a line item in draw `d`: its components in reach, combined. */
export function lineLog0(model: LineModel, m: Pick<Modelled, 's' | 'earnedInReach'>, d: number, p: DrawParams): number {
  const logs: number[] = [];
  for (const comp of model.components) if (!comp.earned || m.earnedInReach) logs.push(componentLog0(comp, m.s, d, p));
  return combineLogs(logs, p.independentShare);
}

/** Per-draw reach of a plan and of each line item, as shares of the universe, with the exposure distributions. */
export interface PlanReach {
  /** Per line item, its reach share in each draw. */
  itemReach: Float64Array[];
  /** Per line item, its earned reach share (participants' videos) in each draw. */
  itemEarned: Float64Array[];
  /** Per line item, its in-target impressions (counted in reach) in each draw. */
  itemTarget: Float64Array[];
  /** Per line item and component, the central draw's reach share (the trace's). */
  centralComponents: number[][];
  /** The plan's reach share, earned reach share and in-target impressions in each draw. */
  reach: Float64Array;
  earned: Float64Array;
  target: Float64Array;
  /**
   * The plan's reach at 1+ … 5+ exposures (shares) in the central scenario and in the sampled
   * scenarios at the P10 and P90 of the plan's reach (the frequency chart's band, as the daily
   * series' band); null when not asked for.
   */
  atLeast: { low: number[]; mid: number[]; high: number[] } | null;
}

/** A component as the per-draw loops read it: its curve's input in every draw, precomputed. */
interface Prepared {
  comp: Component;
  /** nbd: in-target impressions; units: in-target reach per unit (people). One per draw. */
  target: Float64Array;
  units: number;
  creatorRepeat: boolean;
  counted: boolean;
  exposures: Exposures;
}

function prepare(m: Modelled): Prepared[][] {
  const { s, earnedInReach } = m;
  return m.models.map((model) =>
    model.components.map((comp) => {
      const term = comp.curve.kind === 'nbd' ? comp.curve.target : comp.curve.perUnit;
      const target = new Float64Array(DRAWS);
      s.addInto(term, target);
      return {
        comp,
        target,
        units: comp.curve.kind === 'units' ? comp.curve.units : 0,
        creatorRepeat: comp.curve.kind === 'units' && comp.curve.repeat === 'creatorRepeatOverlap',
        counted: !comp.earned || earnedInReach,
        exposures: new Float64Array(BINS),
      };
    }),
  );
}

/** Every line item's and the plan's reach in every draw. */
export function planReach(m: Modelled, options: { exposures?: boolean; draws?: 'all' | 'central' } = {}): PlanReach {
  const { models } = m;
  const n = models.length;
  const itemReach = models.map(() => new Float64Array(DRAWS));
  const itemEarned = models.map(() => new Float64Array(DRAWS));
  const itemTarget = models.map(() => new Float64Array(DRAWS));
  const centralComponents: number[][] = models.map((model) => model.components.map(() => 0));
  const reach = new Float64Array(DRAWS);
  const earned = new Float64Array(DRAWS);
  const target = new Float64Array(DRAWS);
  const prepared = prepare(m);
  const U = m.audience.universe;
  const planMix = new ExposureMix();
  const lineMix = new ExposureMix();
  const lineExposures = new Float64Array(BINS);
  const planExposures = new Float64Array(BINS);
  const first = options.draws === 'central' ? CENTRAL : 0;
  const shares = new Float64Array(BINS - 1);
  /** One draw: every line item's reach, the plan's, and (when asked) its k+ shares into `shares`. */
  const runDraw = (d: number, withExposures: boolean) => {
    const p = drawParams(m, d);
    const D = p.independentShare;
    planMix.reset();
    let planSum = 0;
    let planMin = 0;
    let earnedSum = 0;
    let earnedMin = 0;
    let earnedCount = 0;
    let planTarget = 0;
    for (let i = 0; i < n; i++) {
      const comps = prepared[i] ?? [];
      let sum = 0;
      let min = 0;
      let count = 0;
      let eSum = 0;
      let eMin = 0;
      let eCount = 0;
      let lineTarget = 0;
      let single: Exposures | null = null;
      if (withExposures) lineMix.reset();
      for (let j = 0; j < comps.length; j++) {
        const c = comps[j] as Prepared;
        const t = c.target[d] ?? 0;
        let log = 0;
        if (U > 0 && t > 0) {
          if (c.comp.curve.kind === 'nbd') log = nbdLogUnreached(t, U, p.shape);
          else log = unitsLogUnreached(t / U, c.units, c.creatorRepeat ? p.creatorRepeat : p.takeoverRepeat);
        }
        if (d === CENTRAL) (centralComponents[i] as number[])[j] = reachShare(log);
        if (c.comp.earned) {
          eSum += log;
          eMin = Math.min(eMin, log);
          eCount++;
        }
        if (!c.counted) continue;
        sum += log;
        min = Math.min(min, log);
        count++;
        lineTarget += c.comp.curve.kind === 'nbd' ? t : t * c.units;
        if (withExposures) {
          if (!(U > 0)) {
            c.exposures.fill(0);
            c.exposures[0] = 1;
          } else if (c.comp.curve.kind === 'nbd') nbdExposures(t, U, p.shape, c.exposures);
          else unitsExposures(t / U, c.units, c.creatorRepeat ? p.creatorRepeat : p.takeoverRepeat, c.exposures);
          lineMix.add(c.exposures);
          single = c.exposures;
        }
      }
      const log = count > 1 ? logUnreached(combinedReach(sum, min, D)) : sum;
      (itemReach[i] as Float64Array)[d] = reachShare(log);
      (itemTarget[i] as Float64Array)[d] = lineTarget;
      planTarget += lineTarget;
      planSum += log;
      planMin = Math.min(planMin, log);
      if (eCount > 0) {
        const e = eCount > 1 ? logUnreached(combinedReach(eSum, eMin, D)) : eSum;
        (itemEarned[i] as Float64Array)[d] = reachShare(e);
        earnedSum += e;
        earnedMin = Math.min(earnedMin, e);
        earnedCount++;
      }
      if (withExposures) planMix.add(count === 1 && single ? single : lineMix.result(D, lineExposures));
    }
    reach[d] = n > 1 ? combinedReach(planSum, planMin, D) : reachShare(planSum);
    earned[d] = earnedCount > 1 ? combinedReach(earnedSum, earnedMin, D) : reachShare(earnedSum);
    target[d] = planTarget;
    if (withExposures) {
      planMix.result(D, planExposures);
      let tail = 0;
      let sum = 0;
      for (let k = BINS - 1; k >= 1; k--) {
        tail += planExposures[k] ?? 0;
        shares[k - 1] = tail;
        sum += tail;
      }
      // The k+ reaches add up to the exposures the people reached had (up to 5+): never more than the
      // in-target impressions. Rounding in the mix can pass them by a few billionths; that is taken
      // from the highest bands, keeping each at or above the next (1+, the reach, is left as it is).
      let excess = U > 0 ? sum - planTarget / U : 0;
      for (let k = BINS - 2; k >= 1 && excess > 0; k--) {
        const take = Math.min(excess, (shares[k] ?? 0) - (shares[k + 1] ?? 0));
        shares[k] = (shares[k] ?? 0) - take;
        excess -= take;
      }
    }
  };
  for (let d = first; d < DRAWS; d++) runDraw(d, false);
  let atLeast: PlanReach['atLeast'] = null;
  if (options.exposures !== false) {
    // The k+ shares of three scenarios: the central one and those at the P10 and P90 of reach.
    const ranked = options.draws === 'central' ? { low: CENTRAL, high: CENTRAL } : rankedDraws(reach);
    const at = (d: number) => {
      runDraw(d, true);
      return Array.from(shares);
    };
    const mid = at(CENTRAL);
    atLeast = { low: ranked.low === CENTRAL ? mid : at(ranked.low), mid, high: ranked.high === CENTRAL ? mid : at(ranked.high) };
  }
  return { itemReach, itemEarned, itemTarget, centralComponents, reach, earned, target, atLeast };
}

// ---------------------------------------------------------------------------------------
// Over the flight.

/** A line item's own cumulative figures by day, in one draw. */
export interface ItemDays {
  /** Its cumulative reach share by day. */
  reach: Float64Array;
  impressions: Float64Array;
}

/** What a run over the flight gives in one draw: the plan's cumulative reach share, impressions and (optionally) every summed metric by day. */
export interface FlightRun {
  reach: Float64Array;
  impressions: Float64Array;
  metrics: Record<SummedMetric, Float64Array> | null;
}

/**
 * Cumulative de-duplicated reach and impressions per day of a T-day flight in draw `d`; with
 * `items`, each line item's own figures too (by id), and with `metrics`, every summed metric.
 * Each component's delivery by a day is the share of its schedule done by then (whole units for
 * posts and takeover days), so the last day is the whole plan: the headline.
 */
export function flightRun(m: Modelled, T: number, d: number, options: { items?: Map<string, ItemDays>; metrics?: boolean } = {}): FlightRun {
  const { s, models, earnedInReach } = m;
  const p = drawParams(m, d);
  const D = p.independentShare;
  const reach = new Float64Array(T);
  const impressions = new Float64Array(T);
  const metrics = options.metrics
    ? (Object.fromEntries(SUMMED_METRICS.map((k) => [k, new Float64Array(T)])) as Record<SummedMetric, Float64Array>)
    : null;
  // The plan's running combination by day: Σ and min of the line items' logs, and how many.
  const planSum = new Float64Array(T);
  const planMin = new Float64Array(T);
  // One line item's by day.
  const lineSum = new Float64Array(T);
  const lineMin = new Float64Array(T);
  const done = new Float64Array(T);
  // The metrics a component has (non-zero in this draw) and their totals: most have a few of the thirteen.
  const metricArrays = metrics ? SUMMED_METRICS.map((k) => metrics[k]) : [];
  const active: Float64Array[] = [];
  const activeValues: number[] = [];
  const U = p.universe;
  for (const model of models) {
    lineSum.fill(0);
    lineMin.fill(0);
    let counted = 0;
    const own = options.items ? { reach: new Float64Array(T), impressions: new Float64Array(T) } : null;
    for (const comp of model.components) {
      const inReach = !comp.earned || earnedInReach;
      const units = comp.curve.kind === 'units' ? comp.curve.units : 0;
      let imps = 0;
      for (const t of comp.metrics.impressions) imps += s.valueOf(t, d);
      active.length = 0;
      activeValues.length = 0;
      if (metrics) {
        SUMMED_METRICS.forEach((k, i) => {
          let v = 0;
          for (const t of comp.metrics[k]) v += s.valueOf(t, d);
          if (v !== 0) {
            active.push(metricArrays[i] as Float64Array);
            activeValues.push(v);
          }
        });
      }
      // The curve's input in this draw, read once (componentLog0's, for every share done).
      const input = comp.curve.kind === 'nbd' ? s.valueOf(comp.curve.target, d) : s.valueOf(comp.curve.perUnit, d);
      const repeat = comp.curve.kind === 'units' && comp.curve.repeat === 'creatorRepeatOverlap' ? p.creatorRepeat : p.takeoverRepeat;
      for (let day = 0; day < T; day++) done[day] = comp.schedule ? doneBy(comp.schedule, day, units) : day === T - 1 ? 1 : 0;
      let prev = -1;
      let log = 0;
      for (let day = 0; day < T; day++) {
        const f = done[day] ?? 0;
        if (inReach && f !== prev) {
          if (!(U > 0) || f <= 0) log = 0;
          else if (comp.curve.kind === 'nbd') log = nbdLogUnreached(input * f, U, p.shape);
          else log = unitsLogUnreached(input / U, Math.round(units * f), repeat);
          prev = f;
        }
        if (inReach) {
          lineSum[day] = (lineSum[day] ?? 0) + log;
          lineMin[day] = Math.min(lineMin[day] ?? 0, log);
        }
        if (f === 0) continue;
        impressions[day] = (impressions[day] ?? 0) + imps * f;
        if (own) own.impressions[day] = (own.impressions[day] ?? 0) + imps * f;
        for (let i = 0; i < active.length; i++) {
          const arr = active[i] as Float64Array;
          arr[day] = (arr[day] ?? 0) + (activeValues[i] ?? 0) * f;
        }
      }
      if (inReach) counted++;
    }
    for (let day = 0; day < T; day++) {
      const log = counted > 1 ? logUnreached(combinedReach(lineSum[day] ?? 0, lineMin[day] ?? 0, D)) : (lineSum[day] ?? 0);
      planSum[day] = (planSum[day] ?? 0) + log;
      planMin[day] = Math.min(planMin[day] ?? 0, log);
      if (own) own.reach[day] = reachShare(log);
    }
    if (own) options.items?.set(model.id, own);
  }
  for (let day = 0; day < T; day++) {
    reach[day] = models.length > 1 ? combinedReach(planSum[day] ?? 0, planMin[day] ?? 0, D) : reachShare(planSum[day] ?? 0);
  }
  return { reach, impressions, metrics };
}

/** Adds a line item's spend by day into `into` (no spread): budgets paced like their delivery, units on their days. */
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
    } else if (c.schedule.days.length > 0) {
      for (const d of c.schedule.days) into[d] = (into[d] ?? 0) + c.spend / c.schedule.days.length;
    }
  }
}

export { reachShare };
