/** The projection's numerical building blocks (reach.ts, stats.ts, scenarios.ts), against closed forms and published values. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../../mocks/data/benchmarks';
import { seededRandom } from '../../mocks/data/creators';
import {
  atLeastShares,
  BINS,
  combinedExposures,
  combinedReach,
  ExposureMix,
  logUnreached,
  MAX_EXPOSURES,
  nbdExposures,
  nbdLogUnreached,
  noExposures,
  reachShare,
  unitsExposures,
  unitsLogUnreached,
  type Exposures,
} from '../../src/domain/reach';
import { DEFAULT_SEED, drawScenarios, spreadsOf } from '../../src/domain/scenarios';
import { bandOf, CENTRAL, DRAWS, inverseNormal, lnGamma, mulberry32, point, RANK, rankedDraws, SAMPLE_SIZE, Z90 } from '../../src/domain/stats';
import type { Assumption } from '../../src/domain/types';
import { defaultAssumptions } from './plan-fixtures';

/** 0..80 in a scrambled (but fixed) order. */
const SCRAMBLED = Array.from({ length: SAMPLE_SIZE }, (_, i) => (i * 37) % SAMPLE_SIZE);

/** A per-draw array: the 81 sampled draws, then the central scenario. */
const draws = (sampled: readonly number[], central: number) => Float64Array.from([...sampled, central]);

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0);
/** Mean exposures of a distribution whose 5+ bin counts as 5 (a floor of the true mean). */
const meanOf = (e: Exposures) => Array.from(e).reduce((s, p, x) => s + x * p, 0);

function expectClose(actual: number | undefined, expected: number, tolerance = 1e-12) {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(tolerance);
}

// ---------------------------------------------------------------------------------------
// Reference distributions, written from their textbook definitions.

/** The negative-binomial pmf with mean m and shape k: Γ(k + x) ÷ (Γ(k) x!) × (k ÷ (k + m))^k × (m ÷ (k + m))^x. */
function nbdPmf(m: number, k: number, x: number): number {
  let coefficient = 1;
  for (let i = 0; i < x; i++) coefficient *= (k + i) / (i + 1);
  return coefficient * (k / (k + m)) ** k * (m / (k + m)) ** x;
}

/** The beta-binomial pmf of n units: C(n, x) × B(x + a, n − x + b) ÷ B(a, b), as products. */
function betaBinomialPmf(n: number, a: number, b: number, x: number): number {
  if (x > n) return 0;
  let p = 1;
  for (let i = 0; i < x; i++) p *= ((n - i) / (i + 1)) * (a + i);
  for (let j = 0; j < n - x; j++) p *= b + j;
  for (let t = 0; t < n; t++) p /= a + b + t;
  return p;
}

/** a and b of the beta-binomial with one-unit reach r1 and repeat share: a ÷ (a + b) = r1, (a + 1) ÷ (a + b + 1) = repeat. */
function betaOf(r1: number, repeat: number) {
  const s = (1 - repeat) / (repeat - r1);
  return { a: r1 * s, b: (1 - r1) * s };
}

const binomialPmf = (n: number, p: number, x: number) => {
  if (x > n) return 0;
  let c = 1;
  for (let i = 0; i < x; i++) c *= (n - i) / (i + 1);
  return c * p ** x * (1 - p) ** (n - x);
};

/** Binned like an exposure distribution: P(0) … P(4), then P(5+). */
function binned(pmf: (x: number) => number): number[] {
  const out = Array.from({ length: MAX_EXPOSURES }, (_, x) => pmf(x));
  return [...out, 1 - sum(out)];
}

/** Independent vehicles: the convolution, with 5 or more exposures lumped into the last bin. */
function convolution(parts: readonly Exposures[]): number[] {
  let acc = [1, 0, 0, 0, 0, 0];
  for (const part of parts) {
    const next = [0, 0, 0, 0, 0, 0];
    acc.forEach((pi, i) => part.forEach((pj, j) => (next[Math.min(MAX_EXPOSURES, i + j)] = (next[Math.min(MAX_EXPOSURES, i + j)] ?? 0) + pi * pj)));
    acc = next;
  }
  return acc;
}

/**
 * Fully nested vehicles: the comonotone sum, every vehicle's exposures read at the same quantile u
 * of one uniform draw. Between two consecutive cumulative shares every vehicle's exposures are
 * constant, so P(sum ≥ k) adds up the lengths of the intervals where the sum is k or more.
 */
