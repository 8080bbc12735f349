import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from './api';
import { useI18n } from './i18n';

/**
 * While the server loads its demo data in the background (`npm start` on an empty database answers at once,
 * see src/server/main.ts), a bar at the top says so; when the load is done, every query is fetched again.
 * Plain markup, no UI kit: it shows on the console and the phone pages alike.
 */
export function DemoLoadingBanner() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: ['demo-loading'],
    queryFn: () => api.get<{ demoLoading?: boolean }>('/api/config'),
    refetchInterval: (q) => (q.state.data?.demoLoading ? 3000 : false),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const loading = !!data?.demoLoading;
  const wasLoading = useRef(false);
  useEffect(() => {
    if (wasLoading.current && !loading) void queryClient.invalidateQueries();
    wasLoading.current = loading;
  }, [loading, queryClient]);
  if (!loading) return null;
  return (
    <div
      role="status"
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 2000,
        padding: '8px 16px',
        background: '#fff7e6',
        borderBottom: '1px solid #ffd591',
        color: '#613400',
        fontSize: 14,
        lineHeight: 1.5,
        textAlign: 'center',
      }}
    >
      {t('app.demoLoading')}
    </div>
  );
}
