import { MobileOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Card,
  Flex,
  Grid,
  Select,
  type TableColumnsType,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { WO_STATUSES } from '../../../shared/contracts/workOrderMachine';
import { WO_PRIORITIES } from '../../../shared/contracts/workOrders';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { ExportButton } from '../../app/components/ExportButton';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryTable, sizedPaging } from '../../app/components/QueryTable';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useUrlListParams } from '../../app/useUrlListParams';
import { OrgUnitSelect } from '../org/api';
import {
  type WoFilters,
  type WoPriority,
  type WorkOrder,
  type WoStatus,
  type WoView,
  woApi,
  woKeys,
} from './api';
import { ALL_VIEWS, categoryLabel, PriorityTag, StatusTag, VIEWS } from './meta';
import { Deadline } from './parts';
import { QuerySearch } from '../../app/components/QuerySearch';

function readFilters(params: URLSearchParams, fallbackView: WoView): WoFilters {
  const view = params.get('view');
  const status = params
    .getAll('status')
    .filter((s): s is WoStatus => (WO_STATUSES as readonly string[]).includes(s));
  const priority = params.get('priority');
  return {
    view: (ALL_VIEWS as readonly string[]).includes(view ?? '') ? (view as WoView) : fallbackView,
    q: params.get('q') || undefined,
    status: status.length ? status : undefined,
    categoryCode: params.get('categoryCode') || undefined,
    priority: (WO_PRIORITIES as readonly string[]).includes(priority ?? '')
      ? (priority as WoPriority)
      : undefined,
    orgUnitId: params.get('orgUnitId') || undefined,
  };
}

