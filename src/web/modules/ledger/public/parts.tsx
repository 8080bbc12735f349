import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../../../app/auth';
import { PageLoading } from '../../../app/components/Status';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { kindKey } from '../AccountsPage';
import { hours, ledgerApi, type StatementLine } from '../api';

/** Sends an unlogged visitor to the login page, back here afterwards. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const loc = useLocation();
  if (loading) return <PageLoading />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(loc.pathname)}`} replace />;
  return children;
}

/** An account's statement as a phone list, newest first, loaded 20 at a time. */
export function StatementList({ accountId, unit }: { accountId: string; unit: 'points' | 'minutes' }) {
  const { t } = useI18n();
  const q = useInfiniteQuery({
    queryKey: ['ledger', 'statement-m', accountId],
    initialPageParam: 1,
    queryFn: ({ pageParam }) => ledgerApi.statement(accountId, { page: pageParam, pageSize: 20 }),
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
  const lines: StatementLine[] = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (q.isPending) return <PageLoading />;
  if (lines.length === 0) return <Empty description={t('ledger.statement.empty')} />;
  const fmt = (v: number) =>
    unit === 'minutes' ? `${v > 0 ? '+' : ''}${v} 分钟` : `${v > 0 ? '+' : ''}${v}`;
  return (
    <>
      <List
        dataSource={lines}
        renderItem={(l) => (
          <List.Item data-testid="m-ledger-line" style={{ padding: '10px 0' }}>
            <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{t(kindKey(l.kind))}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 13, maxWidth: 220 }}>
                    {l.memo}
                  </Typography.Text>
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(l.createdAt)}
                </Typography.Text>
              </div>
              <div style={{ textAlign: 'right', flex: 'none' }}>
                <Typography.Text strong style={{ color: l.amount < 0 ? '#cf1322' : '#389e0d', fontSize: 16 }}>
                  {fmt(l.amount)}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('ledger.field.balanceAfter')}{' '}
                    {unit === 'minutes' ? `${hours(l.balanceAfter)} h` : l.balanceAfter}
                  </Typography.Text>
                </div>
              </div>
            </Flex>
          </List.Item>
        )}
      />
      {q.hasNextPage ? (
        <Button block onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('ledger.m.more')}
        </Button>
      ) : null}
    </>
  );
}
