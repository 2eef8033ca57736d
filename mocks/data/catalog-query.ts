import type { CreatorProfile } from '../../src/domain/creator-profile';
import { DEFAULT_TARGETING, type Targeting } from '../../src/domain/plan';
import { AGE_BANDS, COUNTRIES, GENDERS, GOALS, NICHES, TIERS, type AgeBand, type Country, type Goal, type Niche, type Tier } from '../../src/domain/types';

/**
 * Search, filters, sorts and paging over the whole creator catalog, as a discovery platform's
 * API would answer them, fast enough for 100,000 creators: every static sort order is computed
 * once when the catalog is indexed, so a query is one pass over an index (no sorting), and the
 * fit sort keeps only the best `page × pageSize` creators in a heap.
 */

export const CATALOG_SORTS = ['fans', 'engagement', 'fee', 'name', 'reach-per-dollar', 'fit'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];
type StaticSort = Exclude<CatalogSort, 'fit'>;

/** Views per post for a creator without measured views: fans × the 14.49% benchmark (socialinsider 2023). */
export const VIEWS_PER_FAN = 0.1449;

/** Expected views per post: measured average views, else fans × the views-per-fan benchmark. */
export function expectedViews(c: Pick<CreatorProfile, 'avgViews' | 'fans'>): number {
  return c.avgViews ?? c.fans * VIEWS_PER_FAN;
}

/**
 * Estimated reach per dollar: expected views of one post per dollar of its fee. A post's
 * views are mostly distinct viewers, so views stand in for reach here (the plan's projection
 * de-duplicates properly once the creator is added).
 */
export function reachPerDollar(c: Pick<CreatorProfile, 'avgViews' | 'fans' | 'feePerPost'>): number {
  return c.feePerPost > 0 ? expectedViews(c) / c.feePerPost : 0;
}

export interface CatalogIndex {
  creators: readonly CreatorProfile[];
  byId: ReadonlyMap<string, CreatorProfile>;
  /** Lower-case handle, display name, niche and bio of each creator, for search. */
  haystacks: readonly string[];
  /** Creator positions in each static sort order (ties broken by handle). */
  orders: Readonly<Record<StaticSort, Uint32Array>>;
  /** Each creator's position in handle order: the fit sort's tie-break. */
  handleRank: Uint32Array;
  /** Countries creators are from, and countries found in audiences. */
  countries: ReadonlySet<string>;
  audienceCountries: ReadonlySet<string>;
  /**
   * Audience shares as columns (one array per age band; per country, built on first use): a
   * filter over 100,000 creators then reads one flat array instead of 100,000 nested objects.
   */
  ageShare: Readonly<Record<AgeBand, Float64Array>>;
  countryShare(country: string): Float64Array;
}

function orderBy(creators: readonly CreatorProfile[], compare: (a: CreatorProfile, b: CreatorProfile) => number): Uint32Array {
  const idx = Array.from(creators.keys());
  idx.sort((i, j) => {
    const a = creators[i] as CreatorProfile;
    const b = creators[j] as CreatorProfile;
    return compare(a, b) || (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0);
  });
  return Uint32Array.from(idx);
}

/** Indexes a catalog once: search text, every static sort order, ids, countries. */
export function buildCatalogIndex(creators: readonly CreatorProfile[]): CatalogIndex {
  const orders: Record<StaticSort, Uint32Array> = {
    fans: orderBy(creators, (a, b) => b.fans - a.fans),
    // Unmeasured engagement sorts last.
    engagement: orderBy(creators, (a, b) => (b.engagementRate ?? -1) - (a.engagementRate ?? -1)),
    fee: orderBy(creators, (a, b) => a.feePerPost - b.feePerPost),
    name: orderBy(creators, () => 0),
    'reach-per-dollar': orderBy(creators, (a, b) => reachPerDollar(b) - reachPerDollar(a)),
  };
  const handleRank = new Uint32Array(creators.length);
  orders.name.forEach((creator, rank) => (handleRank[creator] = rank));
  const countries = new Set<string>();
  const audienceCountries = new Set<string>();
  for (const c of creators) {
    countries.add(c.country);
    for (const t of c.audience.topCountries) audienceCountries.add(t.country);
  }
  const ageShare = Object.fromEntries(
    AGE_BANDS.map((band) => [band, Float64Array.from(creators, (c) => c.audience.ageShares[band])]),
  ) as Record<AgeBand, Float64Array>;
  const byCountry = new Map<string, Float64Array>();
  const countryShare = (country: string) => {
    let column = byCountry.get(country);
    if (!column) {
      column = Float64Array.from(creators, (c) => audienceShareIn(c, country));
      byCountry.set(country, column);
    }
    return column;
  };
  return {
    ageShare,
    countryShare,
    creators,
    byId: new Map(creators.map((c) => [c.id, c])),
    haystacks: creators.map((c) => `${c.handle}\n${c.displayName}\n${c.niche}\n${c.bio}`.toLowerCase()),
    orders,
    handleRank,
    countries,
    audienceCountries,
  };
}

