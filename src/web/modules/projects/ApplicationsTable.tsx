import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Flex,
  Input,
  Segmented,
  Space,
  Tag,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { APPLICATION_STATES, type ApplicationState } from '../../../shared/contracts/projects';
import { useAuth } from '../../app/auth';
import { QueryPageTable } from '../../app/components/QueryPageTable';
import { enumOptions } from '../../app/components/enumOptions';
import { useShowError } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { dateColumn } from '../../app/components/columns';
import { refilterOf } from '../../app/usePaging';
import { type Application, projectsApi, projectsKeys } from './api';
import { StateTag, yuanColumn } from './parts';
import { FilterSelect } from '../../app/components/FilterSelect';

export type View = 'all' | 'waiting' | 'toScore' | 'overdue';

/** The applications list, of one call (its board) or of every call in reach, with the bureau's selection. */
export function ApplicationsTable({
  callId,
  initialView = 'all',
  showCall = false,
}: {
  callId?: string;
  initialView?: View;
  showCall?: boolean;
}) {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = AntApp.useApp();
  const [view, setView] = useState<View>(initialView);
  const [state, setState] = useState<ApplicationState>();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<string>();
  const q = {
    callId,
    state,
    q: search || undefined,
    view: view === 'all' ? undefined : view,
    page,
    pageSize: 20,
  };
  const list = useQuery({
    queryKey: projectsKeys.applications(q),
    queryFn: () => projectsApi.applications(q),
  });
  const bureau = can('projects.manage');
  const refilter = refilterOf(setPage);

  const decide = async (a: Application, action: 'select' | 'reject', level?: 'city' | 'prefecture') => {
    setBusy(a.id);
    try {
      await projectsApi.act(a.id, { action, level });
      message.success(t('projects.app.done'));
      await qc.invalidateQueries({ queryKey: projectsKeys.all });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const columns: TableColumnsType<Application> = [
    { title: t('projects.app.number'), dataIndex: 'number', width: 120 },
    {
      title: t('projects.app.title'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <Space size={4} wrap>
          <Link to={`/projects/applications/${r.id}`}>{v}</Link>
          {r.overdue ? <Tag color="error">{t('projects.app.overdue')}</Tag> : null}
        </Space>
      ),
    },
    ...(showCall
      ? [
          {
            title: t('projects.app.call'),
            dataIndex: 'callTitle',
            ellipsis: true,
            responsive: ['xxl' as const],
          },
        ]
      : []),
    {
      title: t('projects.app.unit'),
      dataIndex: 'orgUnitName',
      width: 130,
      render: (v: string | null, r) => (
        <>
          <div>{v}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.subdistrictName}
          </Typography.Text>
        </>
      ),
    },
    { title: t('projects.app.type'), dataIndex: 'typeName', width: 110, responsive: ['xxl'] },
    { ...yuanColumn(t('projects.app.budget'), 'budgetTotalFen'), width: 110 },
    {
      title: t('projects.app.state'),
      dataIndex: 'state',
      width: 150,
      render: (v: ApplicationState, r) => (
        <Space size={4} wrap>
          <StateTag state={v} />
          {r.level ? <Tag color="gold">{t(`projects.level.${r.level}`)}</Tag> : null}
        </Space>
      ),
    },
    ...(bureau
      ? [
          {
            title: t('projects.app.average'),
            key: 'avg',
            width: 90,
            align: 'right' as const,
            render: (_: unknown, r: Application) =>
              r.averageScore === null ? '—' : `${r.averageScore}（${r.scoreCount}）`,
          },
        ]
      : []),
    { ...dateColumn(t('projects.app.due'), 'submitDueAt', 110), responsive: ['xxl'] },
    ...(bureau
      ? [
          {
            key: 'ops',
            width: 200,
            render: (_: unknown, r: Application) =>
              r.actions.includes('select') ? (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    loading={busy === r.id}
                    onClick={() => decide(r, 'select', 'city')}
                  >
                    {t('projects.action.select')}
                  </Button>
                  <Button
                    size="small"
                    loading={busy === r.id}
                    onClick={() => decide(r, 'select', 'prefecture')}
                  >
                    {t('projects.level.prefecture')}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  const views: View[] = [
    'all',
    'waiting',
    ...(can('projects.score') ? (['toScore'] as const) : []),
    'overdue',
  ];
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented<View>
          value={view}
          onChange={refilter(setView)}
          options={enumOptions(t, 'projects.apps.view', views)}
          data-testid="apps-view"
        />
        <FilterSelect
          width={150}
          placeholder={t('projects.app.state')}
          value={state}
          onChange={refilter(setState)}
          options={enumOptions(t, 'projects.state', APPLICATION_STATES)}
        />
        <Input.Search
          allowClear
          placeholder={t('projects.apps.search')}
          style={{ width: 220 }}
          onSearch={refilter(setSearch)}
        />
      </Flex>
      <QueryPageTable<Application>
        list={list}
        page={page}
        onPage={setPage}
        columns={columns}
        empty={t('projects.apps.empty')}
        data-testid="apps-table"
      />
    </>
  );
}
