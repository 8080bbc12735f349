import { useState } from 'react';

/**
 * A list's page and the page size its reader picks (page 1, twenty a page at first): `setPage` (a filter's
 * change goes back to page 1) and `setPaging(page, pageSize)`, a table pagination's `onChange`.
 */
export function usePaging() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const setPaging = (p: number, size: number) => {
    setPage(p);
    setPageSize(size);
  };
  return { page, pageSize, setPage, setPaging };
}

/**
 * The change handlers of a paged list's filters: `const refilter = refilterOf(setPage)`, then
 * `onChange={refilter(setStatus)}` sets the filter and turns the list back to its first page.
 */
export const refilterOf =
  (setPage: (page: number) => void) =>
  <V>(set: (value: V) => void) =>
  (value: V) => {
    set(value);
    setPage(1);
  };
