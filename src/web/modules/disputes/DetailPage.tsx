import { ArrowLeftOutlined, EyeOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useNameFilter } from '../../app/useNameSearch';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Rate,
  Row,
  Select,
  Space,
  Steps,
  Switch,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  DS_LEVELS,
  DS_STAGES,
  DS_TICKET_KINDS,
  DS_TRANSITIONS,
  type DsAction,
  type DsStatus,
  stageOf,
} from '../../../shared/contracts/disputes';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorResult, PageLoading } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDate, formatDateTime } from '../../app/format';
import { type MessageKey, type TFunction, useI18n } from '../../app/i18n';
import { labelColumn } from '../../app/components/columns';
import { type ActionInput, type Body, type DisputeDetail, type Reveal, dsApi, dsKeys } from './api';
import { Field, ModalForm, StatusTag, TicketTag, labelOf, labelOptions } from './meta';
import { SmallTable } from '../../app/components/SmallTable';
import { useSaving } from '../../app/components/useSaving';

const DANGER: readonly DsAction[] = ['refuse', 'fail', 'return'];

/** Why a community is the dispute's territory: 属地 (the place lies in it) and/or 主体 (a party lives in it). */
const reasonsText = (t: TFunction, c: DisputeDetail['territory'][number]) =>
  c.reasons
    .map((r) => t(r === 'place' ? 'disputes.detail.territoryPlace' : 'disputes.detail.territoryResidence'))
    .join('、');

/** A handling body to pick: its name, kind and open disputes (load). */
const bodyOption = (t: TFunction, b: Body) => ({
  value: b.id,
  label: `${b.name}（${labelOf(t, 'disputes.body', b.kind)}，${t('disputes.field.load')} ${b.load}）`,
});

