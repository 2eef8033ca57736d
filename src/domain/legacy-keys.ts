import { AGE_BANDS, AGE_KEY_PART, COUNTRIES, marketKey, type AssumptionKey, type Country } from './types';

/**
 * Assumption keys of the model's first edition that its second split by market: one female
 * share, one age split and one takeover rate for every country became a set per market. An
 * override of one of them (stored in a plan, a backup, a share link or a CSV file) applies to
 * each market the plan targets, so a plan keeps the numbers its planner typed.
 */
const LEGACY_MARKET_KEYS: Record<string, (c: Country) => AssumptionKey> = {
  femaleShare: (c) => marketKey.femaleShare(c),
  takeoverPricePerDay: (c) => marketKey.takeoverPrice(c),
  takeoverImpressionsPerDay: (c) => marketKey.takeoverImpressions(c),
  ...Object.fromEntries(AGE_BANDS.map((band) => [`ageShare${AGE_KEY_PART[band]}`, (c: Country) => marketKey.ageShare(band, c)])),
};

export function isLegacyAssumptionKey(key: string): boolean {
  // Own keys only: "constructor" or "__proto__" in a file or a link are not assumption keys.
  return Object.hasOwn(LEGACY_MARKET_KEYS, key);
}

const isCountry = (c: unknown): c is Country => typeof c === 'string' && (COUNTRIES as readonly string[]).includes(c);

/**
 * `overrides` with each first-edition key replaced by its per-market keys for `countries` (a
 * per-market override already there wins). Anything that is not a record passes through.
 */
export function upgradeOverrideKeys(overrides: unknown, countries: unknown): unknown {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return overrides;
  const markets = Array.isArray(countries) ? countries.filter(isCountry) : [];
  // A Map, then own data properties: a "__proto__" key stays a key, never the result's prototype.
  const out = new Map<string, unknown>();
  const legacy: [string, unknown][] = [];
  for (const [key, value] of Object.entries(overrides)) {
    if (isLegacyAssumptionKey(key)) legacy.push([key, value]);
    else out.set(key, value);
  }
  for (const [key, value] of legacy) {
    const to = LEGACY_MARKET_KEYS[key];
    if (!to) continue;
    for (const c of markets.length > 0 ? markets : (['US'] as Country[])) {
      const k = to(c);
      if (!out.has(k)) out.set(k, value);
    }
  }
  return Object.fromEntries(out);
}
