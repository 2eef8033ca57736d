import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson, apiUrl } from './http';
import { benchmarksSchema } from './schemas';

export const benchmarkQueries = {
  all: () => ['benchmarks'] as const,
  detail: () =>
    queryOptions({
      queryKey: [...benchmarkQueries.all(), 'detail'] as const,
      queryFn: ({ signal }) => getJson(apiUrl('/api/benchmarks'), benchmarksSchema, signal),
      staleTime: 60 * 60 * 1000,
    }),
};

export function useBenchmarks() {
  return useQuery(benchmarkQueries.detail());
}
