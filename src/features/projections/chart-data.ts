import type { DailyPoint, LineResult } from '../../domain/projection';

/** Chart series, shaped as pure data so they are tested without a layout engine. */

export const SERIES_COLORS = ['#ff2d55', '#00b3c7', '#7a5af8', '#f79009', '#12b76a', '#2e90fa', '#ee46bc', '#667085'];
const OTHER_COLOR = '#98a2b3';

/** Bars and slices shown before the rest are grouped as "Other": beyond that a chart is unreadable (and slow). */
export const MAX_SERIES = 8;

export interface ReachPoint {
  date: string;
  reach: number;
  impressions: number;
  spend: number;
}

/** Cumulative reach, impressions and spend per day; weeks instead of days past `maxPoints`. */
export function reachOverFlight(daily: readonly DailyPoint[], maxPoints = 120): ReachPoint[] {
  const step = daily.length > maxPoints ? 7 : 1;
  const out: ReachPoint[] = [];
  for (let i = 0; i < daily.length; i += step) {
    // The last day of each bucket: cumulative values are read at the bucket's end.
    const point = daily[Math.min(i + step - 1, daily.length - 1)];
    if (point) out.push({ date: point.date, reach: point.cumulativeReach, impressions: point.cumulativeImpressions, spend: point.cumulativeSpend });
  }
  return out;
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

/** About `count` evenly spaced dates for the time axis, always including the first and the last. */
export function dateTicks(dates: readonly string[], count = 5): string[] {
  if (dates.length <= count) return [...dates];
  const step = (dates.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => dates[Math.round(i * step)] ?? '').filter((d) => d !== '');
}

export interface ItemBar {
  name: string;
  reach: number;
  engagements: number;
}

/**
 * Reach and engagements per line item, largest reach first. The "Other" bar sums its items'
 * own reach (not de-duplicated), like every other bar.
 */
export function resultsByItem(items: readonly LineResult[], max = MAX_SERIES): ItemBar[] {
  return topWithOther(
    items.map((i) => ({ name: i.name, reach: i.reach, engagements: i.engagements })),
    (b) => b.reach,
    (rest, name) => ({ name, reach: sum(rest, (b) => b.reach), engagements: sum(rest, (b) => b.engagements) }),
    max,
  );
}

export interface Slice {
  name: string;
  value: number;
  share: number;
  color: string;
}

/** Spend per line item with its share of the plan's spend, largest first; no-spend items left out. */
export function budgetSplit(items: readonly LineResult[], max = MAX_SERIES): Slice[] {
  const total = sum(items, (i) => i.spend);
  if (total <= 0) return [];
  const slices = topWithOther(
    items.filter((i) => i.spend > 0).map((i) => ({ name: i.name, value: i.spend })),
    (s) => s.value,
    (rest, name) => ({ name, value: sum(rest, (s) => s.value) }),
    max,
  );
  return slices.map((s, n) => ({
    ...s,
    share: s.value / total,
    color: s.name.startsWith('Other (') ? OTHER_COLOR : (SERIES_COLORS[n % SERIES_COLORS.length] ?? OTHER_COLOR),
  }));
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((s, i) => s + value(i), 0);
}
