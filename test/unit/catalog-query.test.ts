import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUDIENCE_SHARE_MIN,
  buildCatalogIndex,
  expectedViews,
  CATALOG_PARAMS,
  CATALOG_SORTS,
  DEFAULT_TARGET,
  MAX_PAGE_SIZE,
  NO_FILTERS,
  pageByScore,
  readCatalogQuery,
  type CatalogQuery,
  pageInOrder,
  reachPerDollar,
  VIEWS_PER_FAN,
  type CatalogFilters,
} from '../../mocks/data/catalog-query';
import type { CreatorProfile } from '../../src/domain/creator-profile';
import { tierForFans } from '../../src/domain/tiers';
import { AGE_BANDS, COUNTRIES as TARGET_COUNTRIES, NICHES, TIERS, type AgeBand } from '../../src/domain/types';

const COUNTRIES = ['US', 'KR', 'GB', 'JP', 'BR'] as const;

/** A small, varied catalog: creator i's fields cycle through values so every filter splits it. */
function catalog(n: number): CreatorProfile[] {
  return Array.from({ length: n }, (_, i): CreatorProfile => {
    const fans = [3_000, 40_000, 250_000, 700_000, 5_000_000][i % 5]! + i;
    const ages = Object.fromEntries(AGE_BANDS.map((b, k) => [b, k === i % 6 ? 0.5 : 0.1])) as Record<AgeBand, number>;
    const country = COUNTRIES[i % COUNTRIES.length]!;
    return {
      id: `c${i}`,
      handle: `creator.${String(i).padStart(3, '0')}${i % 7 === 0 ? '.dance' : ''}`,
      displayName: i % 11 === 0 ? `김민준 ${i}` : `Creator ${i}`,
      niche: NICHES[i % NICHES.length]!,
      country,
      tier: tierForFans(fans),
      fans,
      avgViews: i % 9 === 0 ? null : Math.round(fans * (0.08 + (i % 5) * 0.03)),
      engagementRate: i % 13 === 0 ? null : 0.01 + (i % 10) * 0.012,
      feePerPost: 100 + ((i * 37) % 50) * 100,
      bio: i % 4 === 0 ? 'Healthy recipes and gym routines' : 'Daily vlog',
      source: { kind: 'team-assumption', label: 'test', url: null, date: '2026-11-01' } as unknown as CreatorProfile['source'],
      languages: ['en'],
      engagementRatePerFollower: 0.01,
      postsPerWeek: 3,
      audience: {
        ageShares: ages,
        femaleShare: (i % 10) / 10,
        topCountries: [
          { country, share: 0.2 + (i % 4) * 0.15 },
          { country: COUNTRIES[(i + 1) % COUNTRIES.length]!, share: 0.1 + (i % 3) * 0.1 },
        ],
      },
      credibility: 0.5 + (i % 10) * 0.05,
      sponsoredPosts90d: i % 6,
      adDisclosureRate: i % 6 === 0 ? null : (i % 5) / 4,
      brandSafetyFlags: [],
      platforms: [],
      agency: null,
      feeRange: [80, 6_000],
      dataDate: '2026-11-01',
    };
  });
}

const CATALOG = catalog(240);
const INDEX = buildCatalogIndex(CATALOG);

/** The filters' meaning, written the plain way. */
function reference(f: CatalogFilters) {
  const needle = f.q.replace(/^@/, '').toLowerCase();
  return CATALOG.filter(
    (c) =>
      (f.niches.length === 0 || f.niches.includes(c.niche)) &&
      (f.tiers.length === 0 || f.tiers.includes(c.tier)) &&
      (f.countries.length === 0 || f.countries.includes(c.country)) &&
      (f.minEngagement === null || (c.engagementRate !== null && c.engagementRate >= f.minEngagement)) &&
      (f.maxEngagement === null || (c.engagementRate !== null && c.engagementRate <= f.maxEngagement)) &&
      (f.minCredibility === null || c.credibility >= f.minCredibility) &&
      (f.minFee === null || c.feePerPost >= f.minFee) &&
      (f.maxFee === null || c.feePerPost <= f.maxFee) &&
      (f.minDisclosure === null || c.adDisclosureRate === null || c.adDisclosureRate >= f.minDisclosure) &&
      (f.audienceCountry === null ||
        (c.audience.topCountries.find((t) => t.country === f.audienceCountry)?.share ?? 0) >= AUDIENCE_SHARE_MIN) &&
      (f.audienceAge === null || c.audience.ageShares[f.audienceAge] >= AUDIENCE_SHARE_MIN) &&
      (needle === '' || [c.handle, c.displayName, c.niche, c.bio].some((t) => t.toLowerCase().includes(needle))),
  );
}

