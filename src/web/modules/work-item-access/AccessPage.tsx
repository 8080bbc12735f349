import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ActionModalProps, ActionSubmitModal } from '../../app/components/ActionModal';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { ActionButtons, EventHead, RecordDrawer } from '../../app/components/RecordDrawer';
import { PagedCard } from '../../app/components/PagedCard';
import { formatDate, formatDateTime } from '../../app/format';
import { SubmitModal } from '../../app/components/SubmitModal';
import { useSaving } from '../../app/components/useSaving';
import { type MessageKey, useI18n } from '../../app/i18n';
import { clickableRows } from '../../app/components/clickableRows';
import { dashColumn, dateColumn } from '../../app/components/columns';
import { textLines } from '../../app/textLines';
import { enumOptions } from '../../app/components/enumOptions';
import { OrgUnitSelect } from '../org/api';
import { type Application, type ApplicationDetail, type Item, wiaApi, wiaKeys } from './api';

const STATE_COLOR: Record<string, string> = {
  submitted: 'gold',
  consulting: 'processing',
  approved: 'green',
  refused: 'red',
  purchase: 'purple',
  exempt: 'cyan',
};
type Action = ApplicationDetail['actions'][number];
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });

/** 社区工作事项准入 (R-AC-1): applications with their 15-working-day deadline, the lists, refusals. */
export default function AccessPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState(
    can('work_item_access.decide') || can('work_item_access.apply') ? 'apps' : 'items',
  );
  const [applying, setApplying] = useState(false);
  const [refusing, setRefusing] = useState(false);
  return (
    <>
      <PageHeader
        title={t('wia.title')}
        subtitle={t('wia.subtitle')}
        extra={
          <Space>
            {can('work_item_access.apply') ? (
              <AddButton onClick={() => setApplying(true)}>{t('wia.apply')}</AddButton>
            ) : null}
            {can('work_item_access.refuse') ? (
              <Button danger onClick={() => setRefusing(true)}>
                {t('wia.refuse')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          ...(can('work_item_access.decide') || can('work_item_access.apply')
            ? [
                {
                  key: 'apps',
                  label: t('wia.tab.applications'),
                  children: (
                    <Applications
                      overdue={params.get('overdue') === 'true'}
                      setOverdue={(v) => setParams(v ? { overdue: 'true' } : {}, { replace: true })}
                    />
                  ),
                },
              ]
            : []),
          { key: 'items', label: t('wia.tab.items'), children: <Items list="admitted" /> },
          { key: 'purchase', label: t('wia.tab.purchase'), children: <Items list="purchase" /> },
          { key: 'refusals', label: t('wia.tab.refusals'), children: <Refusals /> },
        ]}
      />
      <ApplyModal open={applying} onClose={() => setApplying(false)} />
      <RefuseModal open={refusing} onClose={() => setRefusing(false)} />
    </>
  );
}

/** An application's state, followed by a red 逾期 tag when its decision is overdue. */
function StateTag({ state, overdue }: { state: string; overdue: boolean }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <Tag color={STATE_COLOR[state]}>{t(`wia.state.${state}` as MessageKey)}</Tag>
      {overdue ? <Tag color="red">{t('wia.overdue')}</Tag> : null}
    </Space>
  );
}

