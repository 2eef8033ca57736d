import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
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

export interface CreatorSearch {
  q: string;
  niche: Niche | '';
  tier: Tier | '';
  sort: CreatorSort;
  page: number;
  pageSize: number;
  target: CreatorTarget;
  /** Vetting filters as the API's parameters ('' = unset; shares as fractions, fees in USD). */
  country: string;
  audienceCountry: string;
  audienceAge: string;
  minEngagement: string;
  minCredibility: string;
  minDisclosure: string;
  minFee: string;
  maxFee: string;
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
