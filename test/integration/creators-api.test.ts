import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { ASSUMPTIONS, BENCHMARKS } from '../../mocks/data/benchmarks';
import { CATALOG_PARAMS, CATALOG_SORTS, pageInOrder, readCatalogQuery } from '../../mocks/data/catalog-query';
import {
  adFormatsResponseSchema,
  apiErrorSchema,
  benchmarksSchema,
  creatorPageSchema,
  creatorSchema,
  MAX_PAGE_SIZE,
} from '../../src/api/schemas';
import { z } from '../../src/lib/zod';
import type { CreatorProfile } from '../../src/domain/creator-profile';
import { tierForFans } from '../../src/domain/tiers';
import { COUNTRIES, FORMAT_IDS, NICHES, TIERS } from '../../src/domain/types';
import { TEST_CATALOG, TEST_SERVICE } from '../utils/catalog';

/**
 * The mocked creators API as the app and the tests see it: the seeded catalog the test server
 * serves, searched, filtered, sorted and paged. (The query engine's own properties are in
 * catalog-query.test.ts; the parameters' messages there too.)
 */
const CREATORS = TEST_CATALOG.creators;

function query(search: string) {
  const q = readCatalogQuery(new URLSearchParams(search), TEST_CATALOG);
  if (typeof q === 'string') throw new Error(`expected "${search}" to be accepted, got: ${q}`);
  if (q.sort === 'fit') throw new Error('use the catalog service for the fit sort');
  return pageInOrder(TEST_CATALOG, q.filters, q.sort, q.page, q.pageSize);
}

/** Every creator matching `search`, across all pages. */
function allPages(search: string): CreatorProfile[] {
  const out: CreatorProfile[] = [];
  for (let page = 1; ; page++) {
    const result = query(`${search}&page=${page}&pageSize=${MAX_PAGE_SIZE}`);
    out.push(...result.items);
    if (result.items.length < MAX_PAGE_SIZE) return out;
  }
}

function creatorByCountry(country: string): CreatorProfile {
  const found = CREATORS.find((c) => c.country === country);
  if (!found) throw new Error(`no creator from ${country}`);
  return found;
}

const STATIC_SORTS = CATALOG_SORTS.filter((s) => s !== 'fit');