function Applications({ overdue, setOverdue }: { overdue: boolean; setOverdue: (v: boolean) => void }) {
  const { t } = useI18n();
  const [openId, setOpenId] = useState<string | null>(null);
  const q = (page: number) => ({ overdue: overdue ? ('true' as const) : undefined, page, pageSize: 20 });
  return (
    <PagedCard<Application>
      queryKey={(page) => wiaKeys.apps(q(page))}
      fetch={(page) => wiaApi.apps(q(page))}
      toolbar={
        <Checkbox
          checked={overdue}
          onChange={(e) => setOverdue(e.target.checked)}
          style={{ marginBottom: 12 }}
        >
          {t('wia.overdueOnly')}
        </Checkbox>
      }
      empty={t('wia.empty')}
      onRow={clickableRows((r) => setOpenId(r.id))}
      columns={[
        { title: t('wia.field.number'), dataIndex: 'number', width: 120 },
        { title: t('wia.field.department'), dataIndex: 'department', width: 180 },
        { title: t('wia.field.item'), dataIndex: 'item' },
        dateColumn(t('wia.field.submittedAt'), 'submittedAt', 110),
        {
          title: t('wia.field.due'),
          dataIndex: 'dueAt',
          width: 150,
          render: (v: string | null, r) =>
            v ? (
              <span>
                {formatDate(v)}
                {r.dueEstimated ? t('wia.estimated') : ''}
              </span>
            ) : (
              '—'
            ),
        },
        {
          title: t('wia.field.left'),
          dataIndex: 'workingDaysLeft',
          width: 100,
          render: (v: number | null) => (v === null ? '—' : v < 0 ? <Tag color="red">{v}</Tag> : v),
        },
        {
          title: t('wia.field.state'),
          dataIndex: 'state',
          width: 160,
          render: (s: string, r) => <StateTag state={s} overdue={r.overdue} />,
        },
      ]}
    >
      <DetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </PagedCard>
  );
}

function DetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const d = useQuery({ queryKey: wiaKeys.app(id ?? ''), queryFn: () => wiaApi.app(id!), enabled: !!id });
  const [action, setAction] = useState<Action | null>(null);
  return (
    <RecordDrawer id={id} record={d} onClose={onClose} title={(a) => `${a.number}　${a.item}`}>
      {(a) => (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('wia.field.department')}>
              {a.department}
              {a.contactName ? `（${a.contactName}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('wia.field.content')}>{a.content}</Descriptions.Item>
            <Descriptions.Item label={t('wia.field.basisKind')}>
              {t(`wia.basis.${a.basisKind}` as MessageKey)}
              {a.basis ? `：${a.basis}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('wia.field.training')}>
              {a.trainingStaff.map((s) => `${s.name}（${s.post}）`).join('、') || '—'}
              {a.trainingPlan ? <div>{a.trainingPlan}</div> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('wia.field.funds')}>
              {yuan(a.fundsFen)}
              {a.fundsNote ? <div>{a.fundsNote}</div> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('wia.field.state')}>
              <StateTag state={a.state} overdue={a.overdue} />
            </Descriptions.Item>
            {a.dueAt ? (
              <Descriptions.Item label={t('wia.field.due')}>
                {formatDateTime(a.dueAt)}
                {a.dueEstimated ? t('wia.estimated') : ''}
                {a.workingDaysLeft !== null ? `　${t('wia.field.left')}：${a.workingDaysLeft}` : ''}
              </Descriptions.Item>
            ) : null}
            {a.decisionNote ? (
              <Descriptions.Item label={t('wia.field.decision')}>
                {a.decisionNote}
                {a.meetingRef ? `（${a.meetingRef}）` : ''}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <ActionButtons
            actions={a.actions}
            prefix="wia.action"
            primary={['approve']}
            danger={['refuse']}
            onPick={setAction}
          />
          {a.opinions.length ? (
            <>
              <Typography.Title level={5}>{t('wia.opinions')}</Typography.Title>
              {a.opinions.map((o) => (
                <Typography.Paragraph key={o.id}>
                  <Tag>{t(`wia.stance.${o.stance}` as MessageKey)}</Tag>
                  {o.department}：{o.text}
                </Typography.Paragraph>
              ))}
            </>
          ) : null}
          <Typography.Title level={5}>{t('wia.timeline')}</Typography.Title>
          <Timeline
            items={a.events.map((e) => ({
              color: e.action === 'overdue' || e.action === 'refuse' ? 'red' : 'blue',
              children: (
                <div>
                  <EventHead
                    label={t(`wia.event.${e.action}` as MessageKey)}
                    at={e.at}
                    actor={e.actorName ? `　${e.actorName}` : ''}
                  />
                  {e.comment ? <div>{e.comment}</div> : null}
                </div>
              ),
            }))}
          />
          <ActionModal record={a} action={action} onClose={() => setAction(null)} />
        </>
      )}
    </RecordDrawer>
  );
}

