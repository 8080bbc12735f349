import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Segmented, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ForbiddenResult } from '../../../app/components/Status';
import { useI18n } from '../../../app/i18n';
import { PublicShell } from '../../../app/components/PublicShell';
import { svcApi, svcKeys } from '../api';
import { OrderActions } from '../parts';
import { BackLink, OrderCard, RequireLogin } from './mobile';

/** /m/tasks: a volunteer's / reporting party member's orders: accept or decline, check in, check out; history and hours. */
export default function MobileTasksPage() {
  return (
    <RequireLogin>
      <Tasks />
    </RequireLogin>
  );
}

function Tasks() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [view, setView] = useState<'open' | 'history'>('open');
  const list = useQuery({
    queryKey: svcKeys.myTasks(view),
    queryFn: () => svcApi.myTasks(view),
    enabled: can('services.serve'),
    refetchInterval: 30_000,
  });
  const summary = useQuery({
    queryKey: svcKeys.mySummary,
    queryFn: svcApi.mySummary,
    enabled: can('services.serve'),
  });
  const year = new Date().getFullYear();
  const record = useQuery({
    queryKey: svcKeys.myRecord(year),
    queryFn: () => svcApi.myRecord(year),
    enabled: can('services.serve') && !!summary.data?.volunteerId,
  });
  if (!can('services.serve'))
    return (
      <PublicShell title={t('services.m.tasks')}>
        <BackLink to="/m" />
        <ForbiddenResult message={t('services.m.notVolunteer')} />
      </PublicShell>
    );
  const s = summary.data;
  return (
    <PublicShell title={t('services.m.tasks')}>
      <BackLink to="/m" />
      <div className="linli-public-card">
        <Flex justify="space-around">
          <Statistic title={t('services.m.open')} value={s?.open ?? 0} loading={summary.isPending} />
          <Statistic title={t('services.record.orders')} value={s?.served ?? 0} loading={summary.isPending} />
          <Statistic
            title={t('services.record.hours')}
            value={Math.round(((s?.minutes ?? 0) / 60) * 10) / 10}
            loading={summary.isPending}
            data-testid="task-hours"
          />
        </Flex>
        {s && !s.volunteerId ? <div style={{ marginTop: 8 }}>{t('services.m.notVolunteer')}</div> : null}
        {record.data ? (
          <Typography.Paragraph
            type="secondary"
            style={{ margin: '12px 0 0', textAlign: 'center' }}
            data-testid="my-year"
          >
            {t('services.m.year', {
              year,
              orders: record.data.ordersServed,
              hours: Math.round((record.data.minutes / 60) * 10) / 10,
              rating: record.data.averageRating?.toFixed(1) ?? '—',
            })}
            {record.data.employer ? ` · ${record.data.employer}` : ''}
          </Typography.Paragraph>
        ) : null}
      </div>
      <Segmented
        block
        size="large"
        value={view}
        onChange={(v) => setView(v as 'open' | 'history')}
        options={[
          { value: 'open', label: t('services.m.open') },
          { value: 'history', label: t('services.m.history') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {list.isPending ? (
        <Skeleton active />
      ) : list.data?.items.length ? (
        list.data.items.map((o) => (
          <OrderCard
            key={o.id}
            o={o}
            to={`/m/orders/${o.id}?from=tasks`}
            extra={o.actions.length ? <OrderActions order={o} size="large" /> : null}
          />
        ))
      ) : (
        <div className="linli-public-card">
          <Empty description={t('services.m.noTasks')} />
        </div>
      )}
    </PublicShell>
  );
}