describe('queryCreators: search', () => {
  it.each([['lorengray'], ['@lorengray'], ['LorenGray'], ['  @LORENGRAY ']])('finds @lorengray by "%s"', (q) => {
    const result = query(`q=${encodeURIComponent(q)}`);
    expect(result.items.map((c) => c.handle)).toContain('lorengray');
    expect(result.items[0]?.handle).toBe('lorengray');
  });

  it('finds creators by English display name', () => {
    expect(query('q=Zach%20King').items.map((c) => c.handle)).toEqual(['zachking']);
  });

  it('finds a Korean creator by Korean display name, whole or in part', () => {
    const korean = creatorByCountry('KR');
    expect(korean.displayName).toMatch(/^[\uAC00-\uD7A3 ]+$/);
    const whole = query(`q=${encodeURIComponent(korean.displayName)}&pageSize=100`);
    expect(whole.items.map((c) => c.id)).toContain(korean.id);
    for (const c of whole.items) expect(c.displayName).toContain(korean.displayName);
    const part = query(`q=${encodeURIComponent(korean.displayName.slice(1))}&pageSize=100`);
    expect(part.items.map((c) => c.id)).toContain(korean.id);
  });

  it('only returns creators whose handle, name, niche or bio contain the search', () => {
    fc.assert(
      fc.property(fc.constantFrom('fit', 'ma', 'dance', 'kr', 'zz', 'e', '김', '서연'), (q) => {
        const found = allPages(`q=${encodeURIComponent(q)}`);
        const expected = CREATORS.filter((c) =>
          [c.handle, c.displayName, c.niche, c.bio].some((t) => t.toLowerCase().includes(q)),
        );
        expect(new Set(found.map((c) => c.id))).toEqual(new Set(expected.map((c) => c.id)));
      }),
    );
  });

  it('finds nothing for a search no creator matches', () => {
    expect(query('q=zzzzzzqqq')).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});

describe('queryCreators: filters', () => {
  it.each(TIERS)('tier=%s returns exactly that tier', (tier) => {
    const found = allPages(`tier=${tier}`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.tier === tier)).toBe(true);
    expect(found).toHaveLength(CREATORS.filter((c) => c.tier === tier).length);
  });

  it.each(NICHES)('niche=%s returns exactly that niche', (niche) => {
    const found = allPages(`niche=${niche}`);
    expect(found.every((c) => c.niche === niche)).toBe(true);
    expect(found).toHaveLength(CREATORS.filter((c) => c.niche === niche).length);
  });

  it('combines tier, niche and search', () => {
    const found = allPages('tier=mega&niche=comedy&q=croes');
    expect(found.map((c) => c.handle).sort()).toEqual(['gilmhercroes', 'jaydencroes']);
  });
});

describe('queryCreators: sort and paging', () => {
  it('sorts by fans, most first, ties by handle', () => {
    const found = allPages('sort=fans');
    expect(found[0]?.fans).toBe(Math.max(...CREATORS.map((c) => c.fans)));
    for (let i = 1; i < found.length; i++) {
      const [a, b] = [found[i - 1], found[i]];
      if (!a || !b) throw new Error('missing creator');
      expect(a.fans > b.fans || (a.fans === b.fans && a.handle < b.handle)).toBe(true);
    }
  });

  it('sorts by fee, cheapest first, ties by handle', () => {
    const found = allPages('sort=fee');
    for (let i = 1; i < found.length; i++) {
      const [a, b] = [found[i - 1], found[i]];
      if (!a || !b) throw new Error('missing creator');
      expect(a.feePerPost < b.feePerPost || (a.feePerPost === b.feePerPost && a.handle < b.handle)).toBe(true);
    }
  });

  it('sorts by engagement, highest first, unknown rates last', () => {
    const rates = allPages('sort=engagement').map((c) => c.engagementRate ?? -1);
    expect(rates).toEqual([...rates].sort((x, y) => y - x));
    expect(rates.at(-1)).toBe(-1);
  });

  it('sorts by name: handles in character order (the same in every locale)', () => {
    const handles = allPages('sort=name').map((c) => c.handle);
    expect(handles).toEqual([...handles].sort());
  });

  it('pages through the whole catalog once, with a stable total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: MAX_PAGE_SIZE }), fc.constantFrom(...STATIC_SORTS), (pageSize, sort) => {
        const seen: string[] = [];
        const pages = Math.ceil(CREATORS.length / pageSize);
        for (let page = 1; page <= pages; page++) {
          const result = query(`sort=${sort}&page=${page}&pageSize=${pageSize}`);
          expect(result).toMatchObject({ total: CREATORS.length, page, pageSize });
          expect(result.items.length).toBe(page < pages ? pageSize : CREATORS.length - (pages - 1) * pageSize);
          seen.push(...result.items.map((c) => c.id));
        }
        expect(seen).toHaveLength(CREATORS.length);
        expect(new Set(seen).size).toBe(CREATORS.length);
        expect(query(`sort=${sort}&page=${pages + 1}&pageSize=${pageSize}`)).toMatchObject({
          items: [],
          total: CREATORS.length,
        });
      }),
      { numRuns: 30 },
    );
  });

  it.each(CATALOG_SORTS)('answers pages sorted by %s in the shape the client expects', async (sort) => {
    const { status, body } = await TEST_SERVICE.search(`page=2&pageSize=50&sort=${sort}`);
    expect(status).toBe(200);
    const parsed = creatorPageSchema.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.items).toHaveLength(50);
  });
});

