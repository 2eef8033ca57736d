import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/http';

/**
 * Retries once, and only what may pass on a second try (network, timeouts, 5xx): a hung
 * server and its retry fail within 15 s, and the user's Retry button takes over from there.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 1 && error instanceof ApiError && error.transient,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 4000),
        refetchOnWindowFocus: false,
        // Offline, fetch anyway and fail: the user sees why and gets a Retry (and queries refetch
        // on reconnect) instead of a silently paused search beside stale results.
        networkMode: 'always',
      },
    },
  });
}
