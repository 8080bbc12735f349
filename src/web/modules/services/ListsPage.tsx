import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSearchPatch } from '../../app/useSearchPatch';
import {
  NEED_SOURCES,
  NEED_STATUSES,
  PROVIDER_TYPES,
  RESOURCE_KINDS,
  SERVICE_CATEGORIES,
} from '../../../shared/contracts/services';
import { AddButton } from '../../app/components/AddButton';
import { SubmitModal } from '../../app/components/SubmitModal';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { formatDate } from '../../app/format';
import { type TFunction, useI18n } from '../../app/i18n';
import { labelColumn } from '../../app/components/columns';
import { dashColumn } from '../../app/components/columns';
import { OrgUnitSelect } from '../org/api';
import { type LoopRow, type Need, type Project, type Resource, svcApi, svcKeys } from './api';
import { labelOf, useOwnCommunity } from './meta';
import { CommunityField, NewOrderModal } from './parts';
import { FilterSelect } from '../../app/components/FilterSelect';
import { useRefreshingMutation } from '../../app/useRefreshingMutation';

type Tab = 'needs' | 'resources' | 'projects' | 'loop';
const options = (t: TFunction, prefix: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: labelOf(t, prefix, v) }));

/** 三张清单 (R-SV-1): the community's needs, resources and service projects. */
export default function ListsPage() {
  const { t } = useI18n();
  const [params, patch] = useSearchPatch();
  const tab = (
    ['needs', 'resources', 'projects', 'loop'].includes(params.get('tab') ?? '') ? params.get('tab') : 'needs'
  ) as Tab;
  const communityId = params.get('communityId') ?? undefined;
  const set = (k: string, v: string | undefined) => patch({ [k]: v });
  return (
    <>
      <PageHeader title={t('services.lists.title')} subtitle={t('services.lists.subtitle')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <OrgUnitSelect
          value={communityId ?? null}
          onChange={(v) => set('communityId', v)}
          selectableKinds={['community']}
          searchKind="community"
          allowClear
          placeholder={t('services.orders.pickCommunity')}
          style={{ minWidth: 240 }}
        />
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(v) => set('tab', v)}
        items={[
          {
            key: 'needs',
            label: t('services.lists.needs'),
            children: <NeedsTab communityId={communityId} />,
          },
          {
            key: 'resources',
            label: t('services.lists.resources'),
            children: <ResourcesTab communityId={communityId} />,
          },
          {
            key: 'projects',
            label: t('services.lists.projects'),
            children: <ProjectsTab communityId={communityId} />,
          },
          {
            key: 'loop',
            label: t('services.loop.tab'),
            children: <LoopTab communityId={communityId} />,
          },
        ]}
      />
    </>
  );
}

function usePaged<T>(
  key: (q: Record<string, string | number | undefined>) => readonly unknown[],
  fetch: (q: Record<string, string | number | undefined>) => Promise<{ items: T[]; total: number }>,
  q: Record<string, string | number | undefined>,
) {
  const [page, setPage] = useState(1);
  const query = { ...q, page, pageSize: 20 };
  const r = useQuery({
    queryKey: key(query),
    queryFn: () => fetch(query),
    placeholderData: keepPreviousData,
  });
  return { r, page, setPage };
}

/** A change from a tab's row (status, switch): refreshes the services queries, errors in a toast. */
function useUpdate<V>(mutationFn: (v: V) => Promise<unknown>) {
  return useRefreshingMutation(mutationFn, ['services']);
}

/** A column of a row's on/off field, switched and saved at once by those with services.write (shown to others). */
function useSwitchColumn<R extends { id: string }>(
  title: string,
  field: 'available' | 'published',
  save: (id: string, on: boolean) => Promise<unknown>,
): TableColumnsType<R>[number] {
  const { can } = useAuth();
  const update = useUpdate(({ id, on }: { id: string; on: boolean }) => save(id, on));
  return {
    title,
    dataIndex: field,
    render: (v: boolean, x: R) => (
      <Switch
        size="small"
        checked={v}
        disabled={!can('services.write')}
        onChange={(on) => update.mutate({ id: x.id, on })}
      />
    ),
  };
}

