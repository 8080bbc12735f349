import { useSearchParams } from 'react-router';

/**
 * A list page whose filters and paging live in the URL (a list can be linked to and survives reload): the
 * params, the page and page size they hold (1 and 20 if none), and `update` to patch them: an array value
 * becomes a repeated param, an empty value is removed, and any change other than the page's own goes back to
 * page 1.
 */
export function useUrlListParams<K extends string>() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const update = (patch: Partial<Record<K | 'page' | 'pageSize', string | string[] | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries<string | string[] | undefined>(patch)) {
      next.delete(k);
      if (Array.isArray(v)) for (const item of v) next.append(k, item);
      else if (v) next.set(k, v);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  return { params, page, pageSize, update };
}