function comonotoneAtLeast(parts: readonly Exposures[]): number[] {
  const cdfs = parts.map((p) => {
    let c = 0;
    return Array.from(p, (v) => (c += v));
  });
  const cuts = [...new Set([0, 1, ...cdfs.flat().map((v) => Math.min(1, v))])].sort((x, y) => x - y);
  const atLeast = [0, 0, 0, 0, 0];
  for (let i = 1; i < cuts.length; i++) {
    const lo = cuts[i - 1] ?? 0;
    const hi = cuts[i] ?? 0;
    const u = (lo + hi) / 2;
    const total = cdfs.reduce((s, cdf) => {
      const x = cdf.findIndex((c) => c >= u);
      return s + (x < 0 ? MAX_EXPOSURES : x);
    }, 0);
    for (let k = 1; k <= MAX_EXPOSURES; k++) if (total >= k) atLeast[k - 1] = (atLeast[k - 1] ?? 0) + (hi - lo);
  }
  return atLeast;
}

/** P(X ≥ 1) … P(X ≥ 5) of a binned distribution. */
const tails = (e: ArrayLike<number>) => Array.from({ length: MAX_EXPOSURES }, (_, k) => sum(Array.from(e).slice(k + 1)));

/** A random exposure distribution over 0 … `maxExposures` (fast-check). */
const distribution = (maxExposures: number) =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: maxExposures + 1, maxLength: maxExposures + 1 }).map((w) => {
    const total = sum(w);
    const out = new Float64Array(BINS);
    w.forEach((v, x) => (out[x] = total > 0 ? v / total : x === 0 ? 1 : 0));
    return out;
  });

// ---------------------------------------------------------------------------------------

describe('reachShare and logUnreached', () => {
  it('turn a log of the unreached share into a reach share and back', () => {
    for (const share of [0, 1e-9, 0.25, 0.5, 0.999]) expect(reachShare(logUnreached(share))).toBeCloseTo(share, 14);
    expect(logUnreached(1)).toBe(-Infinity);
    expect(reachShare(-Infinity)).toBe(1);
  });

  it('never gives −0 for nobody reached', () => {
    expect(Object.is(reachShare(0), 0)).toBe(true);
    expect(Object.is(reachShare(-0), 0)).toBe(true);
  });
});

describe('nbdExposures: paid delivery on the negative binomial', () => {
  const U = 1_000_000;

  it.each([
    [0.5, 1],
    [2, 0.5],
    [3, 2],
    [10, 1.7],
    [0.01, 20],
  ])('with mean %d and shape %d, matches the negative-binomial pmf bin by bin', (m, k) => {
    const e = nbdExposures(m * U, U, k);
    expect(e).toHaveLength(BINS);
    const expected = binned((x) => nbdPmf(m, k, x));
    expected.forEach((p, x) => expectClose(e[x], p, 1e-12));
  });

  it('has the unreached share (1 + m/k)^−k of nbdLogUnreached', () => {
    for (const [m, k] of [
      [0.5, 1],
      [2, 0.5],
      [7, 3],
    ] as const) {
      const log0 = nbdLogUnreached(m * U, U, k);
      expectClose(log0, -k * Math.log(1 + m / k), 1e-12);
      expectClose(nbdExposures(m * U, U, k)[0], (1 + m / k) ** -k, 1e-12);
    }
  });

  it('is the geometric distribution at shape 1: P(x) = (1 − q) q^x with q = m ÷ (1 + m)', () => {
    const m = 2;
    const q = m / (1 + m);
    const e = nbdExposures(m * U, U, 1);
    for (let x = 0; x < MAX_EXPOSURES; x++) expectClose(e[x], (1 - q) * q ** x);
    expectClose(e[MAX_EXPOSURES], q ** MAX_EXPOSURES);
  });

  it('tends to the Poisson distribution as the shape grows (the most even exposure)', () => {
    const m = 1.3;
    const e = nbdExposures(m * U, U, 1e7);
    let p = Math.exp(-m);
    for (let x = 0; x < MAX_EXPOSURES; x++) {
      expectClose(e[x], p, 1e-6);
      p *= m / (x + 1);
    }
  });

  it.each([
    [0, U, 1],
    [-5, U, 1],
    [Number.NaN, U, 1],
    [1_000, 0, 1],
    [1_000, U, 0],
    [1_000, U, Number.NaN],
  ])('exposes nobody for impressions %d, universe %d, shape %d', (impressions, universe, shape) => {
    expect(Array.from(nbdExposures(impressions, universe, shape))).toEqual(Array.from(noExposures()));
    expect(nbdLogUnreached(impressions, universe, shape) === 0).toBe(true);
  });

  it('sums to 1, with a mean of at most m and bins that are never negative (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 50, noNaN: true }), fc.double({ min: 0.05, max: 20, noNaN: true }), (m, k) => {
        const e = nbdExposures(m * U, U, k);
        for (const p of e) expect(p).toBeGreaterThanOrEqual(0);
        expect(Math.abs(sum(e) - 1)).toBeLessThanOrEqual(1e-12);
        // The 5+ bin is 1 − the others: it carries the sum's rounding (about 1e-16), five times over in the mean.
        expect(meanOf(e)).toBeLessThanOrEqual(m * (1 + 1e-12) + 1e-14);
      }),
    );
  });

  it('reaches never more than the impressions nor the universe, and more with more impressions (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e11, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e11, noNaN: true }),
        fc.double({ min: 1, max: 1e10, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        (x, y, u, k) => {
          const reach = (i: number) => u * reachShare(nbdLogUnreached(i, u, k));
          expect(reach(x)).toBeLessThanOrEqual(x * (1 + 1e-12));
          expect(reach(x)).toBeLessThanOrEqual(u);
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(reach(lo)).toBeLessThanOrEqual(reach(hi));
        },
      ),
    );
  });

  it('writes into the array it is given', () => {
    const out = new Float64Array(BINS).fill(9);
    expect(nbdExposures(U, U, 1, out)).toBe(out);
    expectClose(sum(out), 1);
  });
});

