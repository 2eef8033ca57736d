import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/http';

/** Retries only what may pass on a second try (network, timeouts, 5xx), twice, so errors show within seconds. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && error instanceof ApiError && error.transient,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 4000),
        refetchOnWindowFocus: false,
      },
    },
  });
}
