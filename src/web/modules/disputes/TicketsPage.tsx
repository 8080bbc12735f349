import { DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Space,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSearchPatch } from '../../app/useSearchPatch';
import { PagedLinkTable } from '../../app/components/PagedLinkTable';
import {
  DS_NATURES,
  DS_PARTY_ROLES,
  DS_SOURCES,
  DS_VIEWS,
  type DsStatus,
} from '../../../shared/contracts/disputes';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { type MessageKey, useI18n } from '../../app/i18n';
import { dateTimeColumn, labelColumn } from '../../app/components/columns';
import { OrgUnitSelect } from '../org/api';
import { residentsApi } from '../residents/api';
import { type Dispute, type IntakeInput, type ListQuery, dsApi, dsKeys } from './api';
import { Field, ModalForm, StatusTag, TicketTag, labelOf, labelOptions } from './meta';
import { useSaving } from '../../app/components/useSaving';
import { useNameSearch } from '../../app/useNameSearch';

type View = (typeof DS_VIEWS)[number];

/** The ticket list: views for the centre (to divert) and the communities (to accept, in hand), export. */
export default function TicketsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const showError = useShowError();
  const [params, set] = useSearchPatch();
  const view = (DS_VIEWS.includes(params.get('view') as View) ? params.get('view') : 'all') as View;
  const q = params.get('q') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const [text, setText] = useState(q ?? '');
  // From a work order's "convert into a dispute" (R-DS-1): the intake opens linked to it.
  const workOrderId = params.get('workOrderId') ?? undefined;
  const [creating, setCreating] = useState(!!workOrderId);
  useEffect(() => setText(q ?? ''), [q]);
  const query: ListQuery = { view, q, page, pageSize: 20 };
  const list = useQuery({
    queryKey: dsKeys.list(query),
    queryFn: () => dsApi.list(query),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const exporting = useMutation({
    mutationFn: () => dsApi.exportXlsx({ view, q }),
    onError: (e) => showError(e),
  });

  const columns: TableColumnsType<Dispute> = [
    {
      title: t('disputes.field.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string, d) => <Link to={`/disputes/${d.id}`}>{n}</Link>,
    },
    {
      title: t('disputes.field.title'),
      dataIndex: 'title',
      render: (v: string, d) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{v}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labelOf(t, 'disputes.nature', d.nature)} · {d.partyNames.join('、')}
          </Typography.Text>
        </Space>
      ),
    },
    labelColumn(t, t('disputes.field.source'), 'source', 'disputes.source', 130),
    {
      title: t('disputes.field.status'),
      dataIndex: 'status',
      width: 190,
      render: (_: unknown, d) => (
        <Space size={4} wrap>
          <StatusTag status={d.status as DsStatus} t={t} />
          <TicketTag kind={d.ticketKind} t={t} />
          {d.overdue ? <Tag color="red">{t('disputes.detail.overdue')}</Tag> : null}
          {d.specialAssignment ? <Tag color="purple">{t('disputes.field.special')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('disputes.field.community'),
      dataIndex: 'communityName',
      render: (v: string | null, d) => (
        <Space direction="vertical" size={0}>
          <span>{v ?? (d.status === 'registered' ? '—' : t('disputes.detail.byCentre'))}</span>
          {d.status === 'diverted' && d.acceptDueAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('disputes.field.acceptDueAt')} {formatDateTime(d.acceptDueAt)}
            </Typography.Text>
          ) : (d.status === 'accepted' || d.status === 'mediating') && d.finishDueAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('disputes.field.finishDueAt')} {formatDateTime(d.finishDueAt)}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { ...dateTimeColumn(t('disputes.field.createdAt'), 'createdAt', 150), responsive: ['lg'] },
  ];

  return (
    <>
      <PageHeader
        title={t('disputes.tickets.title')}
        subtitle={t('disputes.tickets.subtitle')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => exporting.mutate()}
              loading={exporting.isPending}
            >
              {t('disputes.tickets.export')}
            </Button>
            {can('disputes.register') ? (
              <AddButton onClick={() => setCreating(true)} data-testid="new-dispute">
                {t('disputes.tickets.new')}
              </AddButton>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set({ q: v || undefined })}
          placeholder={t('disputes.tickets.search')}
          style={{ maxWidth: 320 }}
        />
      </Card>
      <Tabs
        activeKey={view}
        onChange={(v) => set({ view: v })}
        items={DS_VIEWS.filter(
          (v) =>
            (v !== 'to_divert' || can('disputes.dispatch')) &&
            ((v !== 'to_accept' && v !== 'in_hand') || can('disputes.handle')),
        ).map((v) => ({ key: v, label: t(`disputes.view.${v}` as MessageKey) }))}
      />
      <PagedLinkTable
        list={list}
        columns={columns}
        empty={t('disputes.tickets.empty')}
        rowPath={(d) => `/disputes/${d.id}`}
        page={page}
        onPage={(p) => set({ page: String(p) })}
        testId="disputes-table"
      />
      <IntakeModal
        open={creating}
        workOrderId={workOrderId}
        onClose={() => {
          setCreating(false);
          if (workOrderId) set({ workOrderId: undefined });
        }}
        onCreated={(id) => navigate(`/disputes/${id}`)}
      />
    </>
  );
}

interface PartyForm {
  role: (typeof DS_PARTY_ROLES)[number];
  from: 'registry' | 'new';
  residentId?: string;
  name?: string;
  phone?: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  residenceUnitId?: string;
  claims: string;
}

function ResidentPicker({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const ns = useNameSearch(search);
  const found = useQuery({
    queryKey: ['disputes', 'resident-search', ns.serverQuery, ns.pageSize(20)],
    queryFn: () => residentsApi.list({ q: ns.serverQuery }, 1, ns.pageSize(20)),
    enabled: search.trim().length > 0,
  });
  return (
    <Select
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setSearch}
      placeholder={t('disputes.field.resident')}
      options={(found.data?.items ?? [])
        .filter((r) => ns.keep(r.name))
        .map((r) => ({
          value: r.id,
          label: `${r.name}（${r.communityName ?? ''}${r.unitName ? ` ${r.unitName}` : ''}）`,
        }))}
      data-testid="party-resident"
    />
  );
}

function IntakeModal({
  open,
  workOrderId,
  onClose,
  onCreated,
}: {
  open: boolean;
  workOrderId?: string | undefined;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const save = useSaving((body: IntakeInput) => dsApi.register(body), {
    invalidate: dsKeys.all,
    done: (d) => t('disputes.intake.created', { number: d.number }),
    form,
    after: (d) => {
      form.resetFields();
      onClose();
      onCreated(d.id);
    },
  });
  const submit = (v: {
    source: IntakeInput['source'];
    sourceRef?: string;
    title: string;
    nature: IntakeInput['nature'];
    cause: string;
    place: string;
    placeUnitId: string;
    occurredAt?: { toISOString(): string };
    parties: PartyForm[];
  }) =>
    save.mutate({
      source: workOrderId ? 'work_order' : v.source,
      sourceRef: workOrderId ? null : v.sourceRef || null,
      workOrderId: workOrderId ?? null,
      title: v.title,
      nature: v.nature,
      cause: v.cause,
      place: v.place,
      placeUnitId: v.placeUnitId,
      occurredAt: v.occurredAt ? v.occurredAt.toISOString() : null,
      parties: v.parties.map((p) =>
        p.from === 'registry'
          ? { role: p.role, residentId: p.residentId, claims: p.claims }
          : {
              role: p.role,
              name: p.name,
              phone: p.phone || null,
              idNumber: p.idNumber || null,
              gender: p.gender ?? null,
              residenceUnitId: p.residenceUnitId ?? null,
              claims: p.claims,
            },
      ),
    } as IntakeInput);
  return (
    <ModalForm
      open={open}
      title={t('disputes.intake.title')}
      onClose={onClose}
      okText={t('disputes.intake.submit')}
      confirmLoading={save.isPending}
      width={760}
      form={form}
      onFinish={submit}
      initialValues={{
        source: 'police',
        nature: 'neighbour',
        parties: [
          { role: 'applicant', from: 'new' },
          { role: 'respondent', from: 'new' },
        ],
      }}
      testId="intake-form"
    >
      {workOrderId ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('disputes.intake.fromOrder')} />
      ) : null}
      {workOrderId ? null : (
        <Flex gap={12}>
          <Field name="source" label="disputes.field.source" required flex={1}>
            <Select
              options={labelOptions(
                t,
                'disputes.source',
                DS_SOURCES.filter((s) => s !== 'work_order'),
              )}
              data-testid="intake-source"
            />
          </Field>
          <Field name="sourceRef" label="disputes.field.sourceRef" flex={1}>
            <Input placeholder={t('disputes.field.sourceRefHint')} maxLength={100} />
          </Field>
        </Flex>
      )}
      <Flex gap={12}>
        <Field name="title" label="disputes.field.title" required flex={2}>
          <Input maxLength={100} data-testid="intake-title" />
        </Field>
        <Field name="nature" label="disputes.field.nature" required flex={1}>
          <Select options={labelOptions(t, 'disputes.nature', DS_NATURES)} />
        </Field>
      </Flex>
      <Field name="cause" label="disputes.field.cause" required>
        <Input.TextArea rows={2} maxLength={2000} data-testid="intake-cause" />
      </Field>
      <Flex gap={12}>
        <Field name="place" label="disputes.field.place" required flex={1}>
          <Input maxLength={200} data-testid="intake-place" />
        </Field>
        <Field name="placeUnitId" label="disputes.field.placeUnit" required flex={1}>
          <OrgUnitSelect
            selectableKinds={['community', 'grid', 'building']}
            searchKind="community"
            data-testid="intake-unit"
          />
        </Field>
        <Field name="occurredAt" label="disputes.field.occurredAt" style={{ width: 200 }}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Field>
      </Flex>
      <Divider titlePlacement="start" plain>
        {t('disputes.field.parties')}
      </Divider>
      <Form.List name="parties">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card size="small" key={f.key} style={{ marginBottom: 8 }} data-testid={`party-${i}`}>
                <Flex gap={12} align="start" wrap>
                  <Field name={[f.name, 'role']} label="disputes.field.role" style={{ width: 120 }}>
                    <Select options={labelOptions(t, 'disputes.role', DS_PARTY_ROLES)} />
                  </Field>
                  <Form.Item name={[f.name, 'from']} label=" " style={{ width: 160 }}>
                    <Radio.Group optionType="button" size="small">
                      <Radio.Button value="new">{t('disputes.intake.newPerson')}</Radio.Button>
                      <Radio.Button value="registry">{t('disputes.intake.fromRegistry')}</Radio.Button>
                    </Radio.Group>
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['parties', f.name, 'from']) === 'registry' ? (
                        <Field
                          name={[f.name, 'residentId']}
                          label="disputes.field.resident"
                          required
                          flex={1}
                        >
                          <ResidentPicker />
                        </Field>
                      ) : (
                        <Flex gap={8} style={{ width: '100%' }}>
                          <Field
                            name={[f.name, 'name']}
                            label="disputes.field.name"
                            required
                            style={{ width: 110 }}
                          >
                            <Input maxLength={50} data-testid={`party-name-${i}`} />
                          </Field>
                          <Field
                            name={[f.name, 'gender']}
                            label="disputes.field.gender"
                            style={{ width: 76 }}
                          >
                            <Select options={labelOptions(t, 'disputes.gender', ['male', 'female'])} />
                          </Field>
                          <Field name={[f.name, 'phone']} label="disputes.field.phone" style={{ width: 130 }}>
                            <Input maxLength={20} data-testid={`party-phone-${i}`} />
                          </Field>
                          <Field
                            name={[f.name, 'idNumber']}
                            label="disputes.field.idNumber"
                            style={{ width: 180 }}
                          >
                            <Input maxLength={18} data-testid={`party-id-${i}`} />
                          </Field>
                          <Field
                            name={[f.name, 'residenceUnitId']}
                            label="disputes.field.residenceUnit"
                            style={{ flex: 1, minWidth: 0 }}
                          >
                            <OrgUnitSelect
                              selectableKinds={['community', 'grid', 'building']}
                              searchKind="community"
                              allowClear
                            />
                          </Field>
                        </Flex>
                      )
                    }
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('disputes.intake.removeParty')}
                      style={{ marginTop: 30 }}
                    />
                  ) : null}
                </Flex>
                <Field
                  name={[f.name, 'claims']}
                  label="disputes.field.claims"
                  required
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea rows={1} maxLength={2000} data-testid={`party-claims-${i}`} />
                </Field>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ role: 'third', from: 'new' })}>
              {t('disputes.intake.addParty')}
            </Button>
          </>
        )}
      </Form.List>
    </ModalForm>
  );
}
