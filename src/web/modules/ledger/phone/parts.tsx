import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { Empty, formatAt, Loading } from '../../../phone/ui';
import { hours, ledgerApi, type StatementLine } from '../api';
import { BlockButton } from '../../../phone/PhoneForm';

/** The card that leads to the holder's other ledger page (love points ↔ time bank). */
export function OtherLedgerLink({ to, children }: { to: '/m/points' | '/m/timebank'; children: ReactNode }) {
  return (
    <Link to={to} className="ph-card list-link" style={{ display: 'flex', color: 'var(--primary)' }}>
      {children}
    </Link>
  );
}

/** An amount with its unit: points, or minutes (with hours for balances). */
export function useAmount() {
  const { t } = useI18n();
  return {
    points: (v: number, signed = false) =>
      t('phone.points', { n: `${signed && v > 0 ? '+' : ''}${v.toLocaleString('zh-CN')}` }),
    minutes: (v: number, signed = false) => t('phone.minutes', { n: `${signed && v > 0 ? '+' : ''}${v}` }),
    hours: (minutes: number) => t('phone.hours', { n: hours(minutes) }),
  };
}

/** An account's statement as a phone list, newest first, loaded 20 at a time. */
export function StatementList({ accountId, unit }: { accountId: string; unit: 'points' | 'minutes' }) {
  const { t } = useI18n();
  const amount = useAmount();
  const q = useInfiniteQuery({
    queryKey: ['ledger', 'statement-m', accountId],
    initialPageParam: 1,
    queryFn: ({ pageParam }) => ledgerApi.statement(accountId, { page: pageParam, pageSize: 20 }),
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
  const lines: StatementLine[] = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (q.isPending) return <Loading />;
  if (lines.length === 0) return <Empty>{t('ledger.statement.empty')}</Empty>;
  const fmt = (v: number) => (unit === 'minutes' ? amount.minutes(v, true) : amount.points(v, true));
  return (
    <>
      <ul className="list">
        {lines.map((l) => (
          <li
            key={`${l.transactionId}-${l.seq}`}
            data-testid="m-ledger-line"
            className="row"
            style={{ alignItems: 'flex-start' }}
          >
            <div style={{ minWidth: 0 }}>
              <strong>{t(`ledger.kind.${l.kind}` as MessageKey)}</strong>
              {l.memo ? <div className="muted">{l.memo}</div> : null}
              <div className="muted">{formatAt(l.createdAt)}</div>
            </div>
            <div style={{ textAlign: 'right', flex: 'none' }}>
              <div className={l.amount < 0 ? 'amount-minus' : 'amount-plus'}>{fmt(l.amount)}</div>
              <div className="muted">
                {t('ledger.field.balanceAfter')}{' '}
                {unit === 'minutes' ? amount.hours(l.balanceAfter) : amount.points(l.balanceAfter)}
              </div>
            </div>
          </li>
        ))}
      </ul>
      {q.hasNextPage ? (
        <BlockButton onClick={() => q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          {t('ledger.m.more')}
        </BlockButton>
      ) : null}
    </>
  );
}
