import type { ScenarioFactors } from '../scenarios';
import { bandOf, CENTRAL, DRAWS, point, rankedDraws, SAMPLE_SIZE, type Range } from '../stats';
import type { AssumptionKey, Assumptions } from '../types';

/**
 * Figures as sums of terms. A term is a coefficient (its value in the central scenario) times
 * the product of the uncertain rates it uses, each as its factor in a scenario (1 in the central
 * one); or, where a figure is not a product of rates (a saturating curve), its value in every
 * draw. Ranges then cost a lookup for the common case of one varying rate, and a pass over the
 * draws otherwise.
 */

export interface Term {
  /** The value in the central scenario. */
  coef: number;
  /** Names the product of factors ('' when none of its rates has a spread). */
  sig: string;
  /** The value in each draw (DRAWS entries), for figures that are not products of rates; null otherwise. */
  sample: Float64Array | null;
}

const NONE: readonly AssumptionKey[] = [];

/** Resolves term signatures to per-draw factors, cached while the scenarios are the same. */
export class Scenarios {
  private readonly values = new Map<string, Float64Array | null>();
  private readonly ranks = new Map<string, { low: number; high: number }>();
  private readonly parts = new Map<string, { num: AssumptionKey[]; den: AssumptionKey[] }>();
  constructor(readonly factors: ScenarioFactors) {}

  term(coef: number, num: readonly AssumptionKey[] = NONE, den: readonly AssumptionKey[] = NONE): Term {
    if (num.length + den.length === 0) return { coef, sig: '', sample: null };
    // One rate, the common case: its signature is cached, so a line model costs no string work.
    if (num.length + den.length === 1) {
      const key = (num[0] ?? den[0]) as AssumptionKey;
      const side = num.length === 1 ? this.single.num : this.single.den;
      let sig = side.get(key);
      if (sig === undefined) {
        sig = this.signature(num, den);
        side.set(key, sig);
      }
      return { coef, sig, sample: null };
    }
    return { coef, sig: this.signature(num, den), sample: null };
  }

  private readonly single = { num: new Map<AssumptionKey, string>(), den: new Map<AssumptionKey, string>() };
  private readonly products = new Map<string, string>();

  /** The signature of a product of rates (and records its parts). */
  private signature(num: readonly AssumptionKey[], den: readonly AssumptionKey[]): string {
    const n = num.filter((k) => this.factors[k]).sort();
    const d = den.filter((k) => this.factors[k]).sort();
    const sig = n.length + d.length === 0 ? '' : `${n.join('*')}/${d.join('*')}`;
    if (sig !== '' && !this.parts.has(sig)) this.parts.set(sig, { num: n, den: d });
    return sig;
  }

  /** A term with its value given in every draw. */
  sampled(sample: Float64Array): Term {
    return { coef: sample[CENTRAL] ?? 0, sig: '', sample };
  }

  /** A term times more rates (a sampled term times their factors, draw by draw). */
  times(t: Term, coef: number, num: readonly AssumptionKey[] = NONE, den: readonly AssumptionKey[] = NONE): Term {
    if (t.sample) {
      const f = this.term(1, num, den);
      const out = new Float64Array(DRAWS);
      for (let d = 0; d < DRAWS; d++) out[d] = (t.sample[d] ?? 0) * coef * this.factor(f.sig, d);
      return this.sampled(out);
    }
    if (num.length + den.length === 0) return { coef: t.coef * coef, sig: t.sig, sample: null };
    if (t.sig === '') return this.term(t.coef * coef, num, den);
    // A signature times one more rate, cached like one rate's.
    const one = num.length === 1 && den.length === 0 ? num[0] : undefined;
    if (one !== undefined) {
      const key = `${t.sig}|${one}`;
      let sig = this.products.get(key);
      if (sig === undefined) {
        const p = this.parts.get(t.sig);
        sig = this.signature([...(p?.num ?? []), one], p?.den ?? []);
        this.products.set(key, sig);
      }
      return { coef: t.coef * coef, sig, sample: null };
    }
    const p = this.parts.get(t.sig);
    return this.term(t.coef * coef, [...(p?.num ?? []), ...num], [...(p?.den ?? []), ...den]);
  }