describe('unitsExposures: whole posts or takeover days on the beta-binomial', () => {
  it.each([
    [1, 0.03, 0.6],
    [2, 0.03, 0.6],
    [3, 0.1, 0.5],
    [4, 0.2, 0.9],
    [7, 0.05, 0.5],
    [28, 0.0309, 0.6],
  ])('%d units reaching %d each, repeat %d: the beta-binomial pmf', (n, r1, repeat) => {
    const { a, b } = betaOf(r1, repeat);
    const e = unitsExposures(r1, n, repeat);
    const expected = binned((x) => betaBinomialPmf(n, a, b, x));
    expected.forEach((p, x) => expectClose(e[x], p, 1e-12));
  });

  it.each([1, 2, 3, 4])('never exposes anyone more often than its %d units: P(X > n) = 0', (n) => {
    for (const [r1, repeat] of [
      [0.03, 0.6],
      [0.2, 0.1],
      [0.4, 1],
      [0.9, 0.95],
    ] as const) {
      const e = unitsExposures(r1, n, repeat);
      for (let x = n + 1; x <= MAX_EXPOSURES; x++) expect(e[x]).toBe(0);
      // Exactly: not even rounding's crumbs above the units.
      for (const share of atLeastShares(e).slice(n)) expect(share).toBe(0);
    }
  });

  it('has the reach 1 − e^unitsLogUnreached', () => {
    for (const [r1, n, repeat] of [
      [0.03, 2, 0.6],
      [0.1, 10, 0.5],
      [0.2, 3, 0.05],
      [0.3, 4, 1],
    ] as const) {
      const e = unitsExposures(r1, n, repeat);
      expectClose(1 - (e[0] ?? Number.NaN), reachShare(unitsLogUnreached(r1, n, repeat)), 1e-14);
      expectClose(atLeastShares(e)[0], reachShare(unitsLogUnreached(r1, n, repeat)), 1e-14);
    }
  });

  it('reaches r1 with one unit and r1 × (2 − repeat) with two: the second adds the share that missed the first', () => {
    for (const repeat of [0.3, 0.5, 0.6, 0.9]) {
      expectClose(reachShare(unitsLogUnreached(0.03, 1, repeat)), 0.03, 1e-15);
      expectClose(reachShare(unitsLogUnreached(0.03, 2, repeat)), 0.03 * (2 - repeat), 1e-15);
      // Two exposures: both units, seen by r1 × repeat.
      expectClose(unitsExposures(0.03, 2, repeat)[2], 0.03 * repeat, 1e-15);
    }
  });

  it('is the binomial when no more people see a unit again than chance (repeat ≤ r1)', () => {
    for (const [r1, repeat] of [
      [0.1, 0.1],
      [0.1, 0],
      [0.3, 0.2],
    ] as const) {
      const e = unitsExposures(r1, 3, repeat);
      binned((x) => binomialPmf(3, r1, x)).forEach((p, x) => expectClose(e[x], p, 1e-14));
      expectClose(reachShare(unitsLogUnreached(r1, 3, repeat)), 1 - (1 - r1) ** 3, 1e-14);
    }
  });

  it.each([1, 2, 3, 5, 9])('is all or nothing when everyone sees every unit again (repeat = 1), %d units', (n) => {
    const e = unitsExposures(0.25, n, 1);
    const expected = [0.75, 0, 0, 0, 0, 0];
    expected[Math.min(n, MAX_EXPOSURES)] = 0.25;
    expect(Array.from(e)).toEqual(expected);
    expectClose(reachShare(unitsLogUnreached(0.25, n, 1)), 0.25, 1e-15);
  });

  it.each([
    [0, 3, 0.5],
    [0.1, 0, 0.5],
    [Number.NaN, 3, 0.5],
    [-0.2, 3, 0.5],
  ])('exposes nobody with a unit reach of %d and %d units', (r1, n, repeat) => {
    expect(Array.from(unitsExposures(r1, n, repeat))).toEqual(Array.from(noExposures()));
    expect(unitsLogUnreached(r1, n, repeat)).toBe(0);
  });

  it('counts whole units only', () => {
    expect(Array.from(unitsExposures(0.1, 2.7, 0.5))).toEqual(Array.from(unitsExposures(0.1, 2, 0.5)));
    expect(unitsLogUnreached(0.1, 2.7, 0.5)).toBe(unitsLogUnreached(0.1, 2, 0.5));
  });

  it('sums to 1 with a mean of n × r1 (up to the 5+ bin), each unit adding less new reach than the one before (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 0.9, noNaN: true }),
        // Up to 99.9%: within 1e-9 of 1, 1 − repeat keeps too few digits for the fit (repeat = 1 is tested above).
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (r1, repeat, n) => {
          const e = unitsExposures(r1, n, repeat);
          for (const p of e) expect(p).toBeGreaterThanOrEqual(0);
          expect(Math.abs(sum(e) - 1)).toBeLessThanOrEqual(1e-12);
          if (n < MAX_EXPOSURES) expect(meanOf(e)).toBeCloseTo(n * r1, 10);
          else expect(meanOf(e)).toBeLessThanOrEqual(n * r1 * (1 + 1e-12) + 1e-14);
          const reach = (k: number) => reachShare(unitsLogUnreached(r1, k, repeat));
          const gain = reach(n + 1) - reach(n);
          const before = reach(n) - reach(n - 1);
          expect(gain).toBeGreaterThanOrEqual(-1e-15);
          expect(gain).toBeLessThanOrEqual(before + 1e-15);
          expect(reach(n)).toBeLessThanOrEqual(Math.min(1, n * r1) + 1e-15);
        },
      ),
    );
  });
});