const byHandle = (a: CreatorProfile, b: CreatorProfile) => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0);
const SORTS = {
  fans: (a: CreatorProfile, b: CreatorProfile) => b.fans - a.fans || byHandle(a, b),
  engagement: (a: CreatorProfile, b: CreatorProfile) => (b.engagementRate ?? -1) - (a.engagementRate ?? -1) || byHandle(a, b),
  fee: (a: CreatorProfile, b: CreatorProfile) => a.feePerPost - b.feePerPost || byHandle(a, b),
  name: byHandle,
  'reach-per-dollar': (a: CreatorProfile, b: CreatorProfile) => reachPerDollar(b) - reachPerDollar(a) || byHandle(a, b),
} as const;

// Each filter is unset three times in four, so most cases still match many creators.
const sometimes = <T,>(arb: fc.Arbitrary<T>, unset: T) => fc.oneof({ arbitrary: fc.constant(unset), weight: 3 }, { arbitrary: arb, weight: 1 });
const orNull = <T,>(arb: fc.Arbitrary<T>) => sometimes<T | null>(arb, null);
const filtersArb: fc.Arbitrary<CatalogFilters> = fc.record({
  q: sometimes(fc.constantFrom('dance', '@creator.00', 'GYM', '김민준', 'vlog', 'zzz'), ''),
  niches: sometimes(fc.subarray([...NICHES], { minLength: 1, maxLength: 5 }), []),
  tiers: sometimes(fc.subarray([...TIERS], { minLength: 1, maxLength: 3 }), []),
  countries: sometimes(fc.subarray([...COUNTRIES], { minLength: 1, maxLength: 3 }), []),
  audienceCountry: orNull(fc.constantFrom(...COUNTRIES)),
  audienceAge: orNull(fc.constantFrom(...AGE_BANDS)),
  minEngagement: orNull(fc.constantFrom(0.02, 0.05, 0.1)),
  maxEngagement: orNull(fc.constantFrom(0.03, 0.08)),
  minCredibility: orNull(fc.constantFrom(0.6, 0.8)),
  minFee: orNull(fc.constantFrom(500, 2_000)),
  maxFee: orNull(fc.constantFrom(1_000, 4_000)),
  minDisclosure: orNull(fc.constantFrom(0.5, 1)),
});

describe('catalog query: static sorts', () => {
  it('with no filters, the first page by fans is the biggest creators, ties by handle', () => {
    const page = pageInOrder(INDEX, NO_FILTERS, 'fans', 1, 10);
    expect(page.total).toBe(CATALOG.length);
    expect(page.items.map((c) => c.id)).toEqual([...CATALOG].sort(SORTS.fans).slice(0, 10).map((c) => c.id));
  });

  it('every filter combination, sort and page equals filtering and sorting the plain way', () => {
    let fullPages = 0;
    fc.assert(
      fc.property(
        filtersArb,
        fc.constantFrom(...(Object.keys(SORTS) as (keyof typeof SORTS)[])),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 30 }),
        (filters, sort, page, pageSize) => {
          const expected = reference(filters).sort(SORTS[sort]);
          if (expected.length > page * pageSize) fullPages += 1;
          const got = pageInOrder(INDEX, filters, sort, page, pageSize);
          expect(got.total).toBe(expected.length);
          expect(got.items.map((c) => c.id)).toEqual(expected.slice((page - 1) * pageSize, page * pageSize).map((c) => c.id));
        },
      ),
      { numRuns: 300 },
    );
    // The cases compared real pages, not mostly empty results.
    expect(fullPages).toBeGreaterThan(50);
  });

  it('a page past the end is empty but still counts the matches', () => {
    expect(pageInOrder(INDEX, NO_FILTERS, 'name', 99, 100)).toEqual({ items: [], total: CATALOG.length, page: 99, pageSize: 100 });
  });

  it('unmeasured engagement sorts last', () => {
    const all = pageInOrder(INDEX, NO_FILTERS, 'engagement', 1, CATALOG.length).items;
    const firstNull = all.findIndex((c) => c.engagementRate === null);
    expect(firstNull).toBeGreaterThan(0);
    expect(all.slice(firstNull).every((c) => c.engagementRate === null)).toBe(true);
  });
});

