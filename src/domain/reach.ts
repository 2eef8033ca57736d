/**
 * Reach curves and how vehicles combine, as shares of an audience universe U. Each vehicle
 * (a paid buy, a creator's posts, a takeover's days, participants' videos) has an exposure
 * distribution: the share of U exposed 0, 1, 2, 3, 4 and 5+ times. Reach is the share exposed
 * once or more; the k+ bins follow from the same distribution, so a frequency cap that bounds
 * the distribution bounds them too.
 *
 * Vehicles combine as a mixture of the two couplings that bound combined reach: independence
 * (Sainsbury, the most a combination can reach) with weight D, and full nesting (every smaller
 * audience inside the larger ones, the least it can reach: the largest vehicle) with weight
 * 1 − D. Its reach is largest + D × (Sainsbury − largest): every vehicle that reaches anyone
 * adds reach while people are left unreached, less as the plan saturates, and never more than
 * independence gives. Both couplings keep the mean exposures, so the k+ bins never add up to
 * more than the impressions.
 */

/** The k+ reach bins shown: 1+ … 5+. */
export const MAX_EXPOSURES = 5;
/** Length of an exposure distribution: P(X = 0) … P(X = 4), then P(X ≥ 5). */
export const BINS = MAX_EXPOSURES + 1;

/** P(X = 0) … P(X = MAX_EXPOSURES − 1) and P(X ≥ MAX_EXPOSURES), as shares of the universe. */
export type Exposures = Float64Array;

/** A vehicle as the combination sees it: the log of its unreached share and its exposure distribution. */
export interface Vehicle {
  /** ln P(X = 0); 0 for a vehicle that reaches no one. */
  log0: number;
  /** Its exposure distribution; omitted where only reach is needed (the daily series). */
  exposures?: Exposures | undefined;
}

/** Reach share from the log of the unreached share (never −0). */
export function reachShare(log0: number): number {
  return Math.max(0, -Math.expm1(log0));
}

/** No exposure at all. */
export function noExposures(): Exposures {
  const out = new Float64Array(BINS);
  out[0] = 1;
  return out;
}

/**
 * Writes P(0 … 4) from ln P(0) and the log of each step's ratio P(x + 1) ÷ P(x), and P(5+) as
 * the rest; with `most` exposures possible below 5, nothing is left for 5+ (not even rounding's
 * crumbs). `lnStep(x)` is the ratio's log at x; it is called in order, x = 0, 1, 2, 3.
 */
function fillExposures(out: Exposures, log0: number, lnStep: (x: number) => number, most: number): Exposures {
  let ln = log0;
  let sum = 0;
  for (let x = 0; x < MAX_EXPOSURES; x++) {
    const p = x > most ? 0 : Math.exp(ln);
    out[x] = p;
    sum += p;
    if (x < MAX_EXPOSURES - 1 && x < most) ln += lnStep(x);
  }
  out[MAX_EXPOSURES] = most < MAX_EXPOSURES ? 0 : Math.max(0, 1 - sum);
  return out;
}

// ---------------------------------------------------------------------------------------
// Paid delivery: negative binomial.

/**
 * Negative-binomial exposure with mean m = impressions ÷ U and shape k: the unreached share is
 * (1 + m/k)^−k. Reach = U × (1 − (1 + m/k)^−k) never exceeds U nor the impressions, and grows
 * with them; a lower k is more uneven exposure (less reach for the same impressions).
 */
export function nbdLogUnreached(impressions: number, universe: number, shape: number): number {
  if (!(impressions > 0) || !(universe > 0) || !(shape > 0)) return 0;
  return -shape * Math.log1p(impressions / universe / shape);
}

/** The negative-binomial exposure distribution of `impressions` in `universe`, shape k. */
export function nbdExposures(impressions: number, universe: number, shape: number, out: Exposures = new Float64Array(BINS)): Exposures {
  const log0 = nbdLogUnreached(impressions, universe, shape);
  if (log0 === 0) {
    out.fill(0);
    out[0] = 1;
    return out;
  }
  const m = impressions / universe;
  // P(x + 1) / P(x) = (k + x) / (x + 1) × m / (k + m).
  const lnQ = Math.log(m) - Math.log(shape + m);
  return fillExposures(out, log0, (x) => Math.log((shape + x) / (x + 1)) + lnQ, Infinity);
}

// ---------------------------------------------------------------------------------------
// Whole units (a creator's posts, a takeover's days): beta-binomial.

