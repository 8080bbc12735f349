import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useShowError } from './errors';

/** A mutation that, once done, refreshes the queries under `invalidate`; a failure is shown in a toast. */
export function useRefreshingMutation<V, R>(mutationFn: (vars: V) => Promise<R>, invalidate: QueryKey) {
  const qc = useQueryClient();
  const showError = useShowError();
  return useMutation({
    mutationFn,
    onSuccess: () => qc.invalidateQueries({ queryKey: invalidate }),
    onError: (e) => showError(e),
  });
}
