import { lnGamma } from '../stats';

/**
 * Reach curves, in "log of the unreached share" form so that line items combine by adding
 * (Sainsbury): reach = U × (1 − e^L). Each function returns L ≤ 0 for one vehicle.
 */

/**
 * Negative-binomial exposure: the unreached share is (1 + m/k)^−k with m = impressions / U.
 * Reach = U × (1 − (1 + m/k)^−k) never exceeds U nor the impressions (Bernoulli's inequality),
 * and grows with impressions.
 */
export function nbdLogUnreached(impressions: number, universe: number, shape: number): number {
  if (!(impressions > 0) || !(universe > 0) || !(shape > 0)) return 0;
  return -shape * Math.log1p(impressions / universe / shape);
}

/** Reach of one vehicle on the negative-binomial curve. */
export function reachFromImpressions(impressions: number, universe: number, shape: number): number {
  if (!(universe > 0) || !(impressions > 0)) return 0;
  const reach = Math.max(0, -Math.expm1(nbdLogUnreached(impressions, universe, shape))) * universe;
  // Mathematically reach < impressions; at a millionth of an impression rounding can add an ulp.
  return Math.min(reach, impressions, universe);
}

/** Largest one-post reach share the beta-binomial fit handles (a post seen by everyone is degenerate). */
const MAX_R1 = 1 - 1e-9;

/**
 * Repeated posts by one creator: beta-binomial reach, reach(n) = 1 − B(a, b + n) / B(a, b),
 * fitted from one-post reach R1 and the share `overlap` of a post's viewers who saw the
 * previous one: a / (a + b) = R1 and (a + 1) / (a + b + 1) = overlap. Each post adds less
 * new reach than the one before. `posts` may be fractional (the budget curve scales them).
 */
export function postsLogUnreached(r1: number, posts: number, overlap: number): number {
  if (!(r1 > 0) || !(posts > 0)) return 0;
  const p = Math.min(r1, MAX_R1);
  // All viewers of every post are the same people: the first post's reach is all there is.
  if (overlap >= 1) return Math.log1p(-p);
  // No more overlap than chance: posts reach people independently (binomial).
  if (overlap <= p) return posts * Math.log1p(-p);
  const s = (1 - overlap) / (overlap - p);
  const a = p * s;
  const b = (1 - p) * s;
  if (Number.isInteger(posts) && posts <= 200) {
    let log = 0;
    for (let j = 0; j < posts; j++) log += Math.log((b + j) / (a + b + j));
    return log;
  }
  return lnGamma(b + posts) - lnGamma(a + b + posts) + lnGamma(a + b) - lnGamma(b);
}

/**
 * Combined reach from each line item's log-unreached share: Sainsbury's independent
 * combination, times an overlap factor for above-random duplication, never below the
 * largest single line item's reach.
 */
export function combineLogs(sumLog: number, minLog: number, universe: number, overlapFactor: number): number {
  if (!(universe > 0)) return 0;
  const sainsbury = Math.max(0, -Math.expm1(sumLog)) * universe;
  const largest = Math.max(0, -Math.expm1(minLog)) * universe;
  return Math.min(universe, Math.max(largest, overlapFactor * sainsbury));
}

/** Sainsbury combination of reaches against a universe (with an overlap factor, default none). */
export function combineReach(reaches: readonly number[], universe: number, overlapFactor = 1): number {
  if (!(universe > 0) || reaches.length === 0) return 0;
  let sum = 0;
  let min = 0;
  for (const r of reaches) {
    const log = Math.log1p(-Math.min(Math.max(r, 0), universe) / universe);
    sum += log;
    min = Math.min(min, log);
  }
  return combineLogs(sum, min, universe, overlapFactor);
}

/**
 * The share of the universe reached k or more times, for k = 1..maxK, from the average
 * exposures m = impressions / U and the reached share r: the negative binomial whose reach
 * at m is r (its shape solved by bisection), or Poisson where r is at or above Poisson's
 * reach (the most even exposure possible). The bins of k+ reach never add up to more than m.
 */
export function frequencyAtLeast(m: number, r: number, maxK: number): number[] {
  const out = new Array<number>(maxK).fill(0);
  if (!(m > 0) || !(r > 0)) return out;
  const share = Math.min(r, m, 1);
  const poissonReach = -Math.expm1(-m);
  // P(x) for x = 0..maxK-1, then k+ = 1 − Σ_{x<k} P(x).
  const probs: number[] = [];
  if (share >= poissonReach) {
    // More even than Poisson: the reached get a zero-truncated Poisson number of exposures
    // whose mean is m / share (λ solved by bisection); 1 exposure each when that mean is 1.
    const mean = m / share;
    let lo = 0;
    let hi = Math.max(mean, 1e-9);
    for (let i = 0; i < 45; i++) {
      const mid = (lo + hi) / 2;
      const truncatedMean = mid < 1e-12 ? 1 : mid / -Math.expm1(-mid);
      if (truncatedMean < mean) lo = mid;
      else hi = mid;
    }
    const lambda = (lo + hi) / 2;
    // P(X = x | X ≥ 1) for x = 1..maxK-1, then k+ = share × (1 − Σ_{1≤x<k} P).
    out[0] = share;
    if (lambda < 1e-12) return out;
    let p = Math.exp(-lambda) / -Math.expm1(-lambda);
    let cumulative = 0;
    for (let x = 1; x < maxK; x++) {
      p *= lambda / x;
      cumulative += p;
      out[x] = share * Math.max(0, 1 - cumulative);
    }
    return out;
  } else {
    // 1 − (1 + m/k)^−k rises with k from 0 (k → 0) to Poisson's reach (k → ∞).
    let lo = Math.log(1e-6);
    let hi = Math.log(1e6);
    for (let i = 0; i < 45; i++) {
      const mid = (lo + hi) / 2;
      const k = Math.exp(mid);
      const reach = -Math.expm1(-k * Math.log1p(m / k));
      if (reach < share) lo = mid;
      else hi = mid;
    }
    const k = Math.exp((lo + hi) / 2);
    const q = m / (k + m);
    let p = 1 - share;
    for (let x = 0; x < maxK; x++) {
      probs.push(p);
      p *= ((k + x) / (x + 1)) * q;
    }
  }
  let cumulative = 0;
  for (let k = 1; k <= maxK; k++) {
    cumulative += probs[k - 1] ?? 0;
    out[k - 1] = Math.max(0, Math.min(share, 1 - cumulative));
  }
  // k = 1 is the reached share itself (the fitted curve passes through it).
  out[0] = share;
  return out;
}
