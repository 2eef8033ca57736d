import { http, HttpResponse } from 'msw';
import { CREATOR_SORTS, MAX_PAGE_SIZE, type CreatorSort } from '../../src/api/schemas';
import { NICHES, TIERS, type Creator, type Niche, type Tier } from '../../src/domain/types';
import { CREATORS } from '../data/creators';
import { serverConditions } from '../latency';
import { badRequest } from './http-error';

const KNOWN_PARAMS = new Set(['q', 'niche', 'tier', 'sort', 'page', 'pageSize']);

export interface CreatorQuery {
  q: string;
  niche: Niche | null;
  tier: Tier | null;
  sort: CreatorSort;
  page: number;
  pageSize: number;
}

/** Reads and checks the query string; a reason string when a parameter is bad. */
export function readCreatorQuery(params: URLSearchParams): CreatorQuery | string {
  for (const key of params.keys()) {
    if (!KNOWN_PARAMS.has(key)) return `Unknown parameter "${key}". Use q, niche, tier, sort, page or pageSize.`;
  }
  const niche = params.get('niche') || null;
  if (niche !== null && !(NICHES as readonly string[]).includes(niche)) {
    return `Unknown niche "${niche}". Use one of: ${NICHES.join(', ')}.`;
  }
  const tier = params.get('tier') || null;
  if (tier !== null && !(TIERS as readonly string[]).includes(tier)) {
    return `Unknown tier "${tier}". Use one of: ${TIERS.join(', ')}.`;
  }
  const sort = params.get('sort') || 'fans';
  if (!(CREATOR_SORTS as readonly string[]).includes(sort)) {
    return `Unknown sort "${sort}". Use one of: ${CREATOR_SORTS.join(', ')}.`;
  }
  const page = Number(params.get('page') ?? '1');
  if (!Number.isInteger(page) || page < 1) return 'page must be a whole number from 1.';
  const pageSize = Number(params.get('pageSize') ?? '20');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}.`;
  }
  return {
    q: (params.get('q') ?? '').trim(),
    niche: niche as Niche | null,
    tier: tier as Tier | null,
    sort: sort as CreatorSort,
    page,
    pageSize,
  };
}

const COMPARE: Record<CreatorSort, (a: Creator, b: Creator) => number> = {
  fans: (a, b) => b.fans - a.fans,
  engagement: (a, b) => (b.engagementRate ?? -1) - (a.engagementRate ?? -1),
  fee: (a, b) => a.feePerPost - b.feePerPost,
  name: (a, b) => a.handle.localeCompare(b.handle),
};

/** Search, filter, sort and page the catalog. Ties break by handle so pages are stable. */
export function queryCreators(catalog: readonly Creator[], query: CreatorQuery) {
  const needle = query.q.replace(/^@/, '').toLowerCase();
  const matches = catalog.filter(
    (c) =>
      (query.niche === null || c.niche === query.niche) &&
      (query.tier === null || c.tier === query.tier) &&
      (needle === '' ||
        c.handle.toLowerCase().includes(needle) ||
        c.displayName.toLowerCase().includes(needle) ||
        c.niche.includes(needle) ||
        c.bio.toLowerCase().includes(needle)),
  );
  const sorted = [...matches].sort((a, b) => COMPARE[query.sort](a, b) || a.handle.localeCompare(b.handle));
  const start = (query.page - 1) * query.pageSize;
  return {
    items: sorted.slice(start, start + query.pageSize),
    total: sorted.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export const creatorHandlers = [
  http.get('*/api/creators', async ({ request }) => {
    const fault = await serverConditions(request);
    if (fault) return fault;
    const query = readCreatorQuery(new URL(request.url).searchParams);
    if (typeof query === 'string') return badRequest(query);
    return HttpResponse.json(queryCreators(CREATORS, query));
  }),
];
