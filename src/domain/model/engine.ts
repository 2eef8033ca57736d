import { audienceOf, type Audience } from '../audience';
import {
  atLeastShares,
  BINS,
  combinedExposures,
  combinedReach,
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
import { CENTRAL, DRAWS } from '../stats';
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

function componentExposures(comp: Component, s: Scenarios, d: number, p: DrawParams): Exposures {
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
  /** The plan's reach at 1+ … 5+ exposures (shares) in each draw; empty when not asked for. */
  atLeast: Float64Array[];
}

/** Every line item's and the plan's reach in every draw. */
export function planReach(m: Modelled, options: { exposures?: boolean } = {}): PlanReach {
  const { s, models, earnedInReach } = m;
  const withExposures = options.exposures !== false;
  const n = models.length;
  const itemReach = models.map(() => new Float64Array(DRAWS));
  const itemEarned = models.map(() => new Float64Array(DRAWS));
  const itemTarget = models.map(() => new Float64Array(DRAWS));
  const centralComponents: number[][] = models.map((model) => model.components.map(() => 0));
  const reach = new Float64Array(DRAWS);
  const earned = new Float64Array(DRAWS);
  const target = new Float64Array(DRAWS);
  const atLeast = withExposures ? Array.from({ length: BINS - 1 }, () => new Float64Array(DRAWS)) : [];
  const lineLogs = new Array<number>(n);
  const earnedLogs: number[] = [];
  const lineExposures: Exposures[] = [];
  for (let d = 0; d < DRAWS; d++) {
    const p = drawParams(m, d);
    earnedLogs.length = 0;
    lineExposures.length = 0;
    let planTarget = 0;
    for (let i = 0; i < n; i++) {
      const model = models[i];
      if (!model) continue;
      const logs: number[] = [];
      const parts: Exposures[] = [];
      const earnedParts: number[] = [];
      let lineTarget = 0;
      model.components.forEach((comp, j) => {
        const log = componentLog0(comp, s, d, p);
        if (d === CENTRAL) (centralComponents[i] as number[])[j] = reachShare(log);
        if (comp.earned) earnedParts.push(log);
        if (comp.earned && !earnedInReach) return;
        logs.push(log);
        lineTarget += componentTargetImpressions(comp, s, d);
        if (withExposures) parts.push(componentExposures(comp, s, d, p));
      });
      const log = combineLogs(logs, p.independentShare);
      lineLogs[i] = log;
      (itemReach[i] as Float64Array)[d] = reachShare(log);
      (itemTarget[i] as Float64Array)[d] = lineTarget;
      planTarget += lineTarget;
      if (earnedParts.length > 0) {
        const e = combineLogs(earnedParts, p.independentShare);
        (itemEarned[i] as Float64Array)[d] = reachShare(e);
        earnedLogs.push(e);
      }
      if (withExposures) lineExposures.push(combinedExposures(parts, p.independentShare));
    }
    reach[d] = reachShare(combineLogs(lineLogs, p.independentShare));
    earned[d] = reachShare(combineLogs(earnedLogs, p.independentShare));
    target[d] = planTarget;
    if (withExposures) {
      const shares = atLeastShares(combinedExposures(lineExposures, p.independentShare));
      shares.forEach((v, k) => ((atLeast[k] as Float64Array)[d] = v));
    }
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
  const reach = new Float64Array(T);
  const impressions = new Float64Array(T);
  const metrics = options.metrics
    ? (Object.fromEntries(SUMMED_METRICS.map((k) => [k, new Float64Array(T)])) as Record<SummedMetric, Float64Array>)
    : null;
  const lineLogs: Float64Array[] = [];
  for (const model of models) {
    const logsByDay: Float64Array[] = [];
    const own = options.items ? { reach: new Float64Array(T), impressions: new Float64Array(T) } : null;
    for (const comp of model.components) {
      const counted = !comp.earned || earnedInReach;
      const units = comp.curve.kind === 'units' ? comp.curve.units : 0;
      const imps = comp.metrics.impressions.reduce((sum, t) => sum + s.valueOf(t, d), 0);
      const values = metrics ? SUMMED_METRICS.map((k) => comp.metrics[k].reduce((sum, t) => sum + s.valueOf(t, d), 0)) : null;
      const logs = new Float64Array(T);
      let prev = -1;
      let log = 0;
      for (let day = 0; day < T; day++) {
        const done = comp.schedule ? doneBy(comp.schedule, day, units) : day === T - 1 ? 1 : 0;
        if (done !== prev) {
          log = counted ? componentLog0(comp, s, d, p, done) : 0;
          prev = done;
        }
        logs[day] = log;
        impressions[day] = (impressions[day] ?? 0) + imps * done;
        if (own) own.impressions[day] = (own.impressions[day] ?? 0) + imps * done;
        if (metrics && values) {
          SUMMED_METRICS.forEach((k, i) => {
            const arr = metrics[k];
            arr[day] = (arr[day] ?? 0) + (values[i] ?? 0) * done;
          });
        }
      }
      if (counted) logsByDay.push(logs);
    }
    const line = new Float64Array(T);
    for (let day = 0; day < T; day++) {
      line[day] = combineLogs(
        logsByDay.map((l) => l[day] ?? 0),
        p.independentShare,
      );
      if (own) own.reach[day] = reachShare(line[day] ?? 0);
    }
    lineLogs.push(line);
    if (own) options.items?.set(model.id, own);
  }
  for (let day = 0; day < T; day++) {
    reach[day] = reachShare(
      combineLogs(
        lineLogs.map((l) => l[day] ?? 0),
        p.independentShare,
      ),
    );
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