/** An audience filter keeps creators with at least this share of their audience in the country or age group. */
export const AUDIENCE_SHARE_MIN = 0.25;

export interface CatalogFilters {
  q: string;
  niches: readonly Niche[];
  tiers: readonly Tier[];
  countries: readonly string[];
  audienceCountry: string | null;
  audienceAge: AgeBand | null;
  /** Per-view engagement rate bounds, 0-1. */
  minEngagement: number | null;
  maxEngagement: number | null;
  minCredibility: number | null;
  minFee: number | null;
  maxFee: number | null;
  /** Minimum #ad disclosure rate; creators without sponsored posts pass. */
  minDisclosure: number | null;
}

export const NO_FILTERS: CatalogFilters = {
  q: '',
  niches: [],
  tiers: [],
  countries: [],
  audienceCountry: null,
  audienceAge: null,
  minEngagement: null,
  maxEngagement: null,
  minCredibility: null,
  minFee: null,
  maxFee: null,
  minDisclosure: null,
};

function audienceShareIn(c: CreatorProfile, country: string): number {
  for (const t of c.audience.topCountries) if (t.country === country) return t.share;
  return 0;
}

/** The filters as one predicate over catalog positions; null when nothing filters. */
export function matcher(index: CatalogIndex, f: CatalogFilters): ((i: number) => boolean) | null {
  const needle = f.q.replace(/^@/, '').toLowerCase();
  const niches = f.niches.length ? new Set<string>(f.niches) : null;
  const tiers = f.tiers.length ? new Set<string>(f.tiers) : null;
  const countries = f.countries.length ? new Set(f.countries) : null;
  const tests: ((c: CreatorProfile, i: number) => boolean)[] = [];
  if (niches) tests.push((c) => niches.has(c.niche));
  if (tiers) tests.push((c) => tiers.has(c.tier));
  if (countries) tests.push((c) => countries.has(c.country));
  const { minEngagement, maxEngagement, minCredibility, minFee, maxFee, minDisclosure, audienceCountry, audienceAge } = f;
  // Creators without a measured rate are kept out by an engagement bound: it can't be checked.
  if (minEngagement !== null) tests.push((c) => c.engagementRate !== null && c.engagementRate >= minEngagement);
  if (maxEngagement !== null) tests.push((c) => c.engagementRate !== null && c.engagementRate <= maxEngagement);
  if (minCredibility !== null) tests.push((c) => c.credibility >= minCredibility);
  if (minFee !== null) tests.push((c) => c.feePerPost >= minFee);
  if (maxFee !== null) tests.push((c) => c.feePerPost <= maxFee);
  if (minDisclosure !== null) tests.push((c) => c.adDisclosureRate === null || c.adDisclosureRate >= minDisclosure);
  if (audienceCountry !== null) {
    const share = index.countryShare(audienceCountry);
    tests.push((_, i) => (share[i] as number) >= AUDIENCE_SHARE_MIN);
  }
  if (audienceAge !== null) {
    const share = index.ageShare[audienceAge];
    tests.push((_, i) => (share[i] as number) >= AUDIENCE_SHARE_MIN);
  }
  // Text search last: it is the costliest test.
  if (needle !== '') tests.push((_, i) => (index.haystacks[i] as string).includes(needle));
  if (tests.length === 0) return null;
  return (i) => {
    const c = index.creators[i] as CreatorProfile;
    for (const t of tests) if (!t(c, i)) return false;
    return true;
  };
}

