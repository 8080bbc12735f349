import { type QueryKey, useQueryClient } from '@tanstack/react-query';

/**
 * After a change to one record: `store(answer)` puts the record the server sent back under `recordKey` (the
 * page shows it at once) and refreshes the queries under `refreshKey` (the lists it appears in).
 */
export function useStoreAnswer(recordKey: QueryKey, refreshKey: QueryKey) {
  const qc = useQueryClient();
  return (answer: unknown) => {
    qc.setQueryData(recordKey, answer);
    qc.invalidateQueries({ queryKey: refreshKey });
  };
}
