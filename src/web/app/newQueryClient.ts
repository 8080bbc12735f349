import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

/** The react-query client of the staff app and the phone app: the same retry and freshness defaults. */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 4xx answers (not found, forbidden, bad filter) will not change on retry.
        retry: (count, err) =>
          !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
}