describe('catalog query: by score (fit)', () => {
  it('breaks ties by handle', () => {
    const page = pageByScore(INDEX, NO_FILTERS, () => 1, 1, 8);
    expect(page.items.map((c) => c.handle)).toEqual([...CATALOG].sort(byHandle).slice(0, 8).map((c) => c.handle));
  });

  it('equals sorting every match by score, ties by handle, on every page', () => {
    let fullPages = 0;
    fc.assert(
      fc.property(filtersArb, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 7 }), (filters, page, pageSize, mod) => {
        // Few distinct scores, so ties are common.
        const score = (i: number) => (i * 7) % mod;
        const scoreOf = new Map(CATALOG.map((c, i) => [c.id, score(i)]));
        const expected = reference(filters).sort((a, b) => (scoreOf.get(b.id) ?? 0) - (scoreOf.get(a.id) ?? 0) || byHandle(a, b));
        const got = pageByScore(INDEX, filters, score, page, pageSize);
        expect(got.total).toBe(expected.length);
        if (expected.length > page * pageSize) fullPages += 1;
        const want = expected.slice((page - 1) * pageSize, page * pageSize);
        expect(got.items.map((c) => c.id)).toEqual(want.map((c) => c.id));
        expect(got.scores).toEqual(want.map((c) => scoreOf.get(c.id)));
      }),
      { numRuns: 300 },
    );
    expect(fullPages).toBeGreaterThan(50);
  });
});

describe('reach per dollar', () => {
  it('is expected views per dollar of fee; fans × 14.49% stands in for unmeasured views', () => {
    expect(expectedViews({ avgViews: 12_000, fans: 100_000 })).toBe(12_000);
    expect(expectedViews({ avgViews: null, fans: 100_000 })).toBeCloseTo(100_000 * VIEWS_PER_FAN);
    expect(reachPerDollar({ avgViews: 12_000, fans: 100_000, feePerPost: 600 })).toBe(20);
    expect(reachPerDollar({ avgViews: 12_000, fans: 100_000, feePerPost: 0 })).toBe(0);
  });
});