/** Largest one-unit reach share the beta-binomial fit handles (a unit seen by everyone is degenerate). */
const MAX_R1 = 1 - 1e-9;

type UnitFit = { kind: 'none' } | { kind: 'same'; p: number } | { kind: 'binomial'; p: number } | { kind: 'beta'; a: number; b: number };

/**
 * The beta-binomial fitted to one unit's reach share r1 and the share `repeat` of a unit's
 * audience who saw the previous unit: a ÷ (a + b) = r1 and (a + 1) ÷ (a + b + 1) = repeat.
 * Each further unit adds less new reach than the one before.
 */
function fitUnits(r1: number, repeat: number): UnitFit {
  if (!(r1 > 0)) return { kind: 'none' };
  const p = Math.min(r1, MAX_R1);
  // Every unit is seen by the same people: the first unit's reach is all there is (and as good as,
  // where the fit's parameters would be too small for floating point).
  if (repeat >= 1 - 1e-12) return { kind: 'same', p };
  // No more repeat viewing than chance: units reach people independently (binomial).
  if (repeat <= p) return { kind: 'binomial', p };
  const s = (1 - repeat) / (repeat - p);
  return { kind: 'beta', a: p * s, b: (1 - p) * s };
}

/**
 * ln P(X = 0) of `units` whole units, each reaching a share r1 of the universe, with a share
 * `repeat` of a unit's audience having seen the previous one: reach(n) = 1 − B(a, b + n) ÷ B(a, b).
 */
export function unitsLogUnreached(r1: number, units: number, repeat: number): number {
  const n = Math.max(0, Math.floor(units));
  // One unit reaches its own audience, whatever the repeat share.
  if (n === 1) return r1 > 0 ? Math.log1p(-Math.min(r1, MAX_R1)) : 0;
  // fitUnits' cases, inline: this runs for every unit line in every scenario and day, and an
  // object per call would be garbage.
  if (!(r1 > 0) || n === 0) return 0;
  const p = Math.min(r1, MAX_R1);
  if (repeat >= 1 - 1e-12) return Math.log1p(-p);
  if (repeat <= p) return n * Math.log1p(-p);
  const scale = (1 - repeat) / (repeat - p);
  const a = p * scale;
  const b = (1 - p) * scale;
  let log = 0;
  for (let j = 0; j < n; j++) log += Math.log((b + j) / (a + b + j));
  return log;
}

/** The exposure distribution of `units` whole units (see unitsLogUnreached): never more exposures than units. */
export function unitsExposures(r1: number, units: number, repeat: number, out: Exposures = new Float64Array(BINS)): Exposures {
  const n = Math.max(0, Math.floor(units));
  out.fill(0);
  if (n === 1) {
    const p = r1 > 0 ? Math.min(r1, MAX_R1) : 0;
    out[0] = 1 - p;
    out[1] = p;
    return out;
  }
  const fit = fitUnits(r1, repeat);
  if (fit.kind === 'none' || n === 0) {
    out[0] = 1;
    return out;
  }
  if (fit.kind === 'same') {
    out[0] = 1 - fit.p;
    out[Math.min(n, MAX_EXPOSURES)] = fit.p;
    return out;
  }
  const log0 = unitsLogUnreached(r1, n, repeat);
  if (fit.kind === 'binomial') {
    // P(x + 1) / P(x) = (n − x) / (x + 1) × p / (1 − p).
    const odds = Math.log(fit.p) - Math.log1p(-fit.p);
    return fillExposures(out, log0, (x) => Math.log((n - x) / (x + 1)) + odds, n);
  }
  // P(x + 1) / P(x) = (n − x) / (x + 1) × (a + x) / (b + n − x − 1).
  const { a, b } = fit;
  return fillExposures(out, log0, (x) => Math.log((n - x) / (x + 1)) + Math.log((a + x) / (b + (n - x - 1))), n);
}

// ---------------------------------------------------------------------------------------
// Combining vehicles.

/** Combined reach share of vehicles: largest + D × (Sainsbury − largest), D the independent share. */
export function combinedReach(sumLog0: number, minLog0: number, independentShare: number): number {
  const sainsbury = reachShare(sumLog0);
  const largest = reachShare(minLog0);
  const d = Math.min(1, Math.max(0, independentShare));
  return Math.min(1, largest + d * Math.max(0, sainsbury - largest));
}

