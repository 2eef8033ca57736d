import type { Goal } from '../../domain/types';
import { bucketEnds, niceTicks } from '../../lib/scale';
import type { BudgetPoint, DailyPoint, LineResult, Projection, Range, Totals } from '../../domain/projection';
import { costPerResult, goalResult, resultRange } from './goal';

/** Chart series, shaped as pure data so they are tested without a layout engine. */

export const SERIES_COLORS = ['#ff2d55', '#00b3c7', '#7a5af8', '#f79009', '#12b76a', '#2e90fa', '#ee46bc', '#667085'];
export const OTHER_COLOR = '#98a2b3';

/** Bars shown before the rest are grouped as "Other": beyond that a chart is unreadable (and slow). */
export const MAX_SERIES = 8;

/** [below, above] the P50: what an error bar draws from the bar's end. */
export type ErrorSpan = [number, number];

export function errorSpan(r: Range): ErrorSpan {
  return [Math.max(0, r.mid - r.low), Math.max(0, r.high - r.mid)];
}

export interface FlightPoint {
  date: string;
  reach: number;
  /** P10-P90 of cumulative reach: the band around the line. */
  band: [number, number];
  spend: number;
  impressions: number;
}

/** Cumulative reach (with its band), impressions and spend per day; weeks instead of days past `maxPoints`. */
export function reachOverFlight(daily: readonly DailyPoint[], maxPoints = 120): FlightPoint[] {
  return bucketEnds(daily, maxPoints).map((p) => ({
    date: p.date,
    reach: p.cumulativeReach,
    band: [p.cumulativeReachLow, p.cumulativeReachHigh],
    impressions: p.cumulativeImpressions,
    spend: p.cumulativeSpend,
  }));
}

/** The day cumulative reach first reaches `share` of its final value (null without a flight). */
export function dayReaching(points: readonly FlightPoint[], share: number): FlightPoint | null {
  const last = points[points.length - 1];
  if (!last) return null;
  return points.find((p) => p.reach >= share * last.reach) ?? last;
}

/**
 * The `max - 1` largest items by `size`, then one "Other (n)" item summing the rest
 * (with `max` items or fewer, all of them). Order of the kept items follows size.
 */
export function topWithOther<T extends { name: string }>(
  items: readonly T[],
  size: (item: T) => number,
  merge: (rest: readonly T[], name: string) => T,
  max = MAX_SERIES,
): T[] {
  const sorted = [...items].sort((a, b) => size(b) - size(a));
  if (sorted.length <= max) return sorted;
  const rest = sorted.slice(max - 1);
  return [...sorted.slice(0, max - 1), merge(rest, `Other (${rest.length})`)];
}

export interface CurvePoint {
  spend: number;
  reach: number;
  isPlan: boolean;
}

export interface BudgetCurveData {
  points: CurvePoint[];
  plan: CurvePoint | null;
  /** Half the plan's budgets, and half as much again: what the last and the next dollars buy. */
  half: CurvePoint | null;
  more: CurvePoint | null;
}

/** Reach against budget (0× to 2×), with the plan's point and the points at 0.5× and 1.5× of it. */
export function budgetCurveData(curve: readonly BudgetPoint[]): BudgetCurveData {
  const points = curve.map((p) => ({ spend: p.spend, reach: p.reach, isPlan: p.isPlan }));
  const plan = points.find((p) => p.isPlan) ?? null;
  const near = (scale: number) =>
    plan && plan.spend > 0
      ? points.reduce<CurvePoint | null>(
          (best, p) => (best === null || Math.abs(p.spend - plan.spend * scale) < Math.abs(best.spend - plan.spend * scale) ? p : best),
          null,
        )
      : null;
  return { points, plan, half: near(0.5), more: near(1.5) };
}

export interface FrequencyBar {
  /** "1+" … "5+". */
  label: string;
  times: number;
  people: number;
  low: number;
  high: number;
  error: ErrorSpan;
  /** Share of the audience universe. */
  share: number;
}

/** Reach at 1+ … 5+ exposures, with ranges and their share of the audience. */
export function frequencyBars(reachAtLeast: readonly Range[], universe: number): FrequencyBar[] {
  return reachAtLeast.map((r, i) => ({
    label: `${i + 1}+`,
    times: i + 1,
    people: r.mid,
    low: r.low,
    high: r.high,
    error: errorSpan(r),
    share: universe > 0 ? r.mid / universe : 0,
  }));
}

export interface FunnelStep {
  stage: string;
  value: number;
  low: number;
  high: number;
  error: ErrorSpan;
  /** This step ÷ the previous one (null for the first). */
  rate: number | null;
}

/** Impressions → views → engagements → clicks → conversions, plus video submissions when there are any. */
export function funnelSteps(totals: Pick<Totals, 'ranges'>): FunnelStep[] {
  const r = totals.ranges;
  const stages: [string, Range][] = [
    ['Impressions', r.impressions],
    ['Video views', r.videoViews],
    ['Engagements', r.engagements],
    ['Clicks', r.clicks],
    ['Conversions', r.conversions],
  ];
  if (r.submissions.high > 0) stages.push(['Video submissions', r.submissions]);
  return stages.map(([stage, range], i) => {
    // Submissions come from impressions, not from conversions: their rate is per impression.
    const from = stage === 'Video submissions' ? r.impressions : stages[i - 1]?.[1];
    return {
      stage,
      value: range.mid,
      low: range.low,
      high: range.high,
      error: errorSpan(range),
      rate: from && from.mid > 0 ? range.mid / from.mid : null,
    };
  });
}