describe('combinedReach: largest + D × (Sainsbury − largest)', () => {
  const log = (share: number) => Math.log1p(-share);

  it('combines two half-universe vehicles to 50% + D × 25%', () => {
    const sumLog = log(0.5) + log(0.5);
    expectClose(combinedReach(sumLog, log(0.5), 1), 0.75, 1e-15);
    expectClose(combinedReach(sumLog, log(0.5), 0.85), 0.5 + 0.85 * 0.25, 1e-15);
    expectClose(combinedReach(sumLog, log(0.5), 0), 0.5, 1e-15);
  });

  it('clamps D to 0 … 1', () => {
    const sumLog = log(0.4) + log(0.3);
    expect(combinedReach(sumLog, log(0.4), 2)).toBe(combinedReach(sumLog, log(0.4), 1));
    expect(combinedReach(sumLog, log(0.4), -1)).toBe(combinedReach(sumLog, log(0.4), 0));
  });

  it('is 0 with no vehicle', () => {
    expect(combinedReach(0, 0, 0.85)).toBe(0);
  });

  it('lies between the largest vehicle and independence, rising with D (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (shares, d1, d2) => {
          const sumLog = shares.reduce((s, r) => s + log(r), 0);
          const minLog = Math.min(0, ...shares.map(log));
          const largest = Math.max(...shares);
          const sainsbury = 1 - shares.reduce((q, r) => q * (1 - r), 1);
          const c = combinedReach(sumLog, minLog, d1);
          expect(c).toBeGreaterThanOrEqual(largest - 1e-12);
          expect(c).toBeLessThanOrEqual(sainsbury + 1e-12);
          expectClose(c, largest + d1 * (sainsbury - largest), 1e-12);
          const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
          expect(combinedReach(sumLog, minLog, lo)).toBeLessThanOrEqual(combinedReach(sumLog, minLog, hi));
        },
      ),
    );
  });
});