/** One dispute: facts, parties (masked, audited reveal), the 研交办督结 loop, timeline, mediation and agreement. */
export default function DetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [acting, setActing] = useState<DsAction | null>(null);
  const q = useQuery({ queryKey: dsKeys.detail(id), queryFn: () => dsApi.detail(id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  const stage = stageOf(d.status as DsStatus);
  const stageIndex = DS_STAGES.indexOf(stage);
  const supervised = d.events.some((e) => e.stage === 'supervise');
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span>{d.title}</span>
            <StatusTag status={d.status as DsStatus} t={t} />
            <TicketTag kind={d.ticketKind} t={t} />
            {d.overdue ? <Tag color="red">{t('disputes.detail.overdue')}</Tag> : null}
            {d.specialAssignment ? <Tag color="purple">{t('disputes.field.special')}</Tag> : null}
          </Space>
        }
        subtitle={
          <>
            {`${d.number} · ${labelOf(t, 'disputes.source', d.source)}${d.sourceRef ? `（${d.sourceRef}）` : ''}`}
            {d.workOrderId ? (
              <Link
                to={`/work-orders/${d.workOrderId}`}
                style={{ marginLeft: 8 }}
                data-testid="dispute-work-order"
              >
                {t('disputes.detail.workOrder')}
              </Link>
            ) : null}
          </>
        }
        extra={
          <>
            <Link to="/disputes">
              <Button icon={<ArrowLeftOutlined />}>{t('disputes.detail.back')}</Button>
            </Link>
            {d.actions.map((a) => (
              <Button
                key={a}
                type={DANGER.includes(a) ? 'default' : 'primary'}
                danger={DANGER.includes(a)}
                onClick={() => setActing(a)}
                data-testid={`action-${a}`}
              >
                {labelOf(t, 'disputes.action', a)}
              </Button>
            ))}
          </>
        }
      />
      <Card size="small" title={t('disputes.detail.loop')} style={{ marginBottom: 12 }}>
        <Steps
          size="small"
          current={d.status === 'closed' ? DS_STAGES.length : Math.max(stageIndex, 0)}
          items={DS_STAGES.map((s, i) => ({
            title: `${t(`disputes.stage.${s}` as MessageKey)}　${t(`disputes.stageText.${s}` as MessageKey)}`,
            status:
              s === 'supervise'
                ? supervised || d.overdue
                  ? d.overdue
                    ? 'error'
                    : 'finish'
                  : 'wait'
                : d.status === 'closed' || i < stageIndex
                  ? 'finish'
                  : i === stageIndex
                    ? 'process'
                    : 'wait',
          }))}
        />
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('disputes.detail.info')} style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('disputes.field.nature')}>
                {labelOf(t, 'disputes.nature', d.nature)}
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes.field.occurredAt')}>
                {formatDateTime(d.occurredAt) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes.field.place')} span={2}>
                {d.place}
                {d.placeUnitName ? `（${d.placeUnitName}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes.field.cause')} span={2}>
                {d.cause}
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes.field.listEntry')} span={2}>
                {d.listEntry ? `${d.listEntry.code} ${d.listEntry.name}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes.field.community')}>
                {d.communityName ?? (d.divertedAt ? t('disputes.detail.byCentre') : '—')}
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes.field.body')}>{d.bodyName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('disputes.field.acceptDueAt')}>
                {formatDateTime(d.acceptDueAt) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes.field.finishDueAt')}>
                {formatDateTime(d.finishDueAt) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes.field.createdBy')}>
                {d.createdByName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes.field.createdAt')}>
                {formatDateTime(d.createdAt)}
              </Descriptions.Item>
              {d.outcome ? (
                <Descriptions.Item label={t('disputes.field.outcome')} span={2}>
                  {labelOf(t, 'disputes.outcome', d.outcome)}
                  {d.outcomeNote ? `：${d.outcomeNote}` : ''}
                </Descriptions.Item>
              ) : null}
              {d.rating ? (
                <Descriptions.Item label={t('disputes.field.rating')}>
                  <Rate disabled value={d.rating} />
                </Descriptions.Item>
              ) : null}
              {d.resolutionLevel ? (
                <Descriptions.Item label={t('disputes.field.level')}>
                  {labelOf(t, 'disputes.level', d.resolutionLevel)}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <PartiesCard d={d} />
          {d.mediationStartedAt ? <MediationCard d={d} /> : null}
        </Col>
        <Col xs={24} lg={9}>
          {d.territory.length ? (
            <Card size="small" title={t('disputes.detail.territory')} style={{ marginBottom: 12 }}>
              <Space wrap>
                {d.territory.map((c) => (
                  <Tag key={c.id} color={c.id === d.communityId ? 'blue' : undefined}>
                    {c.name}（{reasonsText(t, c)}）
                  </Tag>
                ))}
              </Space>
            </Card>
          ) : null}
          <Card size="small" title={t('disputes.detail.timeline')}>
            <Timeline
              items={d.events.map((e) => ({
                color:
                  e.action === 'escalate'
                    ? 'red'
                    : e.stage === 'supervise'
                      ? 'orange'
                      : e.stage === 'close'
                        ? 'green'
                        : 'blue',
                children: (
                  <div data-testid={`event-${e.action}`}>
                    <Space size={4}>
                      <Tag>{t(`disputes.stage.${e.stage}` as MessageKey)}</Tag>
                      <Typography.Text strong>{labelOf(t, 'disputes.action', e.action)}</Typography.Text>
                    </Space>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(e.at)} {e.actorName}
                      </Typography.Text>
                    </div>
                    {e.note ? <div>{e.note}</div> : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {acting ? <ActionModal d={d} action={acting} onClose={() => setActing(null)} /> : null}
    </>
  );
}

function PartiesCard({ d }: { d: DisputeDetail }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [shown, setShown] = useState<Record<string, Reveal>>({});
  const reveal = useMutation({
    mutationFn: (partyId: string) => dsApi.reveal(d.id, partyId).then((r) => [partyId, r] as const),
    onSuccess: ([partyId, r]) => setShown((s) => ({ ...s, [partyId]: r })),
    onError: (e) => showError(e),
  });
  return (
    <Card
      size="small"
      title={t('disputes.detail.parties')}
      style={{ marginBottom: 12 }}
      extra={
        d.canReveal ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('disputes.detail.revealNote')}
          </Typography.Text>
        ) : null
      }
    >
      <SmallTable
        rowKey="id"
        dataSource={d.parties}
        columns={[
          labelColumn(t, t('disputes.field.role'), 'role', 'disputes.role', 90),
          {
            title: t('disputes.field.name'),
            dataIndex: 'name',
            render: (v: string, p) => {
              const full = shown[p.id];
              return (
                <Space direction="vertical" size={0}>
                  <span data-testid={`party-name-${p.id}`}>
                    {full?.name ?? v}{' '}
                    {p.refusedAt ? <Tag color="red">{t('disputes.detail.refused')}</Tag> : null}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[full?.phone ?? p.phone, full?.idNumber ?? p.idNumber].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Space>
              );
            },
          },
          {
            title: t('disputes.field.residenceUnit'),
            dataIndex: 'residenceUnitName',
            render: (v: string | null, p) => v ?? p.residence ?? '—',
          },
          { title: t('disputes.field.claims'), dataIndex: 'claims' },
          {
            title: '',
            key: 'reveal',
            width: 50,
            render: (_: unknown, p) =>
              d.canReveal && !shown[p.id] ? (
                <Button
                  size="small"
                  type="text"
                  icon={<EyeOutlined />}
                  title={t('disputes.detail.reveal')}
                  aria-label={t('disputes.detail.reveal')}
                  onClick={() => reveal.mutate(p.id)}
                />
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

function MediationCard({ d }: { d: DisputeDetail }) {
  const { t } = useI18n();
  const showError = useShowError();
  const a = d.agreement as Record<string, string | number | boolean> | null;
  return (
    <Card size="small" title={t('disputes.detail.sessions')} style={{ marginBottom: 12 }}>
      <Alert type="info" showIcon message={t('disputes.detail.free')} style={{ marginBottom: 8 }} />
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('disputes.field.body')}>{d.bodyName}</Descriptions.Item>
        <Descriptions.Item label={t('disputes.field.mediators')}>
          {d.mediators.map((m) => m.name).join('、')}
        </Descriptions.Item>
        {d.jointBodies.length ? (
          <Descriptions.Item label={t('disputes.field.jointBodies')}>
            {d.jointBodies.map((b) => b.name).join('、')}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('disputes.field.mediationDueAt')}>
          {formatDate(d.mediationDueAt)}
        </Descriptions.Item>
      </Descriptions>
      {d.sessions.length ? (
        <Timeline
          items={d.sessions.map((s) => ({
            children: (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(s.heldAt)} {s.place ?? ''} {s.recordedBy ?? ''}
                </Typography.Text>
                <div>{s.record}</div>
              </div>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disputes.detail.noEvents')} />
      )}
      {a ? (
        <>
          <Typography.Title level={5}>{t('disputes.detail.agreement')}</Typography.Title>
          {d.confirmDueAt ? (
            <Alert
              type={d.status === 'agreed' || d.status === 'closed' ? 'warning' : 'info'}
              showIcon
              message={t('disputes.detail.confirmWindow', { date: formatDate(d.confirmDueAt) })}
              style={{ marginBottom: 8 }}
              data-testid="confirm-window"
            />
          ) : null}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('disputes.field.facts')}>{String(a.facts)}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.field.matters')}>{String(a.matters)}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.field.content')}>{String(a.content)}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.field.manner')}>
              {String(a.performanceManner)}
            </Descriptions.Item>
            <Descriptions.Item label={t('disputes.field.deadline')}>
              {String(a.performanceDeadline)}
            </Descriptions.Item>
            <Descriptions.Item label={t('disputes.field.copies')}>{String(a.copies)}</Descriptions.Item>
          </Descriptions>
          {d.canReveal && d.agreementEffectiveAt ? (
            <Button
              icon={<FilePdfOutlined />}
              style={{ marginTop: 8 }}
              onClick={() => dsApi.agreementPdf(d.id).catch((e) => showError(e))}
            >
              {t('disputes.detail.agreementPdf')}
            </Button>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}

/** The form of one step: only the fields that step needs. */
function ActionModal({ d, action, onClose }: { d: DisputeDetail; action: DsAction; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const nameFilter = useNameFilter();
  const needsBodies = action === 'divert' || action === 'start_mediation';
  const lists = useQuery({ queryKey: dsKeys.lists, queryFn: dsApi.lists, enabled: action === 'divert' });
  const bodies = useQuery({
    queryKey: dsKeys.bodiesFor(d.id),
    queryFn: () => dsApi.bodiesFor(d.id),
    enabled: needsBodies,
  });
  const run = useSaving((body: ActionInput) => dsApi.act(d.id, body), {
    invalidate: dsKeys.all,
    done: () => t('disputes.action.done'),
    form,
    after: onClose,
  });
  const entries = (lists.data?.lists ?? []).flatMap((l) =>
    l.entries.map((e) => ({ ...e, key: `${l.list}:${e.code}` })),
  );
  const committees = (bodies.data?.items ?? []).filter((b) => b.kind === 'mediation_committee' && b.active);
  const onEntry = (key: string) => {
    const e = entries.find((x) => x.key === key);
    if (!e) return;
    const body = (bodies.data?.items ?? []).find((b) => b.kind === e.suggestedBody && b.active);
    form.setFieldsValue({ ticketKind: e.suggestedTicket, ...(body && { bodyId: body.id }) });
  };
  const submit = (v: Record<string, unknown>) => {
    const body: Record<string, unknown> = { action, note: v.note || null, version: d.version };
    if (action === 'divert') {
      const [list, entryCode] = String(v.entry ?? ':').split(':');
      Object.assign(body, {
        list,
        entryCode,
        ticketKind: v.ticketKind,
        communityId: v.communityId === 'centre' ? null : v.communityId,
        bodyId: v.bodyId ?? null,
        specialAssignment: !!v.specialAssignment,
      });
    }
    if (action === 'start_mediation')
      Object.assign(body, {
        bodyId: v.bodyId,
        mediatorIds: v.mediatorIds ?? [],
        jointBodyIds: v.jointBodyIds ?? [],
      });
    if (action === 'refuse') body.partyId = v.partyId;
    if (action === 'session')
      Object.assign(body, {
        record: v.record,
        place: v.place || null,
        heldAt: v.heldAt ? (v.heldAt as { toISOString(): string }).toISOString() : undefined,
      });
    if (action === 'extend') body.days = v.days;
    if (action === 'agree')
      body.agreement = {
        facts: v.facts,
        matters: v.matters,
        content: v.content,
        performanceManner: v.performanceManner,
        performanceDeadline: v.performanceDeadline
          ? (v.performanceDeadline as { format(f: string): string }).format('YYYY-MM-DD')
          : '',
        partiesSigned: !!v.partiesSigned,
        mediatorSigned: !!v.mediatorSigned,
        committeeSealed: !!v.committeeSealed,
      };
    if (action === 'fail') body.legalOptions = v.legalOptions;
    if (action === 'follow_up') body.performance = v.performance;
    if (action === 'close') Object.assign(body, { rating: v.rating, resolutionLevel: v.resolutionLevel });
    run.mutate(body as ActionInput);
  };
  const placeCommunity = d.territory.find((c) => c.reasons.includes('place'));
  return (
    <ModalForm
      open
      title={labelOf(t, 'disputes.action', action)}
      onClose={onClose}
      confirmLoading={run.isPending}
      okButtonProps={{ danger: DANGER.includes(action), id: 'action-ok' }}
      width={action === 'agree' || action === 'divert' ? 680 : 520}
      form={form}
      onFinish={submit}
      initialValues={{
        communityId: placeCommunity?.id ?? 'centre',
        resolutionLevel: 'community',
        rating: 5,
        bodyId: action === 'start_mediation' ? (committees[0]?.id ?? d.bodyId ?? undefined) : undefined,
      }}
      testId="action-form"
    >
      {action === 'divert' ? (
        <>
          <Field name="entry" label="disputes.field.listEntry" required>
            <Select
              showSearch
              optionFilterProp="label"
              onChange={onEntry}
              loading={lists.isPending}
              data-testid="divert-entry"
              options={(lists.data?.lists ?? []).map((l) => ({
                label: t(`disputes.list.${l.list}` as MessageKey),
                options: l.entries.map((e) => ({
                  value: `${l.list}:${e.code}`,
                  label: `${e.code} ${e.name}（${labelOf(t, 'disputes.category', e.category)}）`,
                })),
              }))}
            />
          </Field>
          <Field name="ticketKind" label="disputes.field.ticket" required>
            <Select
              options={labelOptions(t, 'disputes.ticket', DS_TICKET_KINDS)}
              data-testid="divert-ticket"
            />
          </Field>
          <Field name="communityId" label="disputes.field.community" required>
            <Select
              data-testid="divert-community"
              options={[
                ...d.territory.map((c) => ({
                  value: c.id,
                  label: `${c.name}（${reasonsText(t, c)}）`,
                })),
                { value: 'centre', label: t('disputes.detail.byCentre') },
              ]}
            />
          </Field>
          <Field name="bodyId" label="disputes.field.body">
            <Select
              allowClear
              options={(bodies.data?.items ?? []).filter((b) => b.active).map((b) => bodyOption(t, b))}
            />
          </Field>
          <Field
            name="specialAssignment"
            label="disputes.field.special"
            valuePropName="checked"
            extra={t('disputes.field.specialHint')}
          >
            <Switch />
          </Field>
        </>
      ) : null}
      {action === 'start_mediation' ? (
        <>
          <Alert type="info" showIcon message={t('disputes.detail.free')} style={{ marginBottom: 12 }} />
          <Field name="bodyId" label="disputes.field.body" required>
            <Select
              showSearch
              optionFilterProp="label"
              options={committees.map((b) => ({ value: b.id, label: b.name }))}
              onChange={() => form.setFieldValue('mediatorIds', [])}
              data-testid="mediation-body"
            />
          </Field>
          <Form.Item noStyle shouldUpdate>
            {() => {
              const body = committees.find((b) => b.id === form.getFieldValue('bodyId'));
              return (
                <Field name="mediatorIds" label="disputes.field.mediators" required>
                  <Select
                    mode="multiple"
                    showSearch={{ filterOption: nameFilter }}
                    data-testid="mediation-mediators"
                    options={(body?.members ?? []).map((m) => ({
                      value: m.id,
                      label: `${m.name}（${labelOf(t, 'disputes.position', m.position)}）`,
                    }))}
                  />
                </Field>
              );
            }}
          </Form.Item>
          <Field name="jointBodyIds" label="disputes.field.jointBodies">
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              data-testid="mediation-joint"
              options={(bodies.data?.items ?? [])
                .filter((b) => b.kind !== 'mediation_committee')
                .map((b) => bodyOption(t, b))}
            />
          </Field>
        </>
      ) : null}
      {action === 'refuse' ? (
        <Field name="partyId" label="disputes.field.refusingParty" required>
          <Select
            options={d.parties.map((p) => ({
              value: p.id,
              label: `${labelOf(t, 'disputes.role', p.role)} ${p.name}`,
            }))}
          />
        </Field>
      ) : null}
      {action === 'session' ? (
        <>
          <Space>
            <Field name="heldAt" label="disputes.field.heldAt">
              <DatePicker showTime />
            </Field>
            <Field name="place" label="disputes.field.place">
              <Input maxLength={200} />
            </Field>
          </Space>
          <Field name="record" label="disputes.field.record" required>
            <Input.TextArea rows={4} maxLength={4000} data-testid="session-record" />
          </Field>
        </>
      ) : null}
      {action === 'extend' ? (
        <Field name="days" label="disputes.field.days" required>
          <InputNumber min={1} max={90} />
        </Field>
      ) : null}
      {action === 'agree' ? (
        <>
          <Field name="facts" label="disputes.field.facts" required>
            <Input.TextArea rows={2} maxLength={4000} data-testid="agree-facts" />
          </Field>
          <Field name="matters" label="disputes.field.matters" required>
            <Input.TextArea rows={2} maxLength={4000} data-testid="agree-matters" />
          </Field>
          <Field name="content" label="disputes.field.content" required>
            <Input.TextArea rows={2} maxLength={4000} data-testid="agree-content" />
          </Field>
          <Space>
            <Field name="performanceManner" label="disputes.field.manner" required>
              <Input maxLength={1000} style={{ width: 300 }} data-testid="agree-manner" />
            </Field>
            <Field name="performanceDeadline" label="disputes.field.deadline" required>
              <DatePicker data-testid="agree-deadline" />
            </Field>
          </Space>
          <Form.Item name="partiesSigned" valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox data-testid="agree-parties">{t('disputes.field.partiesSigned')}</Checkbox>
          </Form.Item>
          <Form.Item name="mediatorSigned" valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox data-testid="agree-mediator">{t('disputes.field.mediatorSigned')}</Checkbox>
          </Form.Item>
          <Form.Item name="committeeSealed" valuePropName="checked">
            <Checkbox data-testid="agree-seal">{t('disputes.field.committeeSealed')}</Checkbox>
          </Form.Item>
        </>
      ) : null}
      {action === 'fail' ? (
        <Field name="legalOptions" label="disputes.field.legalOptions" required>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('disputes.field.legalOptionsHint')} />
        </Field>
      ) : null}
      {action === 'follow_up' ? (
        <Field name="performance" label="disputes.field.performance" required>
          <Select
            options={labelOptions(t, 'disputes.performance', ['performed', 'partial', 'not_performed'])}
          />
        </Field>
      ) : null}
      {action === 'close' ? (
        <>
          <Field name="rating" label="disputes.field.rating" required>
            <Rate />
          </Field>
          <Field name="resolutionLevel" label="disputes.field.level" required>
            <Select options={labelOptions(t, 'disputes.level', DS_LEVELS)} />
          </Field>
        </>
      ) : null}
      <Field
        name="note"
        label={action === 'extend' ? 'disputes.field.consent' : 'disputes.field.note'}
        required={['return', 'supervise', 'refuse', 'extend', 'finish', 'follow_up'].includes(action)}
      >
        <Input.TextArea rows={2} maxLength={2000} data-testid="action-note" />
      </Field>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`disputes.stageText.${DS_TRANSITIONS[action].stage}` as MessageKey)}
      </Typography.Text>
    </ModalForm>
  );
}
