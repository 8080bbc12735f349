import { type QueryKey, useQuery } from '@tanstack/react-query';
import type { TodoItem } from './webModule';

/** A list endpoint's `total` for a workbench count (the caller asks for a one-row page); 0 unless `enabled`. */
export function useListTotal(
  queryKey: QueryKey,
  list: () => Promise<{ total: number }>,
  enabled: boolean,
  staleTime: number,
): number {
  const q = useQuery({ queryKey, queryFn: list, enabled, staleTime });
  return enabled ? (q.data?.total ?? 0) : 0;
}

/** The workbench lines that have something waiting (count above 0), in the order given. */
export function waitingTodos<K extends string>(items: TodoItem<K>[]): TodoItem<K>[] {
  return items.filter((i) => i.count > 0);
}
