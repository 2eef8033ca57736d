import { inverseNormal, mulberry32, SAMPLE_SIZE, Z90 } from '../stats';
import type { Assumption, AssumptionKey, Assumptions } from './input';

/**
 * The seeded scenarios behind every range. Each assumption with a published low-high is
 * read as P10-P90 around its value (the P50): ln(rate) has a split normal with
 * σ_down = ln(value / low) / z90 and σ_up = ln(high / value) / z90; where the value is
 * one end of the range, the other side's σ is used for both. An overridden value
 * keeps the benchmark's relative spread. Scenarios are a Latin hypercube (one draw per
 * stratum of each rate, strata paired by a seeded shuffle), so a small sample covers each
 * rate's whole spread; the same seed always gives the same scenarios.
 */

export interface Spread {
  /** σ of ln(rate) below and above the value. */
  down: number;
  up: number;
  /** A share or rate, capped at 100% in every scenario. */
  fraction: boolean;
}

export type Spreads = Partial<Record<AssumptionKey, Spread>>;

/** The default seed: the same plan always shows the same numbers. */
export const DEFAULT_SEED = 20_201;

/** Engagement rates by tier come from one source and move together (one draw for all tiers). */
const SHARED_DRAW: Partial<Record<AssumptionKey, string>> = {
  engagementRateNano: 'tierEngagement',
  engagementRateMicro: 'tierEngagement',
  engagementRateMid: 'tierEngagement',
  engagementRateMacro: 'tierEngagement',
  engagementRateMega: 'tierEngagement',
};

/** The default value of each assumption in a list, before a plan's overrides. */
export function valuesOf(list: readonly Assumption[]): Assumptions {
  return Object.fromEntries(list.map((a) => [a.key, a.value])) as Assumptions;
}

/** The spread of each assumption that has a published range (P10-P90 around the default). */
export function spreadsOf(list: readonly Assumption[]): Spreads {
  const spreads: Spreads = {};
  for (const a of list) {
    if (!a.range || !(a.value > 0)) continue;
    const [low, high] = a.range;
    let down = low > 0 && low < a.value ? Math.log(a.value / low) / Z90 : 0;
    let up = high > a.value ? Math.log(high / a.value) / Z90 : 0;
    // A default at one end of its published range (the latest year, the brand-account
    // figure) says nothing about the other side: read the spread as symmetric around it.
    if (down === 0) down = up;
    if (up === 0) up = down;
    if (down > 0 || up > 0) spreads[a.key] = { down, up, fraction: a.unit === 'fraction' };
  }
  return spreads;
}

/** Per assumption with a spread, its multiplier in each scenario (1 = the value the plan uses). */
export type ScenarioFactors = Partial<Record<AssumptionKey, Float64Array>>;

// Shared between projections: the factors are read-only by contract (nothing writes to them).
let cached: { key: string; factors: ScenarioFactors } | null = null;

/**
 * Draws SAMPLE_SIZE scenarios. Fractions are capped so a rate never exceeds 100%.
 * The last draw is reused while spreads, values and seed are unchanged (every edit of a
 * budget, and each format of the comparison, draws the same scenarios).
 */
export function drawScenarios(spreads: Spreads, values: Assumptions, seed: number): ScenarioFactors {
  const keys = (Object.keys(spreads) as AssumptionKey[]).sort();
  const key = `${seed}|${keys.map((k) => `${k}:${spreads[k]?.down}:${spreads[k]?.up}:${spreads[k]?.fraction ? values[k] : ''}`).join('|')}`;
  if (cached?.key === key) return cached.factors;
  const factors = draw(spreads, keys, values, seed);
  cached = { key, factors };
  return factors;
}

function draw(spreads: Spreads, keys: readonly AssumptionKey[], values: Assumptions, seed: number): ScenarioFactors {
  const random = mulberry32(seed);
  const groupZ = new Map<string, Float64Array>();
  const factors: ScenarioFactors = {};
  // Keys in a fixed order so the shuffle (and so every scenario) depends on the seed only.
  for (const key of keys) {
    const spread = spreads[key];
    if (!spread) continue;
    const group = SHARED_DRAW[key] ?? key;
    let z = groupZ.get(group);
    if (!z) {
      z = new Float64Array(SAMPLE_SIZE);
      const strata = Array.from({ length: SAMPLE_SIZE }, (_, i) => i);
      for (let i = strata.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = strata[i] ?? 0;
        strata[i] = strata[j] ?? 0;
        strata[j] = t;
      }
      for (let i = 0; i < SAMPLE_SIZE; i++) z[i] = inverseNormal(((strata[i] ?? 0) + 0.5) / SAMPLE_SIZE);
      groupZ.set(group, z);
    }
    const cap = spread.fraction && values[key] > 0 ? 1 / values[key] : Infinity;
    const f = new Float64Array(SAMPLE_SIZE);
    for (let i = 0; i < SAMPLE_SIZE; i++) {
      const zi = z[i] ?? 0;
      f[i] = Math.min(cap, Math.exp(zi < 0 ? zi * spread.down : zi * spread.up));
    }
    factors[key] = f;
  }
  return factors;
}
