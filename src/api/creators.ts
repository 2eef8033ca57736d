import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Niche, Tier } from '../domain/types';
import { getJson, apiUrl } from './http';
import { creatorPageSchema, type CreatorSort } from './schemas';

export interface CreatorSearch {
  q: string;
  niche: Niche | '';
  tier: Tier | '';
  sort: CreatorSort;
  page: number;
  pageSize: number;
}

export const creatorQueries = {
  all: () => ['creators'] as const,
  lists: () => [...creatorQueries.all(), 'list'] as const,
  list: (search: CreatorSearch) =>
    queryOptions({
      queryKey: [...creatorQueries.lists(), search] as const,
      queryFn: ({ signal }) => getJson(apiUrl('/api/creators', { ...search }), creatorPageSchema, signal),
      placeholderData: keepPreviousData,
      staleTime: 5 * 60 * 1000,
    }),
};

export function useCreators(search: CreatorSearch) {
  return useQuery(creatorQueries.list(search));
}
