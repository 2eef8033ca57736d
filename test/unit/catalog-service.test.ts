import { describe, expect, it, vi } from 'vitest';
import { ASSUMPTIONS } from '../../mocks/data/benchmarks';
import { createCatalogService, type CatalogItem } from '../../mocks/catalog-service';
import { CATALOG_SEED, generateCatalog } from '../../mocks/data/catalog-generator';
import { CATALOG_PARAMS } from '../../mocks/data/catalog-query';
import { fitBenchmarksFrom, fitScore, fitScoreValue } from '../../src/domain/fit';
import type { CreatorProfile, RecentPost } from '../../src/domain/creator-profile';
import { valuesOf } from '../../src/domain/scenarios';

const AS_OF = '2026-11-01';
const SIZE = 1_500;
const service = createCatalogService({ size: SIZE, asOf: AS_OF });
const CATALOG = generateCatalog({ size: SIZE, asOf: AS_OF });
const BENCHMARKS = fitBenchmarksFrom(valuesOf(ASSUMPTIONS));

interface Page {
  items: CatalogItem[];
  total: number;
  page: number;
  pageSize: number;
}

async function page(search: string): Promise<Page> {
  const r = await service.search(search);
  if (r.status !== 200) throw new Error(`${search}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Page;
}

describe('catalog service: GET /api/creators', () => {
  it('answers { items, total, page, pageSize } over the guide creators plus the generated ones', async () => {
    const p = await page('');
    expect(p.total).toBe(CATALOG.length);
    expect(p).toMatchObject({ page: 1, pageSize: 20 });
    expect(p.items).toHaveLength(20);
    expect(p.items[0]?.fans).toBe(Math.max(...CATALOG.map((c) => c.fans)));
  });

  it('sorts by fit for the target in the query: the order of the fit score, each item carrying its score', async () => {
    const target = { countries: ['KR'] as const, ageBands: ['18-24', '25-34'] as const, gender: 'female' as const, goal: 'sales' as const };
    const p = await page('sort=fit&targetCountries=KR&targetAges=18-24,25-34&gender=female&goal=sales&pageSize=50');
    const expected = [...CATALOG]
      .map((c) => ({ c, s: fitScoreValue(c, target, BENCHMARKS) }))
      .sort((a, b) => b.s - a.s || (a.c.handle < b.c.handle ? -1 : 1))
      .slice(0, 50);
    expect(p.items.map((c) => c.id)).toEqual(expected.map((e) => e.c.id));
    for (const item of p.items) expect(item.fitScore).toBe(fitScore(item, target, BENCHMARKS).score);
    // A different target ranks differently.
    const us = await page('sort=fit&targetCountries=US&goal=awareness&pageSize=50');
    expect(us.items.map((c) => c.id)).not.toEqual(p.items.map((c) => c.id));
  });

  it('filters on the server: every item matches, and the total counts them all', async () => {
    const p = await page('niche=fitness&country=KR&minCredibility=0.8&pageSize=100');
    const expected = CATALOG.filter((c) => c.niche === 'fitness' && c.country === 'KR' && c.credibility >= 0.8);
    expect(p.total).toBe(expected.length);
    expect(p.total).toBeGreaterThan(0);
    expect(new Set(p.items.map((c) => c.id))).toEqual(new Set(expected.slice(0, 100).map((c) => c.id)));
  });

  it.each([
    ['page=0', 'page must be a whole number from 1.'],
    ['pageSize=500', 'pageSize must be a whole number from 1 to 100.'],
    ['sort=popularity', 'Unknown sort "popularity". Use one of: fans, engagement, fee, name, reach-per-dollar, fit.'],
    ['tier=giga', 'Unknown tier "giga". Use one of: nano, micro, mid, macro, mega.'],
    ['limit=5', `Unknown parameter "limit". Use ${CATALOG_PARAMS.join(', ')}.`],
  ])('"%s" answers 400 with { message }', async (search, message) => {
    expect(await service.search(search)).toEqual({ status: 400, body: { message } });
  });
});

describe('catalog service: GET /api/creators/:id', () => {
  it('returns the full profile with its recent posts', async () => {
    const creator = CATALOG[600] as CreatorProfile;
    const r = await service.profile(creator.id);
    expect(r.status).toBe(200);
    const body = r.body as { creator: CreatorProfile; recentPosts: RecentPost[] };
    expect(body.creator).toEqual(creator);
    expect(body.recentPosts.length).toBeGreaterThan(0);
    expect(body.recentPosts.every((p) => p.postedOn <= creator.dataDate)).toBe(true);
  });

  it('answers 404 with { message } for an unknown id', async () => {
    expect(await service.profile('nobody')).toEqual({ status: 404, body: { message: 'No creator with id "nobody".' } });
  });
});

describe('catalog service: laziness', () => {
  it('generates the catalog on the first request, once', async () => {
    const generate = vi.fn(generateCatalog);
    const lazy = createCatalogService({ size: 50, asOf: AS_OF, generate });
    expect(generate).not.toHaveBeenCalled();
    await lazy.search('');
    await lazy.profile('zachking');
    await lazy.search('sort=fit');
    expect(generate).toHaveBeenCalledTimes(1);
    expect(generate).toHaveBeenCalledWith({ seed: CATALOG_SEED, size: 50, asOf: AS_OF });
  });
});