function ActionModal({ record: app, action, onClose }: ActionModalProps<ApplicationDetail, Action>) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const submit = (v: {
    comment?: string;
    department?: string;
    stance?: 'agree' | 'disagree' | 'conditional';
    meetingRef?: string;
  }) =>
    wiaApi.act(app.id, {
      action: action!,
      comment: v.comment || null,
      department: v.department || null,
      stance: v.stance ?? null,
      meetingRef: v.meetingRef || null,
    });
  const decision = action === 'approve' || action === 'refuse' || action === 'route_purchase';
  return (
    <ActionSubmitModal
      action={action}
      prefix="wia.action"
      form={form}
      preserve={false}
      invalidate={wiaKeys.all}
      savedText={t('wia.saved')}
      onClose={onClose}
      submit={submit}
    >
      {action === 'opinion' ? (
        <>
          <Form.Item name="department" label={t('wia.field.opinionDept')} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="stance" label={t('wia.field.stance')} rules={[{ required: true }]}>
            <Select options={enumOptions(t, 'wia.stance', ['agree', 'conditional', 'disagree'])} />
          </Form.Item>
        </>
      ) : null}
      {decision ? (
        <Form.Item name="meetingRef" label={t('wia.field.meetingRef')}>
          <Input maxLength={120} />
        </Form.Item>
      ) : null}
      <Form.Item
        name="comment"
        label={t('wia.field.comment')}
        rules={
          action === 'refuse' || action === 'route_purchase' || action === 'opinion'
            ? [{ required: true }]
            : []
        }
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </ActionSubmitModal>
  );
}