export interface ItemResultBar {
  name: string;
  result: number;
  low: number;
  high: number;
  error: ErrorSpan;
  spend: number;
  /** Spend ÷ result (× 1,000 for reach); null without a result. */
  cost: number | null;
  isOther: boolean;
}

/**
 * The goal's result and its cost per line item, largest result first; past MAX_SERIES, the
 * rest summed as "Other" (its own line items' results, not de-duplicated; no range, as the
 * sum of P10s is not the P10 of the sum).
 */
export function resultsByItem(items: readonly LineResult[], goal: Goal, max = MAX_SERIES): ItemResultBar[] {
  const g = goalResult(goal);
  const bars = items.map((i): ItemResultBar => {
    const r = resultRange(i, g);
    return {
      name: i.name,
      result: r.mid,
      low: r.low,
      high: r.high,
      error: errorSpan(r),
      spend: i.spend,
      cost: costPerResult(i, goal)?.mid ?? null,
      isOther: false,
    };
  });
  return topWithOther(
    bars,
    (b) => b.result,
    (rest, name) => {
      const result = sum(rest, (b) => b.result);
      const spend = sum(rest, (b) => b.spend);
      return {
        name,
        result,
        low: result,
        high: result,
        error: [0, 0],
        spend,
        cost: result > 0 ? (spend / result) * g.per : null,
        isOther: true,
      };
    },
    max,
  );
}

export interface FormatBar {
  name: string;
  /** The goal's KPI when this format takes the whole comparison budget; 0 when it can't. */
  value: number;
  low: number;
  high: number;
  error: ErrorSpan;
  spend: number;
  cost: number | null;
  /** Why the format can't be bought with the budget; null when it can. */
  unavailable: string | null;
}

/** Each format alone on the same budget: the goal's KPI with its range, and its cost per result. */
export function formatsCompared(comparison: Projection['comparison'], goal: Goal): FormatBar[] {
  const g = goalResult(goal);
  return comparison.formats.map((f) => {
    if (!f.figures || f.unavailable !== null) {
      return { name: f.name, value: 0, low: 0, high: 0, error: [0, 0], spend: 0, cost: null, unavailable: f.unavailable ?? 'Not available.' };
    }
    const kpi = f.figures.ranges[g.metric];
    return {
      name: f.name,
      value: kpi.mid,
      low: kpi.low,
      high: kpi.high,
      error: errorSpan(kpi),
      spend: f.spend,
      cost: costPerResult({ spend: f.spend, ranges: f.figures.ranges }, goal)?.mid ?? null,
      unavailable: null,
    };
  });
}

/**
 * True when two arrays of flat records hold the same values: charts skip re-rendering when
 * an edit leaves their data as it was (a fee change doesn't move the format comparison).
 */
export function sameRows<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Record<string, unknown>;
    const y = b[i] as Record<string, unknown>;
    for (const k of Object.keys(x)) {
      const u = x[k];
      const v = y[k];
      if (Array.isArray(u) && Array.isArray(v)) {
        if (u.length !== v.length || u.some((e, j) => e !== v[j])) return false;
      } else if (u !== v) return false;
    }
  }
  return true;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((s, i) => s + value(i), 0);
}

/** How a bar chart drawn in HTML maps values to widths, with its axis ticks. */
export interface BarScale {
  kind: 'linear' | 'log';
  min: number;
  max: number;
  ticks: number[];
}

/** Powers of ten from `min` to the first at or above `max`; every other one past four. */
export function logTicks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let t = min; out.length < 20; t *= 10) {
    out.push(t);
    if (t >= max) break;
  }
  return out.length > 4 ? out.filter((_, i) => (out.length - 1 - i) % 2 === 0) : out;
}

/** 0 to a round number at or above the largest value. */
export function linearScale(max: number): BarScale {
  const ticks = niceTicks(max);
  return { kind: 'linear', min: 0, max: ticks[ticks.length - 1] || 1, ticks };
}

/**
 * A log scale from the power of ten at or below the smallest positive value to the one at or
 * above the largest: a funnel spans impressions to conversions, thousands of times fewer.
 */
export function logScale(values: readonly number[]): BarScale {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return { kind: 'log', min: 1, max: 10, ticks: [1, 10] };
  const min = 10 ** Math.floor(Math.log10(Math.min(...positive)));
  const ticks = logTicks(min, Math.max(...positive));
  const last = ticks[ticks.length - 1] ?? min * 10;
  return { kind: 'log', min, max: last > min ? last : min * 10, ticks };
}

/** Where `value` falls on the scale, in percent of the bar's track (0-100, clamped). */
export function barPosition(scale: BarScale, value: number): number {
  let p: number;
  if (scale.kind === 'log') {
    if (!(value > 0)) return 0;
    p = (Math.log10(value) - Math.log10(scale.min)) / (Math.log10(scale.max) - Math.log10(scale.min));
  } else {
    p = scale.max > scale.min ? (value - scale.min) / (scale.max - scale.min) : 0;
  }
  return Math.min(100, Math.max(0, p * 100));
}