/** The work-order queues: intake for dispatchers, my to-dos for handling units, deadlines, supervision. */
export default function WorkOrdersPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { params, page, pageSize, update } = useUrlListParams<keyof WoFilters>();
  // Dispatchers start at the intake queue, handling units at their to-dos.
  const fallbackView: WoView = can('work_orders.dispatch')
    ? 'intake'
    : can('work_orders.handle')
      ? 'mine'
      : 'all';
  const filters = useMemo(() => readFilters(params, fallbackView), [params, fallbackView]);

  const categories = useQuery({ queryKey: woKeys.categories, queryFn: woApi.categories, staleTime: 300_000 });
  const list = useQuery({
    queryKey: woKeys.list(filters, page, pageSize),
    queryFn: () => woApi.list(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const counts = useQueries({
    queries: VIEWS.map((v) => ({
      queryKey: woKeys.count(v),
      queryFn: () => woApi.count(v),
      staleTime: 30_000,
    })),
  });

  const columns: TableColumnsType<WorkOrder> = [
    {
      title: t('wo.number'),
      dataIndex: 'number',
      fixed: screens.md ? 'left' : undefined,
      width: screens.md ? 170 : 150,
      render: (n: string, r) => (
        <Flex vertical gap={2}>
          <Link
            to={`/work-orders/${r.id}`}
            data-testid="wo-link"
            onClick={(e) => e.stopPropagation()}
            style={{ fontFamily: 'monospace', whiteSpace: 'nowrap', fontSize: screens.md ? undefined : 13 }}
          >
            {n}
          </Link>
          <Flex gap={4} wrap>
            {r.supervised ? <Tag color="red">{t('wo.supervisedTag')}</Tag> : null}
            {r.redoCount > 0 ? <Tag color="volcano">{t('wo.redoTag', { n: r.redoCount })}</Tag> : null}
            {r.reminders > 0 ? <Tag color="gold">{t('wo.remindersTag', { n: r.reminders })}</Tag> : null}
          </Flex>
        </Flex>
      ),
    },
    {
      title: t('wo.category'),
      dataIndex: 'categoryCode',
      responsive: ['md'],
      width: 150,
      render: (code: string, r) => (
        <Flex vertical gap={2}>
          <span>{categoryLabel(locale, categories.data, code, r.categoryName)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`wo.kind.${r.kind}`)} · {t(`wo.channel.${r.channel}` as 'wo.channel.hotline')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('wo.description'),
      dataIndex: 'description',
      responsive: ['md'],
      ellipsis: { showTitle: false },
      render: (d: string, r) => (
        <Tooltip title={d} placement="topLeft">
          <span>{d}</span>
          {r.address ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
              {r.address}
            </Typography.Text>
          ) : null}
        </Tooltip>
      ),
    },
    {
      title: t('wo.priority'),
      dataIndex: 'priority',
      responsive: ['sm'],
      width: 80,
      render: (p: WoPriority) => <PriorityTag priority={p} />,
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: WoStatus) => <StatusTag status={s} testId="wo-row-status" />,
    },
    { title: t('wo.unit'), dataIndex: 'orgUnitName', width: 130, ellipsis: true, responsive: ['lg'] },
    {
      title: t('wo.dueAt'),
      dataIndex: 'dueAt',
      width: screens.md ? 150 : 116,
      render: (_: unknown, r) => <Deadline order={r} />,
    },
    {
      title: t('wo.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      responsive: ['xl'],
      render: (v: string) => formatDateTime(v).slice(0, 16),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('wo.title')}
        extra={
          <>
            {can('work_orders.intake') ? (
              <AddButton onClick={() => navigate('/work-orders/new')} data-testid="wo-create">
                {t('wo.create')}
              </AddButton>
            ) : null}
            <ExportButton download={() => woApi.exportXlsx(filters)} data-testid="wo-export" />
            <Tooltip title={t('wo.publicPageTip')}>
              <Button icon={<MobileOutlined />} href="/report" target="_blank" data-testid="wo-public-page">
                {t('wo.publicPage')}
              </Button>
            </Tooltip>
          </>
        }
      />
      <Card styles={{ body: { padding: '4px 16px 16px' } }}>
        <Tabs
          activeKey={filters.view}
          onChange={(v) => update({ view: v })}
          items={VIEWS.map((v, i) => ({
            key: v,
            label: (
              <span data-testid={`wo-view-${v}`}>
                {t(`wo.view.${v}`)}{' '}
                {v !== 'all' && counts[i]?.data ? (
                  <Badge
                    count={counts[i]?.data}
                    overflowCount={999}
                    size="small"
                    color={v === 'overdue' ? 'red' : v === 'due_soon' ? 'orange' : '#1d5fbf'}
                  />
                ) : null}
              </span>
            ),
          }))}
        />
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          {VIEWS.includes(filters.view) ? null : (
            // A view reached from the workbench (due today / this week) has no tab of its own.
            <Tag
              color="orange"
              closable
              onClose={() => update({ view: 'all' })}
              style={{ alignSelf: 'center', fontSize: 14, padding: '4px 8px' }}
              data-testid="wo-view-filter"
            >
              {t('wo.viewFilter', { view: t(`wo.view.${filters.view}`) })}
            </Tag>
          )}
          <QuerySearch
            q={filters.q}
            onQuery={(q) => update({ q })}
            placeholder={t('wo.searchPlaceholder')}
            testId="wo-search"
          />
          <Select<WoStatus[]>
            mode="multiple"
            allowClear
            value={filters.status ?? []}
            onChange={(v) => update({ status: v })}
            placeholder={t('wo.filterStatus')}
            style={{ minWidth: 160, maxWidth: '100%' }}
            maxTagCount="responsive"
            options={WO_STATUSES.map((s) => ({ value: s, label: t(`wo.status.${s}`) }))}
            data-testid="wo-filter-status"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.categoryCode}
            onChange={(v) => update({ categoryCode: v })}
            placeholder={t('wo.filterCategory')}
            style={{ width: 160 }}
            options={(categories.data ?? []).map((c) => ({
              value: c.code,
              label: locale === 'en' ? c.nameEn : c.nameZh,
            }))}
            data-testid="wo-filter-category"
          />
          <Select<WoPriority>
            allowClear
            value={filters.priority}
            onChange={(v) => update({ priority: v })}
            placeholder={t('wo.filterPriority')}
            style={{ width: 120 }}
            options={WO_PRIORITIES.map((p) => ({ value: p, label: t(`wo.priority.${p}`) }))}
            data-testid="wo-filter-priority"
          />
          <OrgUnitSelect
            value={filters.orgUnitId}
            onChange={(v) => update({ orgUnitId: v })}
            placeholder={t('wo.filterUnit')}
            style={{ width: 200, maxWidth: '100%' }}
            data-testid="wo-filter-unit"
          />
        </Flex>
        <QueryTable<WorkOrder>
          rowKey="id"
          size="middle"
          columns={columns}
          list={list}
          empty={t(`wo.empty.${filters.view}`)}
          scroll={{ x: screens.md ? 1100 : undefined }}
          tableLayout="fixed"
          data-testid="wo-list"
          onRow={(r) =>
            ({
              'data-testid': 'wo-row',
              'data-number': r.number,
              className: 'linli-row-clickable',
              onClick: () => navigate(`/work-orders/${r.id}`),
            }) as React.HTMLAttributes<HTMLElement>
          }
          pagination={sizedPaging(list, page, pageSize, t, (p, ps) =>
            update({ page: String(p), pageSize: String(ps) }),
          )}
        />
      </Card>
    </div>
  );
}
