/**
 * Numerical helpers of the projection: a seeded generator, the normal quantile function,
 * the log-gamma function, and P10/P50/P90 of a sample. Pure and deterministic.
 */

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function inverseNormal(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`inverseNormal needs 0 < p < 1, got ${p}`);
  const [a0, a1, a2, a3, a4, a5] = A as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = B as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = C as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = D as [number, number, number, number];
  const tail = (q: number) => (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** z of the 90th percentile: a published low-high read as P10-P90 is value × e^(±z·σ). */
export const Z90 = 1.2815515655446004;

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7): the beta-binomial reach of a fractional number of posts. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0] ?? 1;
  for (let i = 1; i < 9; i++) s += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Low, central and high of a projected figure: its P10, P50 and P90. */
export interface Range {
  low: number;
  mid: number;
  high: number;
}

/**
 * Scenarios in the seeded sample. With 81, P10, P50 and P90 are exactly the 9th, 41st and
 * 73rd values (indices 8, 40 and 72): no interpolation, so each is one coherent scenario.
 */
export const SAMPLE_SIZE = 81;
export const RANK = { low: 8, mid: 40, high: 72 } as const;

/**
 * The central scenario: every assumption at the value the ledger shows (the default or the
 * plan's override). Evaluated beside the sampled ones at index CENTRAL, so per-scenario arrays
 * have DRAWS entries. The figures shown as a plan's headline come from it: they recompute
 * exactly from the stated assumptions, and every row and total is the same scenario.
 */
export const CENTRAL = SAMPLE_SIZE;
export const DRAWS = SAMPLE_SIZE + 1;

export const point = (v: number): Range => ({ low: v, mid: v, high: v });

/**
 * A figure's range from its value in each draw: the central scenario's value, between the P10
 * and P90 of the sampled scenarios (the band is widened to the central value in the rare case
 * a skewed spread leaves it outside, so a headline always lies inside its own range).
 */
export function bandOf(sample: Float64Array): Range {
  const mid = sample[CENTRAL] ?? 0;
  // Sorted in a buffer reused across calls (nothing outlives the call): a projection takes
  // tens of thousands of bands, and a copy each would be garbage to collect.
  for (let i = 0; i < SAMPLE_SIZE; i++) SORTED[i] = sample[i] ?? 0;
  SORTED.sort();
  return { low: Math.min(SORTED[RANK.low] ?? 0, mid), mid, high: Math.max(SORTED[RANK.high] ?? 0, mid) };
}
const SORTED = new Float64Array(SAMPLE_SIZE);

/** Indices of the sampled draws at the P10, P50 and P90 ranks of `sample`'s first SAMPLE_SIZE values (stable for ties). */
export function rankedDraws(sample: Float64Array): { low: number; mid: number; high: number } {
  const order = Array.from({ length: SAMPLE_SIZE }, (_, i) => i).sort((i, j) => (sample[i] ?? 0) - (sample[j] ?? 0) || i - j);
  return { low: order[RANK.low] ?? 0, mid: order[RANK.mid] ?? 0, high: order[RANK.high] ?? 0 };
}
