import { keepPreviousData, queryOptions, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgeBand, Country, Gender, Goal, Niche, Tier } from '../domain/types';
import { getJson, apiUrl } from './http';
import { creatorPageSchema, type CreatorSort } from './schemas';

/** Who the plan is for: the fit score of every creator is for this target. */
export interface CreatorTarget {
  countries: readonly Country[];
  ageBands: readonly AgeBand[];
  gender: Gender;
  goal: Goal;
}

/** The vetting filters, by their API parameter names: chosen from lists, except the typed fee range. */
export const LISTED_VETTING_PARAMS = ['country', 'audienceCountry', 'audienceAge', 'minEngagement', 'minCredibility', 'minDisclosure'] as const;
export const TYPED_VETTING_PARAMS = ['minFee', 'maxFee'] as const;
export const VETTING_PARAMS = [...LISTED_VETTING_PARAMS, ...TYPED_VETTING_PARAMS] as const;
/** Vetting filter values ('' = unset; shares as fractions, fees in USD). */
export type VettingParams = Record<(typeof VETTING_PARAMS)[number], string>;

export interface CreatorSearch extends VettingParams {
  q: string;
  niche: Niche | '';
  tier: Tier | '';
  sort: CreatorSort;
  page: number;
  pageSize: number;
  target: CreatorTarget;
}

/** The query string of GET /api/creators for a search. */
export function creatorSearchParams({ target, ...search }: CreatorSearch): Record<string, string | number> {
  return {
    ...search,
    targetCountries: target.countries.join(','),
    targetAges: target.ageBands.join(','),
    gender: target.gender,
    goal: target.goal,
  };
}

export const creatorQueries = {
  all: () => ['creators'] as const,
  lists: () => [...creatorQueries.all(), 'list'] as const,
  list: (search: CreatorSearch) =>
    queryOptions({
      queryKey: [...creatorQueries.lists(), search] as const,
      queryFn: ({ signal }) => getJson(apiUrl('/api/creators', creatorSearchParams(search)), creatorPageSchema, signal),
      placeholderData: keepPreviousData,
      staleTime: 5 * 60 * 1000,
    }),
};

export function useCreators(search: CreatorSearch) {
  return useQuery(creatorQueries.list(search));
}

/**
 * The pages of one search that a scrolled table shows, each fetched and cached on its own,
 * so a jump to row 50,000 loads that page alone. `fallback` is a search whose cached pages
 * stand in while these load (the previous fit target); check `data.page` before placing them.
 */
export function useCreatorPages(search: Omit<CreatorSearch, 'page'>, pages: readonly number[], fallback: Omit<CreatorSearch, 'page'> | null) {
  const client = useQueryClient();
  return useQueries({
    queries: pages.map((page) => ({
      ...creatorQueries.list({ ...search, page }),
      // A new key gets a new observer, with no previous data of its own: a page loading for a
      // new fit target shows the same page of the previous one, when it is in the cache.
      placeholderData: () => (fallback ? client.getQueryData(creatorQueries.list({ ...fallback, page }).queryKey) : undefined),
    })),
  });
}
