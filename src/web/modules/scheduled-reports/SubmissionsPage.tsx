import { useQuery } from '@tanstack/react-query';
import { Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyHint, ErrorResult } from '../../app/components/Status';
import { fixedPaging } from '../../app/components/QueryTable';
import { chinaMinute } from '../../../shared/chinaTime';
import { useI18n } from '../../app/i18n';
import { type Submission, type SubmissionQuery, srApi, srKeys } from './api';
import { StateTags, usePeriodText } from './shared';

type Tab = 'mine' | 'review' | 'overdue';

/** 报送与审核: my unit's reports to fill in, reports sent to my unit to review, and overdue ones. */
export default function SubmissionsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const periodText = usePeriodText();
  const [params, setParams] = useSearchParams();
  const canSubmit = can('scheduled_reports.submit');
  const canReview = can('scheduled_reports.review');
  const tabs: Tab[] = [
    ...(canSubmit ? (['mine'] as const) : []),
    ...(canReview ? (['review'] as const) : []),
    'overdue',
  ];
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : tabs[0]!;
  const [page, setPage] = useState(1);
  const q: SubmissionQuery = tab === 'overdue' ? { page, pageSize: 20 } : { side: tab, page, pageSize: 20 };
  const list = useQuery({
    queryKey: tab === 'overdue' ? srKeys.overdue(q) : srKeys.submissions(q),
    queryFn: () => (tab === 'overdue' ? srApi.overdue(q) : srApi.submissions(q)),
  });
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return (
    <>
      <PageHeader title={t('scheduledReports.subs.title')} subtitle={t('scheduledReports.subs.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setParams({ tab: k }, { replace: true });
          setPage(1);
        }}
        items={tabs.map((k) => ({ key: k, label: t(`scheduledReports.subs.${k}`) }))}
      />
      <Table<Submission>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <EmptyHint text={t('scheduledReports.subs.empty')} /> }}
        pagination={fixedPaging(list, page, 20, setPage)}
        columns={[
          { title: t('scheduledReports.field.title'), dataIndex: 'templateTitle' },
          { title: t('scheduledReports.field.period'), width: 130, render: (_, r) => periodText(r.period) },
          { title: t('scheduledReports.field.unit'), dataIndex: 'unitName', width: 140 },
          { title: t('scheduledReports.field.receiver'), dataIndex: 'receiverName', width: 140 },
          { title: t('scheduledReports.field.due'), dataIndex: 'dueOn', width: 110 },
          {
            title: t('scheduledReports.field.state'),
            width: 200,
            render: (_, r) => <StateTags state={r.state} late={r.late} overdue={r.overdue} />,
          },
          {
            title: t('scheduledReports.field.submittedAt'),
            width: 160,
            render: (_, r) => (r.submittedAt ? chinaMinute(new Date(r.submittedAt)) : ''),
          },
          {
            title: '',
            width: 80,
            render: (_, r) => (
              <Link to={`/scheduled-reports/submissions/${r.id}`}>
                {r.actions.length ? t('scheduledReports.subs.open') : t('scheduledReports.subs.view')}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