describe('combinedExposures: D × the convolution + (1 − D) × the comonotone sum', () => {
  const a = nbdExposures(600_000, 1_000_000, 1);
  const b = unitsExposures(0.2, 3, 0.6);
  const c = unitsExposures(0.05, 2, 0.5);

  it('is the convolution at D = 1 (vehicles reach people independently)', () => {
    for (const parts of [[a, b], [a, b, c], [b, c]]) {
      const e = combinedExposures(parts, 1);
      convolution(parts).forEach((p, x) => expectClose(e[x], p, 1e-14));
    }
  });

  it('is the comonotone sum at D = 0 (every smaller audience inside the larger)', () => {
    for (const parts of [[a, b], [a, b, c], [b, c]]) {
      const e = combinedExposures(parts, 0);
      const expected = comonotoneAtLeast(parts);
      atLeastShares(e).forEach((p, k) => expectClose(p, expected[k] ?? Number.NaN, 1e-14));
    }
  });

  it('reaches the largest vehicle’s reach at D = 0 and Sainsbury’s at D = 1', () => {
    const parts = [a, b, c];
    const reached = parts.map((p) => 1 - (p[0] ?? 0));
    expectClose(atLeastShares(combinedExposures(parts, 0))[0], Math.max(...reached), 1e-14);
    expectClose(atLeastShares(combinedExposures(parts, 1))[0], 1 - reached.reduce((q, r) => q * (1 - r), 1), 1e-14);
  });

  it('has the reach combinedReach gives, at any D', () => {
    const parts = [a, b, c];
    const logs = parts.map((p) => Math.log(p[0] ?? 1));
    for (const d of [0, 0.3, 0.85, 1]) {
      expectClose(atLeastShares(combinedExposures(parts, d))[0], combinedReach(sum(logs), Math.min(...logs), d), 1e-14);
    }
  });

  it('mixes the two k+ shares linearly in D', () => {
    const conv = tails(convolution([a, b]));
    const nested = comonotoneAtLeast([a, b]);
    const e = combinedExposures([a, b], 0.85);
    atLeastShares(e).forEach((p, k) => expectClose(p, 0.85 * (conv[k] ?? 0) + 0.15 * (nested[k] ?? 0), 1e-14));
  });

  it('returns a single vehicle as it is, and exposes nobody without vehicles', () => {
    expect(Array.from(combinedExposures([b], 0.3))).toEqual(Array.from(b));
    expect(Array.from(combinedExposures([], 0.3))).toEqual(Array.from(noExposures()));
  });

  it('keeps the mean exposures of the vehicles, at any D (property)', () => {
    fc.assert(
      fc.property(fc.array(distribution(2), { minLength: 2, maxLength: 2 }), fc.double({ min: 0, max: 1, noNaN: true }), (parts, d) => {
        // Two vehicles of at most 2 exposures each: no one reaches the lumped 5+ bin.
        const e = combinedExposures(parts, d);
        expect(meanOf(e)).toBeCloseTo(sum(parts.map(meanOf)), 10);
      }),
    );
    fc.assert(
      fc.property(fc.array(distribution(1), { minLength: 2, maxLength: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), (parts, d) => {
        expect(meanOf(combinedExposures(parts, d))).toBeCloseTo(sum(parts.map(meanOf)), 10);
      }),
    );
  });

  it('sums to 1 with k+ shares that never rise with k and never exceed the mean (property)', () => {
    fc.assert(
      fc.property(fc.array(distribution(5), { minLength: 1, maxLength: 5 }), fc.double({ min: 0, max: 1, noNaN: true }), (parts, d) => {
        const e = combinedExposures(parts, d);
        for (const p of e) expect(p).toBeGreaterThanOrEqual(0);
        expect(Math.abs(sum(e) - 1)).toBeLessThanOrEqual(1e-12);
        const k = atLeastShares(e);
        for (let i = 1; i < k.length; i++) expect(k[i]).toBeLessThanOrEqual((k[i - 1] ?? 0) + 1e-15);
        expect(sum(k)).toBeLessThanOrEqual(sum(parts.map(meanOf)) + 1e-12);
      }),
    );
  });
});

describe('ExposureMix: vehicles added one by one', () => {
  const parts = [nbdExposures(600_000, 1_000_000, 1), unitsExposures(0.2, 3, 0.6), unitsExposures(0.05, 2, 0.5)];

  it('gives what combinedExposures gives for the same vehicles, at any D', () => {
    const mix = new ExposureMix();
    for (const p of parts) mix.add(p);
    for (const d of [0, 0.4, 0.85, 1]) {
      const expected = combinedExposures(parts, d);
      Array.from(mix.result(d)).forEach((p, x) => expectClose(p, expected[x] ?? Number.NaN, 1e-15));
    }
  });

  it('starts over after a reset, and exposes nobody with nothing added', () => {
    const mix = new ExposureMix();
    expect(Array.from(mix.result(0.85))).toEqual(Array.from(noExposures()));
    mix.add(parts[0] ?? noExposures());
    mix.reset();
    mix.add(parts[1] ?? noExposures());
    expect(Array.from(mix.result(0.85))).toEqual(Array.from(parts[1] ?? []));
  });

  it('keeps exactly 0 in the bins no combination of vehicles reaches', () => {
    // Two 1-day units: nobody can be exposed 3 times or more.
    const e = combinedExposures([unitsExposures(0.3, 1, 0.6), unitsExposures(0.2, 1, 0.6)], 0.85);
    expect(Array.from(e.slice(3))).toEqual([0, 0, 0]);
    expect(atLeastShares(e).slice(2)).toEqual([0, 0, 0]);
  });
});

describe('atLeastShares', () => {
  it('gives P(X ≥ 1) … P(X ≥ 5) of a distribution', () => {
    const e = Float64Array.from([0.4, 0.3, 0.15, 0.1, 0.04, 0.01]);
    atLeastShares(e).forEach((p, k) => expectClose(p, [0.6, 0.3, 0.15, 0.05, 0.01][k] ?? Number.NaN, 1e-15));
    expect(atLeastShares(noExposures())).toEqual([0, 0, 0, 0, 0]);
  });
});

// ---------------------------------------------------------------------------------------
// stats.ts

describe('the central scenario beside the sampled ones', () => {
  it('has 81 sampled draws, the central one at index 81, 82 entries per draw array', () => {
    expect(SAMPLE_SIZE).toBe(81);
    expect(CENTRAL).toBe(81);
    expect(DRAWS).toBe(82);
    expect(RANK).toEqual({ low: 8, mid: 40, high: 72 });
  });
});

describe('bandOf: the central value with the P10–P90 of the sampled draws', () => {
  it('reads P10 and P90 as the 9th and 73rd of the 81 sampled values, the mid as the central value', () => {
    expect(bandOf(draws(SCRAMBLED, 30))).toEqual({ low: 8, mid: 30, high: 72 });
  });

  it('widens the band to a central value outside it', () => {
    expect(bandOf(draws(SCRAMBLED, 100))).toEqual({ low: 8, mid: 100, high: 100 });
    expect(bandOf(draws(SCRAMBLED, -5))).toEqual({ low: -5, mid: -5, high: 72 });
  });

  it('leaves the central value out of the ranking', () => {
    // Were the central value ranked, P10 and P90 would move one place.
    expect(bandOf(draws(SCRAMBLED, -1e9)).high).toBe(72);
    expect(bandOf(draws(SCRAMBLED, 1e9)).low).toBe(8);
  });

  it('sorts numerically a copy of the draws: the sample keeps its order', () => {
    const values = draws(
      SCRAMBLED.map((v) => (v - 40) / 4),
      0,
    );
    expect(bandOf(values)).toEqual({ low: -8, mid: 0, high: 8 });
    expect(Array.from(values.slice(0, SAMPLE_SIZE))).toEqual(SCRAMBLED.map((v) => (v - 40) / 4));
  });

  it('is a point for a figure that does not vary', () => {
    expect(bandOf(new Float64Array(DRAWS).fill(7))).toEqual(point(7));
  });

  it('always contains its central value, low ≤ mid ≤ high (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: SAMPLE_SIZE, maxLength: SAMPLE_SIZE }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        (xs, central) => {
          const band = bandOf(draws(xs, central));
          expect(band.mid).toBe(central);
          expect(band.low).toBeLessThanOrEqual(band.mid);
          expect(band.mid).toBeLessThanOrEqual(band.high);
        },
      ),
    );
  });
});