export interface CatalogPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page of the creators matching `filters` in a static sort order. */
export function pageInOrder(index: CatalogIndex, filters: CatalogFilters, sort: StaticSort, page: number, pageSize: number): CatalogPage<CreatorProfile> {
  const order = index.orders[sort];
  const keep = matcher(index, filters);
  const start = (page - 1) * pageSize;
  const end = start + pageSize;
  const items: CreatorProfile[] = [];
  let total = 0;
  for (const i of order) {
    if (keep && !keep(i)) continue;
    if (total >= start && total < end) items.push(index.creators[i] as CreatorProfile);
    total += 1;
  }
  return { items, total, page, pageSize };
}

/**
 * One page of the matching creators by descending `score` (ties by handle). Keeps the best
 * `page × pageSize` in a binary min-heap, so page 1 of 100,000 costs one score per creator.
 */
export function pageByScore(
  index: CatalogIndex,
  filters: CatalogFilters,
  score: (i: number) => number,
  page: number,
  pageSize: number,
): CatalogPage<CreatorProfile> & { scores: number[] } {
  const keep = matcher(index, filters);
  const limit = page * pageSize;
  const heapIdx: number[] = [];
  const heapScore: number[] = [];
  const rank = index.handleRank;
  // a ranks below b: lower score, or the same score and a later handle.
  const below = (sa: number, ia: number, sb: number, ib: number) => sa < sb || (sa === sb && (rank[ia] as number) > (rank[ib] as number));
  // Heap slot k ranks below slot m (the heap keeps its lowest-ranked creator on top).
  const slotBelow = (k: number, m: number) => below(heapScore[k] as number, heapIdx[k] as number, heapScore[m] as number, heapIdx[m] as number);
  const swap = (x: number, y: number) => {
    const i = heapIdx[x] as number;
    const sc = heapScore[x] as number;
    heapIdx[x] = heapIdx[y] as number;
    heapScore[x] = heapScore[y] as number;
    heapIdx[y] = i;
    heapScore[y] = sc;
  };
  let total = 0;
  const n = index.creators.length;
  for (let i = 0; i < n; i++) {
    if (keep && !keep(i)) continue;
    total += 1;
    if (limit === 0) continue;
    const s = score(i);
    if (heapIdx.length < limit) {
      heapIdx.push(i);
      heapScore.push(s);
      // Sift up.
      let k = heapIdx.length - 1;
      while (k > 0) {
        const p = (k - 1) >> 1;
        if (!slotBelow(k, p)) break;
        swap(k, p);
        k = p;
      }
    } else if (below(heapScore[0] as number, heapIdx[0] as number, s, i)) {
      heapIdx[0] = i;
      heapScore[0] = s;
      // Sift down.
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < heapIdx.length && slotBelow(l, m)) m = l;
        if (r < heapIdx.length && slotBelow(r, m)) m = r;
        if (m === k) break;
        swap(k, m);
        k = m;
      }
    }
  }
  const best = heapIdx.map((i, k) => ({ i, s: heapScore[k] as number }));
  best.sort((a, b) => (below(a.s, a.i, b.s, b.i) ? 1 : below(b.s, b.i, a.s, a.i) ? -1 : 0));
  const slice = best.slice((page - 1) * pageSize);
  return { items: slice.map((b) => index.creators[b.i] as CreatorProfile), scores: slice.map((b) => b.s), total, page, pageSize };
}

// ---------------------------------------------------------------------------------------
// The query string of GET /api/creators.

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/** The highest fee a filter accepts (USD): far above any creator's fee, below absurd input. */
export const MAX_FEE = 10_000_000;

/** The plan's target, for the fit score: its audience and goal. */
export interface CatalogTarget extends Targeting {
  goal: Goal;
}

export const DEFAULT_TARGET: CatalogTarget = { ...DEFAULT_TARGETING, goal: 'awareness' };

export interface CatalogQuery {
  filters: CatalogFilters;
  sort: CatalogSort;
  target: CatalogTarget;
  page: number;
  pageSize: number;
}

/** Every parameter GET /api/creators understands; anything else is refused. */
export const CATALOG_PARAMS = [
  'q',
  'niche',
  'tier',
  'country',
  'audienceCountry',
  'audienceAge',
  'minEngagement',
  'maxEngagement',
  'minCredibility',
  'minFee',
  'maxFee',
  'minDisclosure',
  'sort',
  'page',
  'pageSize',
  'targetCountries',
  'targetAges',
  'gender',
  'goal',
] as const;
const KNOWN = new Set<string>(CATALOG_PARAMS);

class BadQuery extends Error {}

