import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorResult, PageLoading } from '../../../app/components/Status';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PublicSection, PublicShell } from '../../../app/components/PublicShell';
import { hours, ledgerApi, ledgerKeys } from '../api';
import { RequireLogin, StatementList } from './parts';

function Content() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ledgerKeys.me, queryFn: ledgerApi.me });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const me = q.data;
  return (
    <>
      {!me.volunteer ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('ledger.m.notVolunteer')} />
      ) : null}
      <section className="linli-public-card" style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('ledger.m.balance')}</Typography.Text>
        <div className="linli-public-number" style={{ fontSize: 40 }} data-testid="m-points-balance">
          {formatNumber(me.points?.balance ?? 0)}
        </div>
        {me.volunteer ? (
          <Typography.Text type="secondary">
            {me.volunteer.name}
            {me.volunteer.communityName ? ` · ${me.volunteer.communityName}` : ''}
          </Typography.Text>
        ) : null}
        <div style={{ marginTop: 8 }}>
          <Typography.Text>
            {t('ledger.m.minutes')}: {hours(me.minutes?.balance ?? 0)} h
          </Typography.Text>
        </div>
      </section>
      <Link to="/m/timebank" className="linli-public-link linli-public-card" style={{ display: 'flex' }}>
        <span>{t('ledger.m.toTimebank')}</span>
      </Link>
      <PublicSection title={t('ledger.m.statement')}>
        {me.points ? (
          <StatementList accountId={me.points.id} unit="points" />
        ) : (
          <Typography.Paragraph type="secondary">{t('ledger.m.noAccount')}</Typography.Paragraph>
        )}
      </PublicSection>
    </>
  );
}

/** /m/points: my love-points balance and statement (R-VP-1). */
export default function MyPointsPage() {
  const { t } = useI18n();
  return (
    <PublicShell title={t('ledger.m.points')}>
      <RequireLogin>
        <Content />
      </RequireLogin>
    </PublicShell>
  );
}
