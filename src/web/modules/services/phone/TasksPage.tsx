import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { Empty, Loading, Notice } from '../../../phone/ui';
import { svcApi, svcKeys } from '../api';
import { OrderActions, OrderCard } from './parts';
import { loggedInPage } from '../../../phone/LoggedInPage';
import { Segmented } from '../../../phone/Segmented';

/** /m/tasks: a volunteer's / reporting party member's orders: accept or decline, check in, check out; history and hours. */
const TasksPage = loggedInPage('services.m.tasks', Tasks, '/m');
export default TasksPage;

function Tasks() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [view, setView] = useState<'open' | 'history'>('open');
  const serve = can('services.serve');
  const list = useQuery({
    queryKey: svcKeys.myTasks(view),
    queryFn: () => svcApi.myTasks(view),
    enabled: serve,
    refetchInterval: 30_000,
  });
  const summary = useQuery({ queryKey: svcKeys.mySummary, queryFn: svcApi.mySummary, enabled: serve });
  const year = new Date().getFullYear();
  const record = useQuery({
    queryKey: svcKeys.myRecord(year),
    queryFn: () => svcApi.myRecord(year),
    enabled: serve && !!summary.data?.volunteerId,
  });
  if (!serve) return <Notice kind="warn">{t('services.m.notVolunteer')}</Notice>;
  const s = summary.data;
  const stat = (label: string, value: number | string, testId?: string) => (
    <div className="center" style={{ flex: 1 }}>
      <div className="big-number" style={{ fontSize: '1.7rem' }} data-testid={testId}>
        {value}
      </div>
      <div className="muted">{label}</div>
    </div>
  );
  return (
    <>
      <div className="ph-card">
        <div className="row">
          {stat(t('services.m.open'), s?.open ?? 0)}
          {stat(t('services.record.orders'), s?.served ?? 0)}
          {stat(
            t('services.record.hours'),
            t('phone.hours', { n: Math.round(((s?.minutes ?? 0) / 60) * 10) / 10 }),
            'task-hours',
          )}
        </div>
        {s && !s.volunteerId ? <p className="ph-p">{t('services.m.notVolunteer')}</p> : null}
        {record.data ? (
          <p className="ph-p center" style={{ marginTop: 12 }} data-testid="my-year">
            {t('services.m.year', {
              year,
              orders: record.data.ordersServed,
              hours: Math.round((record.data.minutes / 60) * 10) / 10,
              rating: record.data.averageRating?.toFixed(1) ?? '—',
            })}
            {record.data.employer ? ` · ${record.data.employer}` : ''}
          </p>
        ) : null}
      </div>
      <Segmented
        group
        style={{ marginBottom: 12 }}
        options={[
          { value: 'open', label: t('services.m.open') },
          { value: 'history', label: t('services.m.history') },
        ]}
        value={view}
        onChange={setView}
      />
      {list.isPending ? (
        <Loading />
      ) : list.data?.items.length ? (
        list.data.items.map((o) => (
          <OrderCard
            key={o.id}
            o={o}
            to={`/m/orders/${o.id}?from=tasks`}
            extra={o.actions.length ? <OrderActions order={o} /> : null}
          />
        ))
      ) : (
        <div className="ph-card">
          <Empty>{t('services.m.noTasks')}</Empty>
        </div>
      )}
    </>
  );
}
