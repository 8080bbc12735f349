import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useShowError } from '../errors';

/**
 * A console save (a mutation): on success a toast (`done`, from the answer and what was sent), the queries
 * under `invalidate` refreshed, then `after`; an error lands on the fields of `form` it names (a server field
 * shown as another form field through `rename`), the rest in a toast.
 */
export function useSaving<V, R>(
  save: (vars: V) => Promise<R>,
  opts: {
    invalidate: QueryKey;
    done: (result: R, vars: V) => string;
    form?: FormInstance;
    after?: (result: R) => void;
    rename?: Record<string, string>;
  },
) {
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: save,
    onSuccess: (result, vars) => {
      message.success(opts.done(result, vars));
      qc.invalidateQueries({ queryKey: opts.invalidate });
      opts.after?.(result);
    },
    onError: (e) => showError(e, opts.form, opts.rename),
  });
}
