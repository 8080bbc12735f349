import { useEffect, useState } from 'react';

type NameMatch = typeof import('./nameMatch');

/** How many candidates a pinyin query fetches to filter here (the server's page-size ceiling). */
export const PINYIN_PAGE_SIZE = 200;

/**
 * What a people picker sends to the server and keeps of the answer, so that 张三 is found by "zs",
 * "zhangsan" or "張三". Traditional characters are turned into simplified ones before the server's name
 * search; a pinyin query (letters only) cannot be answered by the server, so the picker fetches the
 * first PINYIN_PAGE_SIZE candidates in scope and keeps those whose name matches (nameMatch). The
 * dictionaries load on the first keystroke, in their own chunk.
 */
export function useNameSearch(query: string): {
  /** The `q` to send: simplified characters, or '' for a pinyin query. */
  serverQuery: string;
  /** The page size to ask for (larger for a pinyin query), or the picker's own. */
  pageSize: (own: number) => number;
  /** Whether a candidate (by its name or label) stays in the options. */
  keep: (name: string) => boolean;
} {
  const [lib, setLib] = useState<NameMatch | null>(null);
  const typed = query.trim().length > 0;
  useEffect(() => {
    if (typed && !lib) void import('./nameMatch').then((m) => setLib(() => m));
  }, [typed, lib]);
  const pinyin = /^[a-z\s]+$/i.test(query) && typed;
  return {
    serverQuery: pinyin ? '' : lib && typed ? lib.simplifiedQuery(query.trim()) : query,
    pageSize: (own) => (pinyin ? PINYIN_PAGE_SIZE : own),
    keep: (name) => !pinyin || (lib?.matchesName(name, query) ?? false),
  };
}

/**
 * A Select's filterOption for pickers that hold all their options already (no server search): the option's
 * label matches by characters, pinyin, initials or traditional characters once the dictionaries are loaded
 * (on mount, in their own chunk), by plain substring until then.
 */
export function useNameFilter(): (input: string, option?: { label?: unknown }) => boolean {
  const [lib, setLib] = useState<NameMatch | null>(null);
  useEffect(() => {
    void import('./nameMatch').then((m) => setLib(() => m));
  }, []);
  return (input, option) => {
    const label = String(option?.label ?? '');
    return lib ? lib.matchesName(label, input) : label.toLowerCase().includes(input.trim().toLowerCase());
  };
}