describe('rankedDraws', () => {
  it('gives the indices of the P10, P50 and P90 draws among the sampled ones', () => {
    const values = draws(SCRAMBLED, 1e9);
    const ranked = rankedDraws(values);
    expect(values[ranked.low]).toBe(8);
    expect(values[ranked.mid]).toBe(40);
    expect(values[ranked.high]).toBe(72);
  });

  it('never picks the central scenario', () => {
    const ranked = rankedDraws(draws(SCRAMBLED, -1e9));
    for (const i of [ranked.low, ranked.mid, ranked.high]) expect(i).toBeLessThan(SAMPLE_SIZE);
  });

  it('breaks ties by index, so a constant sample gives draws 8, 40, 72', () => {
    expect(rankedDraws(new Float64Array(DRAWS).fill(3))).toEqual({ low: 8, mid: 40, high: 72 });
  });

  it('agrees with bandOf where the central value lies inside the band (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: SAMPLE_SIZE, maxLength: SAMPLE_SIZE }), (xs) => {
        const values = draws(xs, 0);
        const ranked = rankedDraws(values);
        const sorted = [...xs].sort((x, y) => x - y);
        // === so that −0 and +0 (a tie) count as the same value.
        expect(values[ranked.low] === sorted[RANK.low]).toBe(true);
        expect(values[ranked.mid] === sorted[RANK.mid]).toBe(true);
        expect(values[ranked.high] === sorted[RANK.high]).toBe(true);
        const band = bandOf(draws(xs, sorted[RANK.mid] ?? 0));
        expect(band.low === sorted[RANK.low]).toBe(true);
        expect(band.high === sorted[RANK.high]).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('point is a range with no spread', () => {
    expect(point(5)).toEqual({ low: 5, mid: 5, high: 5 });
  });
});

describe('inverseNormal', () => {
  it.each([
    [0.1, -1.2815515655446004],
    [0.5, 0],
    [0.9, 1.2815515655446004],
    [0.975, 1.959963984540054],
    [0.025, -1.959963984540054],
    [0.8413447460685429, 1],
    [0.001, -3.090232306167813],
    [1e-9, -5.997807015007686],
    [0.999, 3.090232306167813],
  ])('Φ⁻¹(%d) = %d', (p, z) => {
    // Acklam's approximation: relative error under 1.2e-9.
    expect(inverseNormal(p)).toBeCloseTo(z, 7);
  });

  it('gives the z of the 90th percentile the model reads published ranges with', () => {
    expect(Z90).toBeCloseTo(1.28155, 5);
    expect(inverseNormal(0.9)).toBeCloseTo(Z90, 8);
  });

  it('is odd around 1/2 and increasing (property)', () => {
    fc.assert(
      // From 1e-6: below that, 1 − p itself is rounded in floating point.
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (p, q) => {
        expect(inverseNormal(1 - p)).toBeCloseTo(-inverseNormal(p), 6);
        if (p < q) expect(inverseNormal(p)).toBeLessThanOrEqual(inverseNormal(q));
      }),
    );
  });

  it.each([[0], [1], [-0.1], [1.5], [Number.NaN]])('refuses p = %d', (p) => {
    expect(() => inverseNormal(p)).toThrow(RangeError);
  });
});