/** The log of the unreached share of a combined reach share (for nesting one combination in another). */
export function logUnreached(share: number): number {
  return share >= 1 ? -Infinity : Math.log1p(-Math.max(0, share));
}

/**
 * The exposure distribution of vehicles combined: D × their convolution (independent) + (1 − D)
 * × their comonotone sum (fully nested). The comonotone sum of distributions with cumulative
 * shares F_i has P(X ≥ k) = 1 − (the k-th smallest of all F_i(0 … 4)): each F_i(x) is where
 * vehicle i's exposures step past x on the shared uniform scale. Vehicles are added one by one, so
 * a plan of any size needs two small buffers, not a list of distributions.
 */
export class ExposureMix {
  private conv = new Float64Array(BINS);
  private next = new Float64Array(BINS);
  private readonly first = new Float64Array(BINS);
  private readonly smallest = new Float64Array(MAX_EXPOSURES);
  private count = 0;

  constructor() {
    this.reset();
  }

  reset(): void {
    this.conv.fill(0);
    this.conv[0] = 1;
    this.smallest.fill(1);
    this.count = 0;
  }

  add(p: Exposures): void {
    if (this.count === 0) this.first.set(p);
    this.count++;
    // Independent: the running convolution, sums of 5 or more lumped into the last bin.
    const next = this.next;
    next.fill(0);
    for (let i = 0; i < BINS; i++) {
      const ci = this.conv[i] ?? 0;
      if (ci === 0) continue;
      for (let j = 0; j < BINS; j++) {
        const pj = p[j] ?? 0;
        if (pj === 0) continue;
        const k = i + j < MAX_EXPOSURES ? i + j : MAX_EXPOSURES;
        next[k] = (next[k] ?? 0) + ci * pj;
      }
    }
    this.next = this.conv;
    this.conv = next;
    // Nested: the MAX_EXPOSURES smallest step points of all the cumulative distributions.
    const smallest = this.smallest;
    let cumulative = 0;
    for (let x = 0; x < MAX_EXPOSURES; x++) {
      cumulative += p[x] ?? 0;
      const point = cumulative < 1 ? cumulative : 1;
      if (point >= (smallest[MAX_EXPOSURES - 1] ?? 1)) continue;
      let i = MAX_EXPOSURES - 1;
      while (i > 0 && (smallest[i - 1] ?? 1) > point) {
        smallest[i] = smallest[i - 1] ?? 1;
        i--;
      }
      smallest[i] = point;
    }
  }

  /** The combined distribution of everything added, with independent share D, into `out`. */
  result(independentShare: number, out: Exposures = new Float64Array(BINS)): Exposures {
    if (this.count === 0) {
      out.fill(0);
      out[0] = 1;
      return out;
    }
    if (this.count === 1) {
      out.set(this.first);
      return out;
    }
    const d = Math.min(1, Math.max(0, independentShare));
    // P(X ≥ k) for each coupling (the convolution's summed from the top, so bins nobody reaches stay 0), mixed, then back to point shares.
    let above = 0;
    let convTail = 0;
    for (let k = MAX_EXPOSURES; k >= 0; k--) {
      convTail += this.conv[k] ?? 0;
      const atLeast = k === 0 ? 1 : Math.max(0, d * convTail + (1 - d) * (1 - (this.smallest[k - 1] ?? 1)));
      out[k] = k === MAX_EXPOSURES ? atLeast : Math.max(0, atLeast - above);
      above = atLeast;
    }
    return out;
  }
}

/** The exposure distribution of vehicles combined (see ExposureMix). */
export function combinedExposures(parts: readonly Exposures[], independentShare: number, out: Exposures = new Float64Array(BINS)): Exposures {
  const mix = new ExposureMix();
  for (const p of parts) mix.add(p);
  return mix.result(independentShare, out);
}

/** P(X ≥ k) for k = 0 … MAX_EXPOSURES, summed from the top: a bin nobody reaches is exactly 0. */
function tailSums(e: Exposures): Float64Array {
  const out = new Float64Array(BINS);
  let tail = 0;
  for (let k = MAX_EXPOSURES; k >= 0; k--) {
    tail += e[k] ?? 0;
    out[k] = tail;
  }
  return out;
}

/** Reach at 1+ … 5+ exposures (shares of the universe) of a distribution. */
export function atLeastShares(e: Exposures): number[] {
  return Array.from(tailSums(e).slice(1));
}
