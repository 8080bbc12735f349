import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormItemProps,
  Row,
  Select,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type HTMLAttributes, useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Page } from '../../app/api';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryTable, sizedPaging } from '../../app/components/QueryTable';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { dashColumn } from '../../app/components/columns';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../../shared/i18n/audit';
import type { AuditEntryDto, AuditVerifyDto } from '../../../shared/contracts/audit';
import type { Wire } from '../../../shared/contracts/wire';

type AuditEntryView = Wire<AuditEntryDto>;

const FILTERS = [
  'action',
  'entityType',
  'entityId',
  'success',
  'from',
  'to',
  'requestId',
  'actorId',
] as const;
/** Filters set from a row's details rather than the form, shown as tags to take off. */
const NARROWING = ['entityId', 'requestId', 'actorId'] as const;
type FilterKey = (typeof FILTERS)[number];

interface FilterForm {
  action?: string;
  entityType?: string;
  success?: 'true' | 'false';
  range?: [Dayjs | null, Dayjs | null] | null;
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <pre className="linli-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** One filter of the form: a Form.Item in a column `lg` of 24 wide on large screens, `sm` on small, full on phones. */
function FilterCol({ lg, sm = 12, ...item }: { lg: number; sm?: number } & FormItemProps) {
  return (
    <Col xs={24} sm={sm} lg={lg}>
      <Form.Item {...item} />
    </Col>
  );
}

/** Seals what was written, checks the hash chain against the signed checkpoints (platform-wide auditors). */
function VerifyResult({ result }: { result: AuditVerifyDto }) {
  const { t } = useI18n();
  const lines = [
    result.ok
      ? t('audit.verify.counts', { sealed: result.checked, pending: result.pending })
      : t('audit.verify.checkedUntil', { checked: result.checked, pending: result.pending }),
    result.checkpoint
      ? t('audit.verify.checkpoint', {
          pos: result.checkpoint.pos,
          at: formatDateTime(result.checkpoint.at),
          source: t(`audit.verify.source.${result.checkpoint.source}`),
        })
      : t('audit.verify.noCheckpoint'),
    ...(result.checkpointFile === 'missing' ? [t('audit.verify.fileMissing')] : []),
  ];
  const problem = result.problem;
  return (
    <Alert
      showIcon
      type={result.ok ? 'success' : 'error'}
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-result"
      title={result.ok ? t('audit.verify.ok') : t('audit.verify.broken')}
      description={
        <Flex vertical>
          {problem ? (
            <Typography.Text strong>
              {t(`audit.verify.reason.${problem.reason}`)}
              {problem.pos != null ? `（${t('audit.verify.where', { pos: problem.pos })}）` : ''}
            </Typography.Text>
          ) : null}
          {lines.map((l) => (
            <span key={l}>{l}</span>
          ))}
        </Flex>
      }
    />
  );
}

export default function AuditPage() {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  // The chain spans every unit: only auditors without a unit restriction may check it.
  const platformWide = !!me?.assignments.some((a) => a.orgUnitId === null);
  const verify = useMutation({ mutationFn: () => api.get<AuditVerifyDto>('/api/audit/verify') });
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<FilterForm>();
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const filters = useMemo(
    () =>
      Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined])) as Record<
        FilterKey,
        string | undefined
      >,
    [params],
  );

  useEffect(() => {
    form.setFieldsValue({
      action: filters.action,
      entityType: filters.entityType,
      success: filters.success as FilterForm['success'],
      range:
        filters.from || filters.to
          ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
          : null,
    });
  }, [filters, form]);

  const list = useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => api.get<Page<AuditEntryView>>('/api/audit', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const apply = (v: FilterForm) => {
    const next = new URLSearchParams();
    const set = (k: FilterKey, val: string | undefined) => {
      if (val?.trim()) next.set(k, val.trim());
    };
    set('action', v.action);
    set('entityType', v.entityType);
    set('success', v.success);
    set('from', v.range?.[0]?.startOf('day').toISOString());
    set('to', v.range?.[1]?.endOf('day').toISOString());
    for (const k of NARROWING) set(k, filters[k]);
    setParams(next);
  };

  /** Lists only the entries matching `only` (from a row's details), on the first page. */
  const narrow = (only: Partial<Record<FilterKey, string>>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(only)) if (v) next.set(k, v);
    if (params.get('pageSize')) next.set('pageSize', params.get('pageSize')!);
    setParams(next);
  };
  /** What a narrowing tag says: whom or what the list is narrowed to, named from its rows (all share it). */
  const first = list.data?.items[0];
  const narrowedTo = (k: (typeof NARROWING)[number]) =>
    k === 'actorId' && first?.actorName
      ? t('audit.narrowed.actorNamed', { name: first.actorName })
      : k === 'entityId' && (filters.entityType ?? first?.entityType)
        ? t('audit.narrowed.entityOfType', { type: typeName(filters.entityType ?? first!.entityType) })
        : t(`audit.narrowed.${k}`);
  /** A link to the entries sharing `value` as `key` with this one; none without a value or when already there. */
  const narrowLink = (
    key: (typeof NARROWING)[number],
    value: string | null,
    label: string,
    testId: string,
    also: Partial<Record<FilterKey, string>> = {},
  ) =>
    value && filters[key] !== value ? (
      <Typography.Link
        onClick={() => narrow({ ...also, [key]: value })}
        style={{ fontSize: 'inherit' }}
        data-testid={testId}
      >
        {label}
      </Typography.Link>
    ) : null;
  const unnarrow = (k: FilterKey) => {
    const next = new URLSearchParams(params);
    next.delete(k);
    next.delete('page');
    setParams(next);
  };

  const actionName = (a: string) => AUDIT_ACTIONS[a]?.[locale] ?? a;
  const typeName = (e: string) => AUDIT_ENTITY_TYPES[e]?.[locale] ?? e;

  const columns: TableColumnsType<AuditEntryView> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 110,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 190,
      render: (a: string) => actionName(a),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 260,
      render: (_, e) => (
        <Flex vertical>
          <span>{typeName(e.entityType)}</span>
          {e.entityId ? (
            <Flex gap={12} style={{ fontSize: 12 }}>
              {e.entityType === 'resident' ? (
                <Link to={`/residents/${e.entityId}`}>{t('audit.openResident')}</Link>
              ) : e.entityType === 'org_unit' ? (
                <Link to={`/org/${e.entityId}`}>{t('audit.openUnit')}</Link>
              ) : null}
              {narrowLink('entityId', e.entityId, t('audit.sameEntity'), 'audit-same-entity', {
                entityType: e.entityType,
              })}
            </Flex>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('audit.success'),
      dataIndex: 'success',
      width: 90,
      render: (ok: boolean) =>
        ok ? (
          <Typography.Text type="success">
            <CheckCircleFilled /> {t('common.success')}
          </Typography.Text>
        ) : (
          <Typography.Text type="danger">
            <CloseCircleFilled /> {t('common.failure')}
          </Typography.Text>
        ),
    },
    dashColumn(t('audit.ip'), 'ip', 120),
  ];

  return (
    <div>
      <PageHeader
        title={t('audit.title')}
        extra={
          platformWide ? (
            <Button
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
              data-testid="audit-verify"
            >
              {t('audit.verify.run')}
            </Button>
          ) : null
        }
      />
      {verify.data ? <VerifyResult result={verify.data} /> : null}
      {verify.isError ? (
        <Alert showIcon type="error" style={{ marginBottom: 16 }} title={verify.error.message} />
      ) : null}
      <Card styles={{ body: { padding: 16 } }}>
        <Form<FilterForm> form={form} layout="vertical" onFinish={apply} data-testid="audit-filters">
          <Row gutter={12}>
            <FilterCol lg={7} name="action" label={t('audit.action')}>
              <Select
                allowClear
                options={Object.keys(AUDIT_ACTIONS).map((a) => ({ value: a, label: actionName(a) }))}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="audit-filter-action"
              />
            </FilterCol>
            <FilterCol lg={6} name="entityType" label={t('audit.entityType')}>
              <Select
                allowClear
                options={Object.keys(AUDIT_ENTITY_TYPES).map((e) => ({ value: e, label: typeName(e) }))}
                data-testid="audit-filter-entity-type"
              />
            </FilterCol>
            <FilterCol lg={4} name="success" label={t('audit.success')}>
              <Select
                allowClear
                options={[
                  { value: 'true', label: t('common.success') },
                  { value: 'false', label: t('common.failure') },
                ]}
                data-testid="audit-filter-success"
              />
            </FilterCol>
            <FilterCol lg={7} sm={24} name="range" label={t('audit.dateRange')}>
              <DatePicker.RangePicker
                allowEmpty={[true, true]}
                style={{ width: '100%' }}
                data-testid="audit-filter-range"
              />
            </FilterCol>
          </Row>
          <Flex gap={8} style={{ marginBottom: 16 }}>
            <Button type="primary" htmlType="submit" data-testid="audit-filter-submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setParams(new URLSearchParams());
              }}
            >
              {t('common.reset')}
            </Button>
            {NARROWING.filter((k) => filters[k]).map((k) => (
              <Tag
                key={k}
                color="blue"
                closable
                onClose={() => unnarrow(k)}
                style={{ alignSelf: 'center' }}
                data-testid={`audit-narrowed-${k}`}
              >
                {narrowedTo(k)}
              </Tag>
            ))}
          </Flex>
        </Form>
        <QueryTable<AuditEntryView>
          rowKey="seq"
          size="middle"
          columns={columns}
          list={list}
          empty={t('audit.empty')}
          scroll={{ x: 950 }}
          data-testid="audit-table"
          onRow={() => ({ 'data-testid': 'audit-row' }) as HTMLAttributes<HTMLElement>}
          expandable={{
            expandedRowRender: (e) => {
              const parts = [
                { key: 'before', title: t('audit.before'), value: e.before },
                { key: 'after', title: t('audit.after'), value: e.after },
              ].filter((p) => p.value !== null && p.value !== undefined);
              return (
                <Flex vertical gap={8} style={{ maxWidth: 1000 }} data-testid="audit-details">
                  <Flex gap={16} wrap align="baseline">
                    {narrowLink('requestId', e.requestId, t('audit.sameRequest'), 'audit-same-request')}
                    {narrowLink('actorId', e.actorId, t('audit.sameActor'), 'audit-same-actor')}
                    {e.requestId ? (
                      <Typography.Text
                        type="secondary"
                        style={{ fontSize: 12 }}
                        copyable={{ text: e.requestId }}
                      >
                        {t('audit.requestRef')}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                  {parts.length ? (
                    <Row gutter={16}>
                      {parts.map((p) => (
                        <Col key={p.key} xs={24} md={parts.length > 1 ? 12 : 24}>
                          <Typography.Text strong>{p.title}</Typography.Text>
                          <Json value={p.value} />
                        </Col>
                      ))}
                    </Row>
                  ) : (
                    <Typography.Text type="secondary">{t('audit.noChange')}</Typography.Text>
                  )}
                </Flex>
              );
            },
          }}
          pagination={sizedPaging(list, page, pageSize, t, (p, ps) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            next.set('pageSize', String(ps));
            setParams(next);
          })}
        />
      </Card>
    </div>
  );
}