describe('lnGamma', () => {
  it.each(Array.from({ length: 21 }, (_, n) => [n]))('ln Γ(%d + 1) = ln(%d!)', (n) => {
    let logFactorial = 0;
    for (let i = 2; i <= n; i++) logFactorial += Math.log(i);
    expect(lnGamma(n + 1)).toBeCloseTo(logFactorial, 10);
  });

  it('gives Γ(1/2) = √π, Γ(3/2) = √π / 2 and Γ(1/4) by the reflection formula', () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(lnGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 12);
    // Γ(1/4) = 3.62560990822190831…
    expect(lnGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 12);
  });

  it('satisfies Γ(x + 1) = x Γ(x) (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 500, noNaN: true }), (x) => {
        expect(lnGamma(x + 1) - lnGamma(x)).toBeCloseTo(Math.log(x), 8);
      }),
    );
  });

  it('gives the beta-binomial unreached share as ln B(a, b + n) − ln B(a, b)', () => {
    const { a, b } = betaOf(0.03, 0.6);
    const lnBeta = (x: number, y: number) => lnGamma(x) + lnGamma(y) - lnGamma(x + y);
    for (const n of [1, 2, 5, 28]) expect(unitsLogUnreached(0.03, n, 0.6)).toBeCloseTo(lnBeta(a, b + n) - lnBeta(a, b), 10);
  });
});

