/**
 * Axis scales shared by every chart (projections, scenario comparison, print): one definition,
 * so the charts agree on their ticks, and on what an empty chart shows.
 */

/**
 * Evenly spaced round ticks from 0 to at least `max` (steps of 1, 2, 2.5 or 5 times a power of
 * ten): about `count` of them. Without data to show (0, negative, NaN or infinite) it is [0].
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  return Array.from({ length: Math.ceil(max / step - 1e-9) + 1 }, (_, i) => i * step);
}

/** About `count` evenly spaced dates for a time axis, the first and the last always included. */
export function dateTicks(dates: readonly string[], count = 5): string[] {
  if (dates.length <= count) return [...dates];
  const step = (dates.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => dates[Math.round(i * step)] ?? '').filter((d) => d !== '');
}

/**
 * The points a time chart draws: every day, or past `maxPoints` days the last day of each week
 * (and the last day of all), where cumulative values are read at each bucket's end.
 */
export function bucketEnds<T>(days: readonly T[], maxPoints = 120): T[] {
  const step = days.length > maxPoints ? 7 : 1;
  const out: T[] = [];
  for (let i = 0; i < days.length; i += step) {
    const day = days[Math.min(i + step - 1, days.length - 1)];
    if (day !== undefined) out.push(day);
  }
  return out;
}
