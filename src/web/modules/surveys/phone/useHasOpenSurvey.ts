import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../../app/auth';
import { svApi } from '../api';

/** The phone tile shows for a resident while a survey distributed to their home is open. */
export function useHasOpenSurvey(): boolean | undefined {
  const { me, loading } = useAuth();
  const allowed = !!me?.permissions.includes('surveys.answer');
  const q = useQuery({
    queryKey: ['surveys', 'mine'],
    queryFn: () => svApi.mine(),
    enabled: allowed,
    staleTime: 60_000,
  });
  if (loading) return undefined;
  if (!allowed) return false;
  if (q.isPending) return undefined;
  return !!q.data?.items.some((s) => s.open);
}
