import { RANK, SAMPLE_SIZE, point, type Range } from '../stats';

export { point, SAMPLE_SIZE, type Range };

/** P10/P50/P90 of a sample of SAMPLE_SIZE values (the first edition's median headline). Sorts a copy. */
export function rangeOf(sample: Float64Array): Range {
  const sorted = sample.slice().sort();
  return { low: sorted[RANK.low] ?? 0, mid: sorted[RANK.mid] ?? 0, high: sorted[RANK.high] ?? 0 };
}

/** Indices of the draws at the P10, P50 and P90 ranks of `sample` (stable for ties). */
export function rankedDraws(sample: Float64Array): { low: number; mid: number; high: number } {
  const order = Array.from(sample.keys()).sort((i, j) => (sample[i] ?? 0) - (sample[j] ?? 0) || i - j);
  return { low: order[RANK.low] ?? 0, mid: order[RANK.mid] ?? 0, high: order[RANK.high] ?? 0 };
}