describe('readCatalogQuery', () => {
  const read = (search: string) => readCatalogQuery(new URLSearchParams(search), INDEX);
  const ok = (search: string): CatalogQuery => {
    const q = read(search);
    if (typeof q === 'string') throw new Error(`expected "${search}" to be accepted, got: ${q}`);
    return q;
  };

  it('defaults to page 1 of 20 by fans, unfiltered, for the default target', () => {
    expect(ok('')).toEqual({ filters: NO_FILTERS, sort: 'fans', target: DEFAULT_TARGET, page: 1, pageSize: 20 });
  });

  it('reads every parameter; lists are comma-separated; empty values are unset', () => {
    const q = ok(
      'q=%20gym%20&niche=fitness,food&tier=micro&country=KR,US&audienceCountry=KR&audienceAge=18-24&minEngagement=0.05' +
        '&maxEngagement=0.2&minCredibility=0.8&minFee=100&maxFee=2000&minDisclosure=1&sort=fit&page=2&pageSize=100' +
        '&targetCountries=KR,JP&targetAges=18-24,55%2B&gender=female&goal=sales',
    );
    expect(q).toEqual({
      filters: {
        q: 'gym',
        niches: ['fitness', 'food'],
        tiers: ['micro'],
        countries: ['KR', 'US'],
        audienceCountry: 'KR',
        audienceAge: '18-24',
        minEngagement: 0.05,
        maxEngagement: 0.2,
        minCredibility: 0.8,
        minFee: 100,
        maxFee: 2000,
        minDisclosure: 1,
      },
      sort: 'fit',
      target: { countries: ['KR', 'JP'], ageBands: ['18-24', '55+'], gender: 'female', goal: 'sales' },
      page: 2,
      pageSize: 100,
    });
    expect(ok('niche=&tier=&sort=&minFee=').filters).toEqual(NO_FILTERS);
  });

  it.each([...TARGET_COUNTRIES])('accepts the target country %s', (country) => {
    expect(ok(`targetCountries=${country}`).target.countries).toEqual([country]);
  });

  it('targets the markets the planner serves, the Southeast Asian ones included', () => {
    expect(ok('targetCountries=ID,TH,VN,PH,MY').target.countries).toEqual(['ID', 'TH', 'VN', 'PH', 'MY']);
  });

  it.each(CATALOG_SORTS)('accepts sort=%s', (sort) => {
    expect(ok(`sort=${sort}`).sort).toBe(sort);
  });

  it.each([
    ['page=0', 'page must be a whole number from 1.'],
    ['page=1.5', 'page must be a whole number from 1.'],
    ['page=', 'page must be a whole number from 1.'],
    ['pageSize=101', `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}.`],
    ['pageSize=0', `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}.`],
    ['sort=popularity', `Unknown sort "popularity". Use one of: ${CATALOG_SORTS.join(', ')}.`],
    ['tier=giga', 'Unknown tier "giga". Use one of: nano, micro, mid, macro, mega.'],
    ['niche=fitness,cooking', `Unknown niche "cooking". Use one of: ${NICHES.join(', ')}.`],
    ['country=XX', 'Unknown country "XX". Use a two-letter country code the catalog has: BR, GB, JP, KR, US.'],
    ['audienceCountry=us', 'Unknown audience country "us". Use a two-letter country code the catalog has: BR, GB, JP, KR, US.'],
    ['audienceAge=18-30', `Unknown age band "18-30". Use one of: ${AGE_BANDS.join(', ')}.`],
    ['minEngagement=5', 'minEngagement must be a number from 0 to 1 (a share: 0.05 is 5%).'],
    ['minCredibility=-0.1', 'minCredibility must be a number from 0 to 1 (a share: 0.05 is 5%).'],
    ['minDisclosure=high', 'minDisclosure must be a number from 0 to 1 (a share: 0.05 is 5%).'],
    ['maxFee=-5', 'maxFee must be an amount in USD from 0 to 10,000,000.'],
    ['minFee=1e12', 'minFee must be an amount in USD from 0 to 10,000,000.'],
    ['minFee=500&maxFee=100', 'minFee must not be above maxFee.'],
    ['minEngagement=0.2&maxEngagement=0.1', 'minEngagement must not be above maxEngagement.'],
    ['targetCountries=FR', 'Unknown target country "FR". Use one of: US, KR, JP, GB, CA, ID, TH, VN, PH, MY.'],
    ['targetAges=65%2B', `Unknown target age band "65+". Use one of: ${AGE_BANDS.join(', ')}.`],
    ['gender=other', 'Unknown gender "other". Use one of: all, female, male.'],
    ['goal=clicks', 'Unknown goal "clicks". Use one of: awareness, engagement, ugc, app-installs, sales.'],
    ['limit=10', `Unknown parameter "limit". Use ${CATALOG_PARAMS.join(', ')}.`],
  ])('"%s" is refused: %s', (search, reason) => {
    expect(read(search)).toBe(reason);
  });
});