const listOf = (params: URLSearchParams, key: string): string[] =>
  (params.get(key) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new BadQuery(`Unknown ${what} "${value}". Use one of: ${allowed.join(', ')}.`);
  return value as T;
}

function rate(params: URLSearchParams, key: string): number | null {
  const raw = params.get(key) ?? '';
  if (raw.trim() === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new BadQuery(`${key} must be a number from 0 to 1 (a share: 0.05 is 5%).`);
  return n;
}

function usd(params: URLSearchParams, key: string): number | null {
  const raw = params.get(key) ?? '';
  if (raw.trim() === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > MAX_FEE) throw new BadQuery(`${key} must be an amount in USD from 0 to ${MAX_FEE.toLocaleString('en-US')}.`);
  return n;
}

function wholeFrom(params: URLSearchParams, key: string, fallback: number, max: number | null): number {
  const raw = params.get(key);
  const n = raw === null ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1 || (max !== null && n > max)) {
    throw new BadQuery(max === null ? `${key} must be a whole number from 1.` : `${key} must be a whole number from 1 to ${max}.`);
  }
  return n;
}

/**
 * Reads and checks GET /api/creators' query string against the catalog (country codes must be
 * ones the catalog has). Returns the reason as a string when a parameter is unknown or bad:
 * never a silent default for a value the caller typed.
 */
export function readCatalogQuery(params: URLSearchParams, known: Pick<CatalogIndex, 'countries' | 'audienceCountries'>): CatalogQuery | string {
  try {
    for (const key of params.keys()) {
      if (!KNOWN.has(key)) throw new BadQuery(`Unknown parameter "${key}". Use ${CATALOG_PARAMS.join(', ')}.`);
    }
    const countryIn = (set: ReadonlySet<string>, what: string) => (c: string) => {
      if (!set.has(c)) throw new BadQuery(`Unknown ${what} "${c}". Use a two-letter country code the catalog has: ${[...set].sort().join(', ')}.`);
      return c;
    };
    const filters: CatalogFilters = {
      q: (params.get('q') ?? '').trim(),
      niches: listOf(params, 'niche').map((v) => oneOf(v, NICHES, 'niche')),
      tiers: listOf(params, 'tier').map((v) => oneOf(v, TIERS, 'tier')),
      countries: listOf(params, 'country').map(countryIn(known.countries, 'country')),
      audienceCountry: listOf(params, 'audienceCountry').map(countryIn(known.audienceCountries, 'audience country'))[0] ?? null,
      audienceAge: listOf(params, 'audienceAge').map((v) => oneOf(v, AGE_BANDS, 'age band'))[0] ?? null,
      minEngagement: rate(params, 'minEngagement'),
      maxEngagement: rate(params, 'maxEngagement'),
      minCredibility: rate(params, 'minCredibility'),
      minFee: usd(params, 'minFee'),
      maxFee: usd(params, 'maxFee'),
      minDisclosure: rate(params, 'minDisclosure'),
    };
    if (filters.minFee !== null && filters.maxFee !== null && filters.minFee > filters.maxFee) {
      throw new BadQuery('minFee must not be above maxFee.');
    }
    if (filters.minEngagement !== null && filters.maxEngagement !== null && filters.minEngagement > filters.maxEngagement) {
      throw new BadQuery('minEngagement must not be above maxEngagement.');
    }
    const targetCountries = listOf(params, 'targetCountries').map((v) => oneOf(v, COUNTRIES, 'target country'));
    const targetAges = listOf(params, 'targetAges').map((v) => oneOf(v, AGE_BANDS, 'target age band'));
    const gender = params.get('gender') || DEFAULT_TARGET.gender;
    const goal = params.get('goal') || DEFAULT_TARGET.goal;
    return {
      filters,
      sort: oneOf(params.get('sort') || 'fans', CATALOG_SORTS, 'sort'),
      target: {
        countries: targetCountries.length ? (targetCountries as Country[]) : [...DEFAULT_TARGET.countries],
        ageBands: targetAges.length ? targetAges : [...DEFAULT_TARGET.ageBands],
        gender: oneOf(gender, GENDERS, 'gender'),
        goal: oneOf(goal, GOALS, 'goal'),
      },
      page: wholeFrom(params, 'page', 1, null),
      pageSize: wholeFrom(params, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    };
  } catch (error) {
    if (error instanceof BadQuery) return error.message;
    throw error;
  }
}
