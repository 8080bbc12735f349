import { SyncOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  Space,
  type TableColumnsType,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSearchPatch } from '../../app/useSearchPatch';
import { PagedLinkTable } from '../../app/components/PagedLinkTable';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useSaving } from '../../app/components/useSaving';
import { type MessageKey, useI18n } from '../../app/i18n';
import { dateTimeColumn } from '../../app/components/columns';
import { OrgUnitSelect } from '../org/api';
import { type Order, type OrderView, svcApi, svcKeys } from './api';
import { StatusTag, labelOf, minutesText } from './meta';
import { CandidatesDrawer, NewOrderModal } from './parts';

const VIEWS: OrderView[] = ['queue', 'alerts', 'dispatched', 'open', 'all'];

/** The dispatch board: the community's queue, returned orders, and a candidate list to dispatch from. */
export default function OrdersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const [params, set] = useSearchPatch();
  const view = (VIEWS.includes(params.get('view') as OrderView) ? params.get('view') : 'queue') as OrderView;
  const communityId = params.get('communityId') ?? undefined;
  const q = params.get('q') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const [text, setText] = useState(q ?? '');
  const [dispatching, setDispatching] = useState<Order | null>(null);
  const [creating, setCreating] = useState(false);
  useEffect(() => setText(q ?? ''), [q]);
  const query = { view, communityId, q, page, pageSize: 20 };
  const list = useQuery({
    queryKey: svcKeys.orders(query),
    queryFn: () => svcApi.orders(query),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const alerts = useQuery({
    queryKey: svcKeys.orders({ view: 'alerts', communityId, pageSize: 1 }),
    queryFn: () => svcApi.orders({ view: 'alerts', communityId, pageSize: 1 }),
  });
  const sweep = useMutation({
    mutationFn: svcApi.sweep,
    onSuccess: (r) => {
      message.info(t('services.orders.swept', { n: r.returned }));
      qc.invalidateQueries({ queryKey: ['services'] });
    },
    onError: (e) => showError(e),
  });

  const columns: TableColumnsType<Order> = [
    {
      title: t('services.field.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string, o) => <Link to={`/services/orders/${o.id}`}>{n}</Link>,
    },
    {
      title: t('services.field.title'),
      dataIndex: 'title',
      render: (v: string, o) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{v}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labelOf(t, 'services.category', o.category)} · {o.communityName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('services.field.beneficiary'),
      dataIndex: 'beneficiaryName',
      render: (v: string, o) => (
        <Space direction="vertical" size={0}>
          <span>
            {v} {o.onBehalf ? <Tag>{t('services.field.onBehalf')}</Tag> : null}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.beneficiaryPhone ?? ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('services.field.status'),
      dataIndex: 'status',
      width: 150,
      render: (_: unknown, o) => (
        <Space size={4} wrap>
          <StatusTag status={o.status} t={t} />
          {o.alert && o.status === 'ordered' ? (
            <Tag color="red">{t(`services.alert.${o.alert}` as MessageKey)}</Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('services.field.assignee'),
      dataIndex: 'assigneeName',
      render: (v: string | null, o) =>
        v ? (
          <Space direction="vertical" size={0}>
            <span>{v}</span>
            {o.status === 'dispatched' && o.acceptDueAt ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('services.field.acceptDueAt')} {formatDateTime(o.acceptDueAt)}
              </Typography.Text>
            ) : o.servedMinutes ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {minutesText(t, o.servedMinutes)}
              </Typography.Text>
            ) : null}
          </Space>
        ) : (
          '—'
        ),
    },
    { ...dateTimeColumn(t('services.field.createdAt'), 'createdAt', 150), responsive: ['lg'] },
    {
      title: '',
      key: 'go',
      width: 100,
      render: (_: unknown, o) =>
        o.actions.includes('dispatch') || o.actions.includes('reassign') ? (
          <Button
            size="small"
            type={o.status === 'ordered' ? 'primary' : 'default'}
            onClick={(e) => {
              e.stopPropagation();
              setDispatching(o);
            }}
            data-testid={`dispatch-button-${o.number}`}
          >
            {o.status === 'ordered' ? t('services.action.dispatch') : t('services.action.reassign')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('services.orders.title')}
        subtitle={t('services.orders.subtitle')}
        extra={
          <>
            {can('services.dispatch') ? (
              <Tooltip title={t('services.orders.sweep')}>
                <Button icon={<SyncOutlined />} onClick={() => sweep.mutate()} loading={sweep.isPending}>
                  {t('services.orders.sweep')}
                </Button>
              </Tooltip>
            ) : null}
            {can('services.dispatch') ? (
              <AddButton onClick={() => setCreating(true)} data-testid="new-order">
                {t('services.orders.new')}
              </AddButton>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <OrgUnitSelect
            value={communityId ?? null}
            onChange={(v) => set({ communityId: v })}
            selectableKinds={['community']}
            searchKind="community"
            allowClear
            placeholder={t('services.orders.pickCommunity')}
            style={{ minWidth: 220 }}
          />
          <Input.Search
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => set({ q: v || undefined })}
            placeholder={t('services.orders.search')}
            style={{ maxWidth: 320 }}
          />
          {communityId && can('services.dispatch') ? <TimeoutSetting communityId={communityId} /> : null}
        </Flex>
      </Card>
      <Tabs
        activeKey={view}
        onChange={(v) => set({ view: v })}
        items={VIEWS.map((v) => ({
          key: v,
          label:
            v === 'alerts' && alerts.data?.total ? (
              <span>
                {t(`services.view.${v}` as MessageKey)} <Tag color="red">{alerts.data.total}</Tag>
              </span>
            ) : (
              t(`services.view.${v}` as MessageKey)
            ),
        }))}
      />
      <PagedLinkTable
        list={list}
        columns={columns}
        empty={t('services.orders.empty')}
        rowPath={(o) => `/services/orders/${o.id}`}
        page={page}
        onPage={(p) => set({ page: String(p) })}
        testId="orders-table"
      />
      <CandidatesDrawer order={dispatching} onClose={() => setDispatching(null)} />
      <NewOrderModal
        open={creating}
        onClose={() => setCreating(false)}
        preset={communityId ? { communityId } : undefined}
        onCreated={(o) => navigate(`/services/orders/${o.id}`)}
      />
    </>
  );
}

function TimeoutSetting({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const current = useQuery({
    queryKey: svcKeys.settings(communityId),
    queryFn: () => svcApi.settings(communityId),
  });
  const [hours, setHours] = useState<number | null>(null);
  useEffect(() => setHours(current.data?.acceptTimeoutHours ?? null), [current.data]);
  const save = useSaving(() => svcApi.putSettings(communityId, hours ?? 24), {
    invalidate: svcKeys.settings(communityId),
    done: () => t('services.orders.timeoutSaved'),
  });
  return (
    <Space>
      <Typography.Text type="secondary">{t('services.orders.timeout')}</Typography.Text>
      <InputNumber min={1} max={336} value={hours} onChange={(v) => setHours(v)} style={{ width: 80 }} />
      <Button
        onClick={() => save.mutate()}
        loading={save.isPending}
        disabled={hours === current.data?.acceptTimeoutHours}
      >
        OK
      </Button>
    </Space>
  );
}
