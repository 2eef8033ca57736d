import type { DailyPoint, LineResult } from '../../domain/projection';

/** Chart series, shaped as pure data so they are tested without a layout engine. */

export const SERIES_COLORS = ['#ff2d55', '#00b3c7', '#7a5af8', '#f79009', '#12b76a', '#2e90fa', '#ee46bc', '#667085'];

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

export interface ItemBar {
  name: string;
  reach: number;
  engagements: number;
}

export function resultsByItem(items: readonly LineResult[]): ItemBar[] {
  return items.map((i) => ({ name: i.name, reach: i.reach, engagements: i.engagements }));
}

export interface Slice {
  name: string;
  value: number;
  share: number;
  color: string;
}

/** Spend per line item with its share of the plan's spend; line items without spend left out. */
export function budgetSplit(items: readonly LineResult[]): Slice[] {
  const total = items.reduce((s, i) => s + i.spend, 0);
  if (total <= 0) return [];
  return items
    .filter((i) => i.spend > 0)
    .map((i, n) => ({ name: i.name, value: i.spend, share: i.spend / total, color: SERIES_COLORS[n % SERIES_COLORS.length] ?? '#667085' }));
}