  /** The factor of `sig` in each draw (1 in the central one); null when it is 1 throughout. */
  of(sig: string): Float64Array | null {
    if (sig === '') return null;
    const cached = this.values.get(sig);
    if (cached !== undefined) return cached;
    const p = this.parts.get(sig);
    const v = new Float64Array(DRAWS).fill(1);
    for (const k of p?.num ?? []) {
      const f = this.factors[k];
      if (f) for (let i = 0; i < SAMPLE_SIZE; i++) v[i] = (v[i] ?? 1) * (f[i] ?? 1);
    }
    for (const k of p?.den ?? []) {
      const f = this.factors[k];
      if (f) for (let i = 0; i < SAMPLE_SIZE; i++) v[i] = (v[i] ?? 1) / (f[i] ?? 1);
    }
    this.values.set(sig, v);
    return v;
  }

  factor(sig: string, draw: number): number {
    return this.of(sig)?.[draw] ?? 1;
  }

  /** An assumption's value in a draw: the plan's value times its factor. */
  rate(a: Assumptions, key: AssumptionKey, draw: number): number {
    const f = this.factors[key];
    return draw === CENTRAL || !f ? a[key] : a[key] * (f[draw] ?? 1);
  }

  /** A term's value in a draw. */
  valueOf(t: Term, draw: number): number {
    return t.sample ? (t.sample[draw] ?? 0) : t.coef * this.factor(t.sig, draw);
  }

  /** Adds a term's value in every draw into `out` (its factors looked up once, not per draw). */
  addInto(t: Term, out: Float64Array): void {
    if (t.sample) {
      for (let d = 0; d < DRAWS; d++) out[d] = (out[d] ?? 0) + (t.sample[d] ?? 0);
      return;
    }
    const f = this.of(t.sig);
    if (!f) {
      for (let d = 0; d < DRAWS; d++) out[d] = (out[d] ?? 0) + t.coef;
      return;
    }
    for (let d = 0; d < DRAWS; d++) out[d] = (out[d] ?? 0) + t.coef * (f[d] ?? 1);
  }

  /** The sampled draws at the P10/P90 ranks of a signature's factor. */
  ranksOf(sig: string): { low: number; high: number } {
    let r = this.ranks.get(sig);
    if (!r) {
      const v = this.of(sig);
      const ranked = v ? rankedDraws(v) : { low: 0, high: 0 };
      r = { low: ranked.low, high: ranked.high };
      this.ranks.set(sig, r);
    }
    return r;
  }
}

/** One resolver per set of scenarios: its caches outlive a projection while the scenarios do. */
const resolvers = new WeakMap<ScenarioFactors, Scenarios>();
export function scenariosOf(factors: ScenarioFactors): Scenarios {
  let s = resolvers.get(factors);
  if (!s) {
    s = new Scenarios(factors);
    resolvers.set(factors, s);
  }
  return s;
}

export const sumCoef = (terms: readonly Term[]): number => terms.reduce((s, t) => s + t.coef, 0);

/** The sum of terms in a draw. */
export function evalTerms(terms: readonly Term[], s: Scenarios, draw: number): number {
  let v = 0;
  for (const t of terms) v += s.valueOf(t, draw);
  return v;
}

/** The sum of terms in every draw. */
export function sampleOf(terms: readonly Term[], s: Scenarios, out = new Float64Array(DRAWS)): Float64Array {
  out.fill(0);
  for (const t of terms) s.addInto(t, out);
  return out;
}

/** A buffer for samples read once and dropped (a band, a ratio): no garbage per figure. */
const SCRATCH = new Float64Array(DRAWS);

/** The range of a figure a line item doesn't produce (shared: ranges are read-only). */
export const NONE_RANGE: Range = Object.freeze({ low: 0, mid: 0, high: 0 });

/**
 * The central value of a sum of terms and its P10–P90: exact from one factor's ranks when only
 * one varies (the sum rises with it), else from every draw.
 */
export function rangeOfTerms(terms: readonly Term[], s: Scenarios): Range {
  if (terms.length === 0) return NONE_RANGE;
  let constant = 0;
  let sig: string | null = null;
  let mixed = false;
  for (const t of terms) {
    if (t.sample) mixed = true;
    else if (t.sig === '') constant += t.coef;
    else if (sig === null || sig === t.sig) sig = t.sig;
    else mixed = true;
  }
  if (!mixed && sig === null) return point(constant);
  if (!mixed && sig !== null) {
    const r = s.ranksOf(sig);
    const scaled = sumCoef(terms) - constant;
    const mid = constant + scaled;
    const a = constant + scaled * s.factor(sig, r.low);
    const b = constant + scaled * s.factor(sig, r.high);
    // A negative coefficient (none today) would turn the ranks around.
    return { low: Math.min(a, b, mid), mid, high: Math.max(a, b, mid) };
  }
  return bandOf(sampleOf(terms, s, SCRATCH));
}
