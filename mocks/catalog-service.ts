import { format } from 'date-fns';
import { fitBenchmarksFrom, fitScore, fitScoreValue, type FitBenchmarks } from '../src/domain/fit';
import type { CreatorProfile } from '../src/domain/creator-profile';
import { valuesOf } from '../src/domain/scenarios';
import { ASSUMPTIONS } from './data/benchmarks';
import { CATALOG_SEED, CATALOG_SIZE, generateCatalog, recentPosts } from './data/catalog-generator';
import {
  buildCatalogIndex,
  pageByScore,
  pageInOrder,
  readCatalogQuery,
  type CatalogIndex,
  type CatalogTarget,
} from './data/catalog-query';

/**
 * The creator catalog behind GET /api/creators and GET /api/creators/:id, as a server would
 * hold it: generated on the first request (never at import), indexed once, then queried.
 * The same code runs in Node (preview server, tests) and in a Web Worker (the browser's
 * mocked API), so a 100,000-creator catalog never touches the page's main thread.
 */

export interface ServiceResponse {
  status: 200 | 400 | 404 | 500;
  body: unknown;
}

export interface CatalogService {
  /** GET /api/creators?<search> */
  search(search: string): Promise<ServiceResponse>;
  /** GET /api/creators/:id */
  profile(id: string): Promise<ServiceResponse>;
}

export interface CatalogOptions {
  size?: number;
  seed?: number;
  /** The day the data dates count back from (yyyy-MM-dd); today when unset. */
  asOf?: string;
  /** The generator (tests watch when it runs). */
  generate?: typeof generateCatalog;
}

/** A list item: the creator's profile and its fit score for the query's target (0-100, one decimal). */
export type CatalogItem = CreatorProfile & { fitScore: number };

/** The server scores fit against the published benchmarks (the plan's own overrides apply in the app). */
const DEFAULT_VALUES = valuesOf(ASSUMPTIONS);

const targetKey = (t: CatalogTarget) => `${t.countries.join(',')}|${t.ageBands.join(',')}|${t.gender}|${t.goal}`;

/** The catalog service computed in this thread. */
export function createCatalogService(options: CatalogOptions = {}): CatalogService {
  let index: CatalogIndex | null = null;
  const benchmarks: FitBenchmarks = fitBenchmarksFrom(DEFAULT_VALUES);
  // Fit scores of the whole catalog for the last few targets: paging and filtering reuse them.
  const scoreCache = new Map<string, Float64Array>();

  const catalog = (): CatalogIndex => {
    index ??= buildCatalogIndex(
      (options.generate ?? generateCatalog)({
        seed: options.seed ?? CATALOG_SEED,
        size: options.size ?? CATALOG_SIZE,
        asOf: options.asOf ?? format(new Date(), 'yyyy-MM-dd'),
      }),
    );
    return index;
  };

  const scoresFor = (idx: CatalogIndex, target: CatalogTarget): Float64Array => {
    const key = targetKey(target);
    let scores = scoreCache.get(key);
    if (!scores) {
      scores = new Float64Array(idx.creators.length).fill(Number.NaN);
      scoreCache.set(key, scores);
      if (scoreCache.size > 8) scoreCache.delete(scoreCache.keys().next().value as string);
    }
    return scores;
  };

  return {
    async search(search) {
      const idx = catalog();
      const query = readCatalogQuery(new URLSearchParams(search), idx);
      if (typeof query === 'string') return { status: 400, body: { message: query } };
      const scores = scoresFor(idx, query.target);
      const score = (i: number) => {
        let s = scores[i] as number;
        if (Number.isNaN(s)) s = scores[i] = fitScoreValue(idx.creators[i] as CreatorProfile, query.target, benchmarks);
        return s;
      };
      const page =
        query.sort === 'fit'
          ? pageByScore(idx, query.filters, score, query.page, query.pageSize)
          : pageInOrder(idx, query.filters, query.sort, query.page, query.pageSize);
      const items: CatalogItem[] = page.items.map((c) => ({ ...c, fitScore: fitScore(c, query.target, benchmarks).score }));
      return { status: 200, body: { items, total: page.total, page: page.page, pageSize: page.pageSize } };
    },
    async profile(id) {
      const creator = catalog().byId.get(id);
      if (!creator) return { status: 404, body: { message: `No creator with id "${id}".` } };
      return { status: 200, body: { creator, recentPosts: recentPosts(creator) } };
    },
  };
}