/** One page of a tab's list, twenty rows a page. */
function PagedTable<R extends object>({
  paged: { r, page, setPage },
  columns,
}: {
  paged: ReturnType<typeof usePaged<R>>;
  columns: TableColumnsType<R>;
}) {
  return (
    <Table<R>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={r.data?.items}
      loading={r.isFetching && !r.data}
      pagination={{
        current: page,
        pageSize: 20,
        total: r.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
      }}
    />
  );
}

type Values = Record<string, unknown>;

/**
 * A tab of one list: its filter (when it has one) and, for those who may write, the add button above the
 * paged table; the add form (`children`) in a modal, starting in the community chosen (else the user's own).
 */
function ListTab<R extends object>({
  filter,
  addLabel,
  paged,
  columns,
  communityId,
  initial,
  submit,
  children,
}: {
  filter?: {
    placeholder: string;
    width: number;
    value: string | undefined;
    onChange: (v: string | undefined) => void;
    options: { value: string; label: string }[];
  };
  addLabel: string;
  paged: ReturnType<typeof usePaged<R>>;
  columns: TableColumnsType<R>;
  communityId: string | undefined;
  initial: Values;
  submit: (v: Values) => Promise<unknown>;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  const own = useOwnCommunity();
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  const add = can('services.write') ? (
    <AddButton onClick={() => setAdding(true)}>{addLabel}</AddButton>
  ) : null;
  return (
    <>
      {filter ? (
        <Flex justify="space-between" style={{ marginBottom: 12 }} gap={8} wrap>
          <FilterSelect
            width={filter.width}
            placeholder={filter.placeholder}
            value={filter.value}
            onChange={filter.onChange}
            options={filter.options}
          />
          {add}
        </Flex>
      ) : (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          {add}
        </Flex>
      )}
      <PagedTable paged={paged} columns={columns} />
      <SubmitModal<Values>
        open={adding}
        title={addLabel}
        onClose={() => setAdding(false)}
        submit={submit}
        initialValues={{ communityId: communityId ?? own, ...initial }}
        invalidate={['services']}
        savedText={t('services.lists.saved')}
        width={560}
      >
        {children}
      </SubmitModal>
    </>
  );
}

function NeedsTab({ communityId }: { communityId?: string | undefined }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [status, setStatus] = useState<string | undefined>();
  const [ordering, setOrdering] = useState<Need | null>(null);
  const navigate = useNavigate();
  const paged = usePaged(svcKeys.needs, svcApi.needs, { communityId, status });
  const update = useUpdate(({ id, status: s }: { id: string; status: string }) =>
    svcApi.updateNeed(id, { status: s }),
  );
  const columns: TableColumnsType<Need> = [
    { title: t('services.m.needTitle'), dataIndex: 'title' },
    labelColumn(t, t('services.field.source'), 'source', 'services.source'),
    labelColumn(t, t('services.field.category'), 'category', 'services.category'),
    { title: t('services.field.raisedBy'), dataIndex: 'raisedBy' },
    { title: t('services.field.community'), dataIndex: 'communityName', responsive: ['lg'] },
    {
      title: t('services.field.status'),
      dataIndex: 'status',
      render: (v: string, n) =>
        can('services.write') ? (
          <Select
            size="small"
            value={v}
            style={{ width: 100 }}
            options={options(t, 'services.needStatus', NEED_STATUSES)}
            onChange={(s) => update.mutate({ id: n.id, status: s })}
          />
        ) : (
          labelOf(t, 'services.needStatus', v)
        ),
    },
    {
      title: t('services.field.createdAt'),
      dataIndex: 'createdAt',
      render: (v) => formatDate(v),
      responsive: ['md'],
    },
    {
      title: '',
      key: 'go',
      render: (_: unknown, n) =>
        n.orderId ? (
          <Button size="small" type="link" onClick={() => navigate(`/services/orders/${n.orderId}`)}>
            {t('services.lists.viewOrder')}
          </Button>
        ) : n.status === 'open' && can('services.dispatch') ? (
          <Button size="small" onClick={() => setOrdering(n)}>
            {t('services.lists.toOrder')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <ListTab
        filter={{
          placeholder: t('services.field.status'),
          width: 140,
          value: status,
          onChange: setStatus,
          options: options(t, 'services.needStatus', NEED_STATUSES),
        }}
        addLabel={t('services.lists.addNeed')}
        paged={paged}
        columns={columns}
        communityId={communityId}
        initial={{ source: 'grid_visit' }}
        submit={(v) => svcApi.createNeed(v as never)}
      >
        <CommunityField required={false} />
        <Form.Item name="gridId" label={t('services.field.grid')}>
          <OrgUnitSelect selectableKinds={['grid', 'compound', 'building']} allowClear />
        </Form.Item>
        <Form.Item name="title" label={t('services.m.needTitle')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="source"
            label={t('services.field.source')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <Select options={options(t, 'services.source', NEED_SOURCES)} />
          </Form.Item>
          <Form.Item name="category" label={t('services.field.category')} style={{ flex: 1 }}>
            <Select allowClear options={options(t, 'services.category', SERVICE_CATEGORIES)} />
          </Form.Item>
        </Flex>
        <Form.Item name="raisedBy" label={t('services.field.raisedBy')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="description" label={t('services.field.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </ListTab>
      <NewOrderModal
        open={!!ordering}
        onClose={() => setOrdering(null)}
        preset={
          ordering
            ? {
                communityId: ordering.communityId,
                needId: ordering.id,
                title: ordering.title,
                category: ordering.category,
                raisedBy: ordering.raisedBy,
              }
            : undefined
        }
        onCreated={(o) => navigate(`/services/orders/${o.id}`)}
      />
    </>
  );
}

function ResourcesTab({ communityId }: { communityId?: string | undefined }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<string | undefined>();
  const paged = usePaged(svcKeys.resources, svcApi.resources, { communityId, kind });
  const available = useSwitchColumn<Resource>(t('services.field.available'), 'available', (id, on) =>
    svcApi.updateResource(id, { available: on }),
  );
  const columns: TableColumnsType<Resource> = [
    { title: t('services.field.name'), dataIndex: 'name' },
    {
      title: t('services.field.kind'),
      dataIndex: 'kind',
      render: (v) => <Tag>{labelOf(t, 'services.resource', v)}</Tag>,
    },
    dashColumn(t('services.field.owner'), 'ownerName'),
    dashColumn(t('services.field.quantity'), 'quantity'),
    { title: t('services.field.description'), dataIndex: 'description', ellipsis: true, responsive: ['lg'] },
    { title: t('services.field.community'), dataIndex: 'communityName', responsive: ['lg'] },
    available,
  ];
  return (
    <ListTab
      filter={{
        placeholder: t('services.field.kind'),
        width: 160,
        value: kind,
        onChange: setKind,
        options: options(t, 'services.resource', RESOURCE_KINDS),
      }}
      addLabel={t('services.lists.addResource')}
      paged={paged}
      columns={columns}
      communityId={communityId}
      initial={{ kind: 'venue', available: true }}
      submit={(v) => svcApi.createResource(v as never)}
    >
      <CommunityField />
      <Flex gap={12}>
        <Form.Item
          name="kind"
          label={t('services.field.kind')}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <Select options={options(t, 'services.resource', RESOURCE_KINDS)} />
        </Form.Item>
        <Form.Item name="quantity" label={t('services.field.quantity')} style={{ flex: 1 }}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="name" label={t('services.field.name')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={t('services.field.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </ListTab>
  );
}

function ProjectsTab({ communityId }: { communityId?: string | undefined }) {
  const { t } = useI18n();
  const paged = usePaged(svcKeys.projects, svcApi.projects, { communityId });
  const published = useSwitchColumn<Project>(t('services.field.published'), 'published', (id, on) =>
    svcApi.updateProject(id, { published: on }),
  );
  const columns: TableColumnsType<Project> = [
    {
      title: t('services.field.title'),
      dataIndex: 'title',
      render: (v: string, p) => (
        <Flex vertical>
          <Typography.Text strong>{v}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labelOf(t, 'services.category', p.category)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('services.field.provider'),
      dataIndex: 'providerName',
      render: (v: string | null, p) => `${v ?? ''} (${labelOf(t, 'services.provider', p.providerType)})`,
    },
    { title: t('services.field.schedule'), dataIndex: 'schedule', responsive: ['md'] },
    {
      title: t('services.field.capacity'),
      dataIndex: 'capacity',
      render: (v: number | null, p) => `${p.openOrders} / ${v ?? '∞'}`,
    },
    { title: t('services.field.activityType'), dataIndex: 'activityType', responsive: ['lg'] },
    { title: t('services.field.community'), dataIndex: 'communityName', responsive: ['lg'] },
    published,
  ];
  return (
    <ListTab
      addLabel={t('services.lists.addProject')}
      paged={paged}
      columns={columns}
      communityId={communityId}
      initial={{ providerType: 'community', durationMinutes: 60, published: true, skills: [] }}
      submit={(v) =>
        svcApi.createProject({
          ...v,
          activityType: (v.activityType as string) || (v.category as string),
        } as never)
      }
    >
      <CommunityField />
      <Form.Item name="title" label={t('services.field.title')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item
          name="category"
          label={t('services.field.category')}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <Select options={options(t, 'services.category', SERVICE_CATEGORIES)} />
        </Form.Item>
        <Form.Item name="providerType" label={t('services.field.provider')} style={{ flex: 1 }}>
          <Select options={options(t, 'services.provider', PROVIDER_TYPES)} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="providerName" label={t('services.field.name')} style={{ flex: 1 }}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="schedule" label={t('services.field.schedule')} style={{ flex: 1 }}>
          <Input maxLength={100} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="capacity" label={t('services.field.capacity')} style={{ flex: 1 }}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('services.field.duration')} style={{ flex: 1 }}>
          <InputNumber min={5} max={1440} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="activityType" label={t('services.field.activityType')} style={{ flex: 1 }}>
          <Input maxLength={40} placeholder="elderly_care" />
        </Form.Item>
      </Flex>
      <Form.Item name="skills" label={t('services.field.skills')}>
        <Select mode="tags" options={options(t, 'services.category', SERVICE_CATEGORIES)} />
      </Form.Item>
      <Form.Item name="description" label={t('services.field.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="published" label={t('services.field.published')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </ListTab>
  );
}

/** Seed 003's 问题清单、服务清单、解决清单: the needs as problems, the orders serving them, the solved ones. */
function LoopTab({ communityId }: { communityId?: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['services', 'loop', communityId ?? ''],
    queryFn: () => svcApi.loop(communityId),
  });
  if (q.isError) return <Typography.Text type="danger">{(q.error as Error).message}</Typography.Text>;
  const d = q.data;
  const columns: TableColumnsType<LoopRow> = [
    { title: t('services.loop.problem'), dataIndex: 'title' },
    { title: t('services.field.community'), dataIndex: 'communityName', width: 110 },
    labelColumn(t, t('services.field.source'), 'source', 'services.source', 110),
    { title: t('services.loop.raisedAt'), dataIndex: 'raisedAt', width: 110, render: formatDate },
    {
      title: t('services.loop.service'),
      key: 'service',
      render: (_, r) => (r.orderNumber ? `${r.orderNumber}${r.servedBy ? ` · ${r.servedBy}` : ''}` : '—'),
    },
    {
      title: t('services.loop.solved'),
      key: 'solved',
      width: 130,
      render: (_, r) =>
        r.solvedAt ? (
          <Tag color="green">
            {formatDate(r.solvedAt)}
            {r.rating ? ` · ${r.rating}★` : ''}
          </Tag>
        ) : (
          <Tag>{t('services.loop.open')}</Tag>
        ),
    },
  ];
  const table = (rows: LoopRow[] | undefined) => (
    <Table<LoopRow>
      rowKey="needId"
      size="small"
      loading={q.isFetching}
      columns={columns}
      dataSource={rows ?? []}
      pagination={{ pageSize: 10 }}
    />
  );
  return (
    <>
      <Typography.Paragraph type="secondary">{t('services.loop.help')}</Typography.Paragraph>
      <Tabs
        size="small"
        items={[
          {
            key: 'p',
            label: `${t('services.loop.problems')}（${d?.problems.length ?? 0}）`,
            children: table(d?.problems),
          },
          {
            key: 's',
            label: `${t('services.loop.services')}（${d?.services.length ?? 0}）`,
            children: table(d?.services),
          },
          {
            key: 'v',
            label: `${t('services.loop.solutions')}（${d?.solved.length ?? 0}）`,
            children: table(d?.solved),
          },
        ]}
      />
    </>
  );
}
