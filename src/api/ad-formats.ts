import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson, apiUrl } from './http';
import { adFormatsResponseSchema } from './schemas';

export const adFormatQueries = {
  all: () => ['ad-formats'] as const,
  list: () =>
    queryOptions({
      queryKey: [...adFormatQueries.all(), 'list'] as const,
      queryFn: async ({ signal }) => (await getJson(apiUrl('/api/ad-formats'), adFormatsResponseSchema, signal)).items,
      staleTime: 60 * 60 * 1000,
    }),
};

export function useAdFormats() {
  return useQuery(adFormatQueries.list());
}