describe('mock catalog data', () => {
  it('gives every creator a unique id and handle', () => {
    expect(new Set(CREATORS.map((c) => c.id)).size).toBe(CREATORS.length);
    expect(new Set(CREATORS.map((c) => c.handle)).size).toBe(CREATORS.length);
  });

  it('gives every creator the tier of their fan count', () => {
    const mismatched = CREATORS.filter((c) => c.tier !== tierForFans(c.fans)).map((c) => `${c.handle}: ${c.tier} with ${c.fans} fans`);
    expect(mismatched).toEqual([]);
  });

  it('populates every tier and includes Korean creators', () => {
    for (const tier of TIERS) expect(CREATORS.some((c) => c.tier === tier)).toBe(true);
    expect(creatorByCountry('KR').country).toBe('KR');
  });

  it('validates against creatorSchema', () => {
    const result = z.array(creatorSchema).safeParse(CREATORS);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('serves every ad format, valid against adFormatsResponseSchema', () => {
    const result = adFormatsResponseSchema.safeParse({ items: AD_FORMATS });
    expect(result.error?.issues ?? []).toEqual([]);
    expect(AD_FORMATS.map((f) => f.id)).toEqual([...FORMAT_IDS]);
  });

  it('serves benchmarks valid against benchmarksSchema, with every assumption once', () => {
    const result = benchmarksSchema.safeParse(BENCHMARKS);
    expect(result.error?.issues ?? []).toEqual([]);
    const keys = ASSUMPTIONS.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('benchmarksSchema refuses benchmarks missing an assumption', () => {
    const partial = { ...BENCHMARKS, assumptions: ASSUMPTIONS.filter((a) => a.key !== 'conversionRate') };
    expect(benchmarksSchema.safeParse(partial).success).toBe(false);
  });

  it('serves every market the planner targets, each with dated user figures and a takeover rate card', () => {
    expect(BENCHMARKS.markets.map((m) => m.country)).toEqual([...COUNTRIES]);
    for (const market of BENCHMARKS.markets) {
      expect(market.users.length).toBeGreaterThan(0);
      expect(market.takeover.pricePerDay).toBeGreaterThan(0);
    }
  });

  it.each<[string, (b: typeof BENCHMARKS) => unknown]>([
    ['a market missing', (b) => ({ ...b, markets: b.markets.filter((m) => m.country !== 'VN') })],
    ['no markets', (b) => ({ ...b, markets: undefined })],
    ['a market without user figures', (b) => ({ ...b, markets: b.markets.map((m) => (m.country === 'US' ? { ...m, users: [] } : m)) })],
    ['a market the planner does not serve', (b) => ({ ...b, markets: [...b.markets, { ...b.markets[0], country: 'FR' }] })],
    ['a female share above 1', (b) => ({ ...b, markets: b.markets.map((m) => ({ ...m, femaleShare: { ...m.femaleShare, value: 55 } })) })],
  ])('benchmarksSchema refuses benchmarks with %s', (_, change) => {
    expect(benchmarksSchema.safeParse(change(BENCHMARKS)).success).toBe(false);
  });
});

describe('GET /api/creators over HTTP (MSW)', () => {
  async function get(pathAndQuery: string) {
    const response = await fetch(new URL(pathAndQuery, location.origin));
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it.each([
    ['/api/creators?page=0', 'page must be a whole number from 1.'],
    ['/api/creators?pageSize=101', 'pageSize must be a whole number from 1 to 100.'],
    ['/api/creators?sort=random', `Unknown sort "random". Use one of: ${CATALOG_SORTS.join(', ')}.`],
    ['/api/creators?tier=giga', 'Unknown tier "giga". Use one of: nano, micro, mid, macro, mega.'],
    ['/api/creators?niche=cooking', `Unknown niche "cooking". Use one of: ${NICHES.join(', ')}.`],
    ['/api/creators?foo=1', `Unknown parameter "foo". Use ${CATALOG_PARAMS.join(', ')}.`],
    ['/api/creators?country=ZZ', /^Unknown country "ZZ"\. Use a two-letter country code the catalog has: /],
  ])('%s answers 400 with {message}', async (path, message) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(Object.keys(apiErrorSchema.parse(body))).toEqual(['message']);
    expect(apiErrorSchema.parse(body).message).toMatch(message);
  });

  it('answers a page of creators', async () => {
    const { status, body } = await get('/api/creators?tier=mega&sort=fans&pageSize=5');
    expect(status).toBe(200);
    const page = creatorPageSchema.parse(body);
    expect(page.items.map((c) => c.handle)).toEqual(query('tier=mega&sort=fans&pageSize=5').items.map((c) => c.handle));
    expect(page.total).toBe(CREATORS.filter((c) => c.tier === 'mega').length);
  });

  it('answers a creator’s full profile with recent posts, and 404 for an unknown id', async () => {
    const creator = creatorByCountry('KR');
    const found = await get(`/api/creators/${encodeURIComponent(creator.id)}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ creator: { id: creator.id, handle: creator.handle } });
    const missing = await get('/api/creators/nobody-at-all');
    expect(missing).toEqual({ status: 404, body: { message: 'No creator with id "nobody-at-all".' } });
  });

  it('answers the ad formats and benchmarks', async () => {
    const formats = await get('/api/ad-formats');
    expect(adFormatsResponseSchema.parse(formats.body).items).toHaveLength(FORMAT_IDS.length);
    const benchmarks = await get('/api/benchmarks');
    expect(benchmarksSchema.safeParse(benchmarks.body).success).toBe(true);
  });
});
