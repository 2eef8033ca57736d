import { format } from 'date-fns';
import { createCatalogService, type CatalogItem } from '../../mocks/catalog-service';
import { generateCatalog } from '../../mocks/data/catalog-generator';
import { buildCatalogIndex, NO_FILTERS, pageInOrder, type CatalogSort } from '../../mocks/data/catalog-query';
import { TEST_CATALOG_SIZE } from '../../mocks/node';
import { creatorLineFrom, type PlanCreatorLine } from '../../src/domain/plan';
import type { Niche, Tier } from '../../src/domain/types';

/** The catalog the tests' mocked API serves (the same seed, size and day), indexed. */
export const TEST_CATALOG = buildCatalogIndex(generateCatalog({ size: TEST_CATALOG_SIZE, asOf: format(new Date(), 'yyyy-MM-dd') }));

export interface ListSearch {
  q: string;
  niche: Niche | null;
  tier: Tier | null;
  sort: Exclude<CatalogSort, 'fit'>;
  page: number;
  pageSize: number;
}

const ALL: ListSearch = { q: '', niche: null, tier: null, sort: 'fans', page: 1, pageSize: 20 };

/** What the mocked API answers for a search the creator table makes: the expectations follow the catalog. */
export function expectedPage(search: Partial<ListSearch>) {
  const s = { ...ALL, ...search };
  return pageInOrder(
    TEST_CATALOG,
    { ...NO_FILTERS, q: s.q, niches: s.niche ? [s.niche] : [], tiers: s.tier ? [s.tier] : [] },
    s.sort,
    s.page,
    s.pageSize,
  );
}

/** The same catalog as the tests' mocked API, answered in this thread. */
export const TEST_SERVICE = createCatalogService({ size: TEST_CATALOG_SIZE });

/** The first page by fit for a target (a query string of targetCountries, targetAges, gender, goal). */
export async function expectedFit(target: string): Promise<{ items: CatalogItem[]; total: number }> {
  const r = await TEST_SERVICE.search(`sort=fit&${target}`);
  if (r.status !== 200) throw new Error(`fit search failed: ${JSON.stringify(r.body)}`);
  return r.body as { items: CatalogItem[]; total: number };
}

/** A plan line for a creator of the served catalog, as "Add @handle to plan" in the app makes it. */
export function catalogCreatorLine(handle: string, overrides: Partial<PlanCreatorLine> = {}): PlanCreatorLine {
  const c = TEST_CATALOG.byId.get(handle);
  if (!c) throw new Error(`No creator @${handle} in the test catalog`);
  return { ...creatorLineFrom(c), ...overrides };
}