function Items({ list }: { list: 'admitted' | 'purchase' }) {
  const { t } = useI18n();
  const review = useSaving(
    (v: { id: string; decision: 'keep' | 'remove'; note: string }) =>
      wiaApi.review(v.id, { decision: v.decision, note: v.note }),
    {
      invalidate: wiaKeys.all,
      done: () => t('wia.saved'),
    },
  );
  const ask = (item: Item, decision: 'keep' | 'remove') => {
    let note = '';
    Modal.confirm({
      title: `${t(`wia.action.${decision}` as MessageKey)}：${item.item}`,
      content: (
        <Input.TextArea
          rows={3}
          placeholder={t('wia.field.reviewNote')}
          onChange={(e) => (note = e.target.value)}
        />
      ),
      onOk: () => review.mutateAsync({ id: item.id, decision, note: note.trim() || t('wia.field.review') }),
    });
  };
  return (
    <PagedCard<Item>
      queryKey={(page) => wiaKeys.items(list, page)}
      fetch={(page) => wiaApi.items(list, page)}
      empty={t('wia.empty')}
      expandable={{ expandedRowRender: (r) => <Typography.Paragraph>{r.content}</Typography.Paragraph> }}
      columns={[
        { title: t('wia.field.item'), dataIndex: 'item' },
        { title: t('wia.field.department'), dataIndex: 'department', width: 180 },
        {
          title: t('wia.field.kind'),
          dataIndex: 'kind',
          width: 110,
          render: (k: string) => <Tag>{t(`wia.kind.${k}` as MessageKey)}</Tag>,
        },
        dashColumn(t('wia.field.basis'), 'basis', 200),
        { title: t('wia.field.funds'), dataIndex: 'fundsFen', width: 120, render: yuan },
        { title: t('wia.field.publishedOn'), dataIndex: 'publishedOn', width: 110 },
        {
          title: t('wia.field.review'),
          width: 190,
          render: (_: unknown, r) => (
            <Space size={4} wrap>
              <Tag color={r.status === 'active' ? 'green' : 'default'}>
                {t(`wia.status.${r.status}` as MessageKey)}
              </Tag>
              {r.reviewedOn ? <Typography.Text type="secondary">{r.reviewedOn}</Typography.Text> : null}
              {r.abilities.review ? (
                <>
                  <Button size="small" type="link" onClick={() => ask(r, 'keep')}>
                    {t('wia.action.keep')}
                  </Button>
                  <Button size="small" type="link" danger onClick={() => ask(r, 'remove')}>
                    {t('wia.action.remove')}
                  </Button>
                </>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

function Refusals() {
  const { t } = useI18n();
  return (
    <PagedCard
      queryKey={wiaKeys.refusals}
      fetch={wiaApi.refusals}
      empty={t('wia.empty')}
      columns={[
        { title: t('wia.field.community'), dataIndex: 'orgUnitName', width: 120 },
        { title: t('wia.field.department'), dataIndex: 'department', width: 180 },
        { title: t('wia.field.matter'), dataIndex: 'matter' },
        { title: t('wia.field.requestedOn'), dataIndex: 'requestedOn', width: 110 },
        { title: t('wia.field.note'), dataIndex: 'note' },
      ]}
    />
  );
}

function ApplyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const basisKind = Form.useWatch('basisKind', form);
  const mut = (v: {
    orgUnitId: string;
    department: string;
    contactName?: string;
    item: string;
    content: string;
    basisKind: 'none' | 'law' | 'superior';
    basis?: string;
    training?: string;
    trainingPlan?: string;
    funds?: number;
    fundsNote?: string;
  }) =>
    wiaApi.apply({
      orgUnitId: v.orgUnitId,
      department: v.department,
      contactName: v.contactName || null,
      item: v.item,
      content: v.content,
      basisKind: v.basisKind,
      basis: v.basis || null,
      trainingStaff: textLines(v.training).map((l) => {
        const [name, ...post] = l.split(/\s+/);
        return { name: name!, post: post.join(' ') || '—' };
      }),
      trainingPlan: v.trainingPlan || null,
      fundsFen: Math.round((v.funds ?? 0) * 100),
      fundsNote: v.fundsNote || null,
    });
  return (
    <SubmitModal
      open={open}
      title={t('wia.apply')}
      width={640}
      destroyOnHidden={false}
      resetOnSave
      initialValues={{ basisKind: 'none' }}
      invalidate={wiaKeys.all}
      savedText={null}
      onClose={onClose}
      form={form}
      submit={mut}
    >
      <Form.Item name="orgUnitId" label={t('wia.field.level')} rules={[{ required: true }]}>
        <OrgUnitSelect selectableKinds={['city', 'district']} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="department"
          label={t('wia.field.department')}
          rules={[{ required: true }]}
          style={{ flex: 2 }}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="contactName" label={t('wia.field.contact')} style={{ flex: 1 }}>
          <Input maxLength={40} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="item" label={t('wia.field.item')} rules={[{ required: true }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="content" label={t('wia.field.content')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="basisKind" label={t('wia.field.basisKind')}>
        <Select options={enumOptions(t, 'wia.basis', ['none', 'law', 'superior'])} />
      </Form.Item>
      {basisKind && basisKind !== 'none' ? (
        <Form.Item name="basis" label={t('wia.field.basis')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      ) : null}
      <Form.Item name="training" label={t('wia.field.training')} extra={t('wia.field.trainingHint')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="trainingPlan" label={t('wia.field.trainingPlan')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="funds" label={t('wia.field.funds')} style={{ flex: 1 }}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="fundsNote" label={t('wia.field.fundsNote')} style={{ flex: 2 }}>
          <Input maxLength={1000} />
        </Form.Item>
      </Space.Compact>
    </SubmitModal>
  );
}

function RefuseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const mut = (v: {
    communityId: string;
    department: string;
    matter: string;
    requestedOn: Dayjs;
    note?: string;
  }) =>
    wiaApi.refuse({
      communityId: v.communityId,
      department: v.department,
      matter: v.matter,
      requestedOn: v.requestedOn.format('YYYY-MM-DD'),
      note: v.note || null,
    });
  return (
    <SubmitModal
      open={open}
      title={t('wia.refuse')}
      destroyOnHidden={false}
      resetOnSave
      initialValues={{ requestedOn: dayjs() }}
      invalidate={wiaKeys.all}
      savedText={null}
      onClose={onClose}
      submit={mut}
    >
      <Form.Item name="communityId" label={t('wia.field.community')} rules={[{ required: true }]}>
        <OrgUnitSelect selectableKinds={['community']} searchKind="community" />
      </Form.Item>
      <Form.Item name="department" label={t('wia.field.department')} rules={[{ required: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="matter" label={t('wia.field.matter')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="requestedOn" label={t('wia.field.requestedOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('wia.field.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </SubmitModal>
  );
}
