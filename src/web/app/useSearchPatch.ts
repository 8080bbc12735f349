import { useSearchParams } from 'react-router';

/**
 * The page's URL search params, and `set` to patch them: empty values are removed, and any change other than
 * the page's own goes back to page 1.
 */
export function useSearchPatch() {
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  return [params, set] as const;
}

/** The values of these URL params, a missing one as undefined: a list query's filters. */
export function paramValues<K extends string>(params: URLSearchParams, names: readonly K[]) {
  return Object.fromEntries(names.map((n) => [n, params.get(n) ?? undefined])) as Record<
    K,
    string | undefined
  >;
}