describe('mulberry32', () => {
  it('repeats its sequence for the same seed and stays in [0, 1)', () => {
    const a = mulberry32(DEFAULT_SEED);
    const b = mulberry32(DEFAULT_SEED);
    for (let i = 0; i < 1_000; i++) {
      const x = a();
      expect(b()).toBe(x);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('is the canonical mulberry32 (the catalog generator’s, written independently)', () => {
    for (const seed of [0, 1, 2020, DEFAULT_SEED, 0xffffffff]) {
      const ours = mulberry32(seed);
      const reference = seededRandom(seed);
      for (let i = 0; i < 100; i++) expect(ours()).toBe(reference());
    }
  });

  it('gives different sequences for different seeds, roughly uniform', () => {
    const a = Array.from({ length: 8 }, mulberry32(1));
    const b = Array.from({ length: 8 }, mulberry32(2));
    expect(a).not.toEqual(b);
    const random = mulberry32(7);
    const n = 20_000;
    let total = 0;
    for (let i = 0; i < n; i++) total += random();
    expect(total / n).toBeCloseTo(0.5, 2);
  });
});

describe('spreadsOf and drawScenarios: published ranges read as P10-P90', () => {
  const withRange = ASSUMPTIONS.filter((a): a is Assumption & { range: [number, number] } => a.range !== null);
  const spreads = spreadsOf(ASSUMPTIONS);
  const values = defaultAssumptions(2024);

  it('gives a spread to exactly the assumptions with a published range that is not a point', () => {
    const expected = withRange.filter((a) => a.range[0] < a.value || a.range[1] > a.value).map((a) => a.key);
    expect(Object.keys(spreads).sort()).toEqual([...expected].sort());
    expect(expected.length).toBeGreaterThan(0);
  });

  it.each(withRange.map((a) => [a.key, a] as const))('%s: σ below and above from ln(value / low) and ln(high / value) ÷ z90', (key, a) => {
    const [low, high] = a.range;
    const spread = spreads[key];
    if (!spread) throw new Error(`no spread for ${key}`);
    const down = low < a.value ? Math.log(a.value / low) / Z90 : 0;
    const up = high > a.value ? Math.log(high / a.value) / Z90 : 0;
    // A value at one end of its range: the other side's σ on both sides.
    expect(spread.down).toBeCloseTo(down || up, 12);
    expect(spread.up).toBeCloseTo(up || down, 12);
    expect(spread.fraction).toBe(a.unit === 'fraction');
  });

  it.each([[DEFAULT_SEED], [1], [987_654]])(
    'seed %d: every factor’s sampled P10 and P90 times the value bracket the published low and high',
    (seed) => {
      const factors = drawScenarios(spreads, values, seed);
      for (const a of withRange) {
        const f = factors[a.key];
        if (!f) throw new Error(`no factor for ${a.key}`);
        expect(f).toHaveLength(SAMPLE_SIZE);
        const sorted = Array.from(f).sort((x, y) => x - y);
        const at = (i: number) => (sorted[i] ?? Number.NaN) * a.value;
        // The published ends, or where the value is one end, the other end mirrored around it.
        const low = a.range[0] < a.value ? a.range[0] : a.value ** 2 / a.range[1];
        const high = a.range[1] > a.value ? a.range[1] : a.value ** 2 / a.range[0];
        // The sample's strata are (i + 0.5) / 81: P10 falls between the 8th and 9th values, P90 between the 73rd and 74th.
        const eps = 1e-9 * a.value;
        // A share is capped at 100% in every scenario.
        const cap = a.unit === 'fraction' ? 1 : Infinity;
        expect(at(7)).toBeLessThanOrEqual(low + eps);
        expect(at(RANK.low)).toBeGreaterThanOrEqual(Math.min(low, cap) - eps);
        expect(at(RANK.high)).toBeLessThanOrEqual(high + eps);
        expect(at(RANK.high + 1)).toBeGreaterThanOrEqual(Math.min(high, cap) - eps);
        // The median scenario is the value itself.
        expect(sorted[RANK.mid]).toBe(1);
      }
    },
  );

  it('is a Latin hypercube: each rate takes each of the 81 strata exactly once', () => {
    const factors = drawScenarios(spreads, values, DEFAULT_SEED);
    const ctr = spreads.clickThroughRate;
    const f = factors.clickThroughRate;
    if (!ctr || !f) throw new Error('no click-through spread');
    const expected = Array.from({ length: SAMPLE_SIZE }, (_, i) => {
      const z = inverseNormal((i + 0.5) / SAMPLE_SIZE);
      return Math.exp(z < 0 ? z * ctr.down : z * ctr.up);
    });
    expect(Array.from(f).sort((x, y) => x - y)).toEqual(expected);
  });

  it('is seeded: the same seed gives the same scenarios, another seed pairs them differently', () => {
    const a = drawScenarios(spreads, values, 42);
    expect(drawScenarios(spreads, values, 42)).toEqual(a);
    const b = drawScenarios(spreads, values, 43);
    expect(Array.from(b.clickThroughRate ?? [])).not.toEqual(Array.from(a.clickThroughRate ?? []));
  });

  it('moves the tier engagement rates together (one draw for all tiers)', () => {
    const factors = drawScenarios(spreads, values, DEFAULT_SEED);
    const order = (f: Float64Array | undefined) =>
      Array.from(f ?? [])
        .map((v, i) => [v, i] as const)
        .sort((x, y) => x[0] - y[0] || x[1] - y[1])
        .map(([, i]) => i);
    const nano = factors.engagementRateNano;
    const micro = factors.engagementRateMicro;
    const mid = factors.engagementRateMid;
    expect(nano && micro && mid).toBeTruthy();
    // One z per scenario for every tier: the scenarios rank the same.
    expect(order(micro)).toEqual(order(nano));
    expect(order(mid)).toEqual(order(nano));
  });

  it('keeps an overridden value’s relative spread: the factors do not depend on the value', () => {
    const base = drawScenarios(spreads, values, DEFAULT_SEED);
    const overridden = drawScenarios(spreads, { ...values, clickThroughRate: 0.02, conversionRate: 0.05 }, DEFAULT_SEED);
    expect(overridden.clickThroughRate).toEqual(base.clickThroughRate);
    expect(overridden.conversionRate).toEqual(base.conversionRate);
  });

  it('caps a rate at 100% in every scenario', () => {
    const capped = drawScenarios({ conversionRate: { down: 0.5, up: 2, fraction: true } }, { ...values, conversionRate: 0.6 }, 3);
    const f = capped.conversionRate;
    if (!f) throw new Error('no factor');
    expect(Math.max(...f) * 0.6).toBeLessThanOrEqual(1 + 1e-12);
    expect(Math.max(...f)).toBeCloseTo(1 / 0.6, 12);
  });

  it('ignores ranges of a zero value and point ranges', () => {
    const [first] = withRange;
    if (!first) throw new Error('no assumption with a range');
    const list: Assumption[] = [
      { ...first, key: 'conversionRate', value: 0, range: [0.01, 0.03] },
      { ...first, key: 'clickThroughRate', value: 0.01, range: [0.01, 0.01] },
    ];
    expect(spreadsOf(list)).toEqual({});
  });
});
