import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  type TableProps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ActionModalProps, ActionSubmitModal } from '../../app/components/ActionModal';
import { AddButton } from '../../app/components/AddButton';
import { PageHeader } from '../../app/components/PageHeader';
import { ActionButtons, EventHead, RecordDrawer } from '../../app/components/RecordDrawer';
import { EmptyHint, ErrorResult } from '../../app/components/Status';
import { SubmitModal } from '../../app/components/SubmitModal';
import { type MessageKey, useI18n } from '../../app/i18n';
import { paramValues } from '../../app/useSearchPatch';
import { clickableRows } from '../../app/components/clickableRows';
import { textLines } from '../../app/textLines';
import { enumOptions } from '../../app/components/enumOptions';
import { useAuth } from '../../app/auth';
import {
  type Task,
  type TaskDetail,
  type TaskList,
  type TaskQuery,
  ktApi,
  ktKeys,
  ownerText,
  ownerWithUnit,
} from './api';
import {
  ContentField,
  DeadlineTextField,
  DueOnField,
  EditTaskModal,
  ListModal,
  type OwnerValues,
  OwnersField,
  PhaseField,
  UnitsField,
  ownersOf,
} from './ListForms';
import { EventNotes } from './EventNotes';
import { FilterSelect } from '../../app/components/FilterSelect';
import { SmallTable } from '../../app/components/SmallTable';
import { PageTable } from '../../app/components/PageTable';

const STATE_COLOR: Record<string, string> = { open: 'default', in_progress: 'processing', done: 'green' };

/** A task's units, each with the post and person it names for it (责任到人, S002-37): 社会事务办（负责人 吴兰兰）. */
const unitsWithOwners = (task: Pick<Task, 'units' | 'owners'>) =>
  task.units
    .map((u) => {
      const o = task.owners.find((x) => x.unit === u);
      return o ? `${u}（${ownerText(o)}）` : u;
    })
    .join('、');
type Action = 'report' | 'complete' | 'reopen' | 'supervise' | 'interview';

/** 重点任务清单 (R-TK-1): the board of a list, its tasks, and each task's reports, 督办 and 约谈. */
export default function TasksPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const lists = useQuery({ queryKey: ktKeys.lists, queryFn: ktApi.lists });
  const listId = params.get('list') ?? lists.data?.items[0]?.id;
  const list = lists.data?.items.find((l) => l.id === listId);
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [newList, setNewList] = useState(false);
  const { can } = useAuth();
  const pickList = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('list', id);
    for (const k of ['state', 'overdue', 'unit', 'q']) next.delete(k);
    setParams(next, { replace: true });
  };
  const listButton = can('key_tasks.manage') ? (
    <Button icon={<PlusOutlined />} onClick={() => setNewList(true)}>
      {t('keyTasks.form.newList')}
    </Button>
  ) : null;
  const listModal = newList ? <ListModal onClose={() => setNewList(false)} onSaved={pickList} /> : null;
  const q: TaskQuery = {
    listId,
    ...paramValues(params, ['state', 'unit', 'q']),
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    page,
    pageSize: 20,
  };
  const tasks = useQuery({ queryKey: ktKeys.tasks(q), queryFn: () => ktApi.tasks(q), enabled: !!listId });
  const board = useQuery({
    queryKey: ktKeys.board(listId ?? ''),
    queryFn: () => ktApi.board(listId!),
    enabled: !!listId,
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'list') for (const k of ['state', 'overdue', 'unit', 'q']) next.delete(k);
    setParams(next, { replace: true });
    setPage(1);
  };

  if (lists.isError) return <ErrorResult error={lists.error} onRetry={() => lists.refetch()} />;
  if (lists.data && lists.data.items.length === 0)
    return (
      <>
        <PageHeader
          title={t('keyTasks.tasks.title')}
          subtitle={t('keyTasks.tasks.subtitle')}
          extra={listButton}
        />
        <EmptyHint text={t('keyTasks.tasks.noList')} />
        {listModal}
      </>
    );
  const c = list?.counts;
  return (
    <>
      <PageHeader
        title={t('keyTasks.tasks.title')}
        subtitle={t('keyTasks.tasks.subtitle')}
        extra={
          <Space>
            {listButton}
            {list?.abilities.manage ? (
              <AddButton onClick={() => setCreating(true)}>{t('keyTasks.tasks.new')}</AddButton>
            ) : null}
            {listId ? (
              <Button icon={<DownloadOutlined />} onClick={() => ktApi.exportXlsx({ ...q })}>
                {t('keyTasks.tasks.export')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            style={{ width: '100%', maxWidth: 720 }}
            value={listId}
            loading={lists.isPending}
            aria-label={t('keyTasks.tasks.list')}
            options={(lists.data?.items ?? []).map((l: TaskList) => ({
              value: l.id,
              label: `${l.title}（${l.orgUnitName ?? ''}）`,
            }))}
            onChange={(v) => set('list', v)}
          />
          {list ? (
            <Typography.Text type="secondary">
              {list.groupName ? t('keyTasks.tasks.group', { name: list.groupName }) : null}
              {list.source ? `　${t('keyTasks.tasks.source', { source: list.source })}` : null}
            </Typography.Text>
          ) : null}
          {list?.phases.length ? (
            <Space wrap>
              <Typography.Text>{t('keyTasks.tasks.phases')}：</Typography.Text>
              {list.phases.map((p) => (
                <Tag key={p.key}>
                  {p.name}（{p.from.slice(0, 7)}—{p.to.slice(0, 7)}）
                </Tag>
              ))}
            </Space>
          ) : null}
        </Space>
      </Card>
      {c ? (
        <Row gutter={12} style={{ marginBottom: 12 }}>
          {(
            [
              ['total', c.total],
              ['done', c.done],
              ['inProgress', c.inProgress],
              ['open', c.open],
              ['overdue', c.overdue],
            ] as const
          ).map(([k, v]) => (
            <Col key={k} xs={12} sm={8} md={4}>
              <Card size="small">
                <Statistic
                  title={t(`keyTasks.count.${k}` as MessageKey)}
                  value={v}
                  valueStyle={k === 'overdue' && v > 0 ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
      {board.data ? (
        <Row gutter={12} style={{ marginBottom: 12 }}>
          <Col xs={24} lg={14}>
            <BoardCard
              title={t('keyTasks.board.byUnit')}
              by="unit"
              rows={board.data.byUnit}
              scroll={{ y: 260 }}
              onRow={clickableRows((r) => set('unit', r.unit))}
              overdue={(v) => (v ? <Tag color="red">{v}</Tag> : 0)}
              extra={[
                {
                  title: t('keyTasks.board.owners'),
                  dataIndex: 'owners',
                  render: (os: { post: string; name: string }[]) =>
                    os.length ? os.map(ownerText).join('、') : '—',
                },
              ]}
            />
          </Col>
          <Col xs={24} lg={10}>
            <BoardCard title={t('keyTasks.board.byDeadline')} by="month" rows={board.data.byDeadline} />
          </Col>
        </Row>
      ) : null}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('keyTasks.tasks.search')}
            defaultValue={q.q}
            onSearch={(v) => set('q', v || undefined)}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('keyTasks.field.state')}
            value={q.state}
            onChange={(v) => set('state', v)}
            options={enumOptions(t, 'keyTasks.state', ['open', 'in_progress', 'done'])}
          />
          <FilterSelect
            width={220}
            placeholder={t('keyTasks.tasks.unitFilter')}
            value={q.unit}
            onChange={(v) => set('unit', v)}
            options={(board.data?.byUnit ?? []).map((u) => ({ value: u.unit, label: u.unit }))}
          />
          <Checkbox
            checked={q.overdue === 'true'}
            onChange={(e) => set('overdue', e.target.checked ? 'true' : undefined)}
          >
            {t('keyTasks.tasks.overdueOnly')}
          </Checkbox>
        </Space>
        <PageTable<Task>
          list={tasks}
          page={page}
          onPage={setPage}
          empty={t('keyTasks.tasks.empty')}
          loading={tasks.isPending && !!listId}
          onRow={clickableRows((r) => setOpenId(r.id))}
          columns={[
            { title: t('keyTasks.field.number'), dataIndex: 'number', width: 60 },
            { title: t('keyTasks.field.content'), dataIndex: 'content' },
            {
              title: t('keyTasks.field.units'),
              dataIndex: 'units',
              width: 260,
              render: (_: string[], r) => unitsWithOwners(r),
            },
            {
              title: t('keyTasks.field.deadline'),
              dataIndex: 'dueOn',
              width: 120,
              render: (v: string, r) => r.deadlineText ?? v,
            },
            {
              title: t('keyTasks.field.state'),
              dataIndex: 'state',
              width: 150,
              render: (s: string, r) => (
                <Space size={4} wrap>
                  <Tag color={STATE_COLOR[s]}>{t(`keyTasks.state.${s}` as MessageKey)}</Tag>
                  {r.overdue ? <Tag color="red">{t('keyTasks.overdue')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('keyTasks.field.progress'),
              dataIndex: 'progress',
              width: 120,
              render: (p: number) => <Progress percent={p} size="small" />,
            },
            {
              title: `${t('keyTasks.field.supervisions')}／${t('keyTasks.field.interviews')}`,
              width: 100,
              render: (_: unknown, r) => `${r.supervisions}／${r.interviews}`,
            },
          ]}
        />
      </Card>
      <TaskDrawer id={openId} list={list} onClose={() => setOpenId(null)} />
      {listModal}
      {list ? <NewTaskModal list={list} open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

/** One of the board's tables: a row per unit or month (`by`) with its tasks in all, done and overdue. */
function BoardCard<R extends { total: number; done: number; overdue: number }>({
  title,
  by,
  rows,
  overdue,
  extra = [],
  ...table
}: {
  title: string;
  by: 'unit' | 'month';
  rows: R[];
  /** Columns after the first (the unit's persons responsible). */
  extra?: NonNullable<TableProps<R>['columns']>;
  /** How an overdue count shows (the number itself when left out). */
  overdue?: (count: number) => ReactNode;
} & Pick<TableProps<R>, 'scroll' | 'onRow'>) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title}>
      <SmallTable<R>
        rowKey={by}
        dataSource={rows}
        {...table}
        columns={[
          { title: t(`keyTasks.board.${by}`), dataIndex: by },
          ...extra,
          { title: t('keyTasks.count.total'), dataIndex: 'total', width: 80 },
          { title: t('keyTasks.count.done'), dataIndex: 'done', width: 80 },
          { title: t('keyTasks.count.overdue'), dataIndex: 'overdue', width: 100, render: overdue },
        ]}
      />
    </Card>
  );
}

function TaskDrawer({ id, list, onClose }: { id: string | null; list?: TaskList; onClose: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const detail = useQuery({ queryKey: ktKeys.task(id ?? ''), queryFn: () => ktApi.task(id!), enabled: !!id });
  const [action, setAction] = useState<Action | null>(null);
  return (
    <RecordDrawer
      id={id}
      record={detail}
      onClose={onClose}
      title={(d) => t('keyTasks.detail.title', { n: d.number })}
    >
      {(d) => (
        <>
          <Typography.Paragraph>{d.content}</Typography.Paragraph>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('keyTasks.field.units')}>{d.units.join('、')}</Descriptions.Item>
            {d.owners.length ? (
              <Descriptions.Item label={t('keyTasks.owners.title')}>
                <Space direction="vertical" size={2}>
                  {d.owners.map((o) => (
                    <span key={o.unit}>{ownerWithUnit(o)}</span>
                  ))}
                </Space>
              </Descriptions.Item>
            ) : null}
            {d.lead ? <Descriptions.Item label={t('keyTasks.form.lead')}>{d.lead}</Descriptions.Item> : null}
            {d.phase && list ? (
              <Descriptions.Item label={t('keyTasks.field.phase')}>
                {list.phases.find((p) => p.key === d.phase)?.name ?? '—'}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('keyTasks.field.deadline')}>
              {d.deadlineText ? `${d.deadlineText}（${d.dueOn}）` : d.dueOn}
            </Descriptions.Item>
            {d.milestones.length ? (
              <Descriptions.Item label={t('keyTasks.milestones.title')}>
                <Space direction="vertical" size={2}>
                  {d.milestones.map((m) => (
                    <Space key={`${m.title}-${m.dueOn}`} size={4} wrap>
                      <span>
                        {m.title}（{m.dueOn}）
                      </span>
                      {m.doneOn ? (
                        <Tag color="green">{t('keyTasks.milestones.reached', { day: m.doneOn })}</Tag>
                      ) : m.overdue ? (
                        <Tag color="red">{t('keyTasks.overdue')}</Tag>
                      ) : null}
                    </Space>
                  ))}
                </Space>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('keyTasks.field.state')}>
              <Space size={4} wrap>
                <Tag color={STATE_COLOR[d.state]}>{t(`keyTasks.state.${d.state}` as MessageKey)}</Tag>
                {d.overdue ? <Tag color="red">{t('keyTasks.overdue')}</Tag> : null}
                {d.escalatedAt ? <Tag color="volcano">{t('keyTasks.escalated')}</Tag> : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('keyTasks.field.progress')}>
              <Progress percent={d.progress} size="small" style={{ maxWidth: 240 }} />
            </Descriptions.Item>
          </Descriptions>
          <ActionButtons
            actions={d.actions}
            prefix="keyTasks.action"
            primary={['report', 'supervise']}
            danger={['interview']}
            onPick={setAction}
          >
            {list?.abilities.manage && d.state !== 'done' ? (
              <Button onClick={() => setEditing(true)}>{t('keyTasks.form.editTaskButton')}</Button>
            ) : null}
          </ActionButtons>
          <Typography.Title level={5}>{t('keyTasks.detail.timeline')}</Typography.Title>
          <Timeline
            items={d.events.map((e) => ({
              color:
                e.action === 'escalate' || e.action === 'interview'
                  ? 'red'
                  : e.action === 'complete'
                    ? 'green'
                    : 'blue',
              children: (
                <div>
                  <EventHead
                    label={t(`keyTasks.event.${e.action}` as MessageKey)}
                    at={e.at}
                    actor={`　${e.actorName ?? t('keyTasks.event.system')}`}
                  />
                  {e.progress !== null && e.action === 'report' ? <div>{`${e.progress}%`}</div> : null}
                  {typeof e.data.unit === 'string' ? <div>{e.data.unit}</div> : null}
                  {typeof e.data.groupName === 'string' ? <div>{e.data.groupName}</div> : null}
                  {e.action === 'edit' ? <EditSummary data={e.data} /> : null}
                  <EventNotes event={e} />
                </div>
              ),
            }))}
          />
          <ActionModal record={d} action={action} onClose={() => setAction(null)} />
          {editing ? <EditTaskModal task={d} list={list} onClose={() => setEditing(false)} /> : null}
        </>
      )}
    </RecordDrawer>
  );
}

function ActionModal({ record: task, action, onClose }: ActionModalProps<TaskDetail, Action>) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  useEffect(() => {
    if (action)
      form.setFieldsValue({ progress: task.progress, comment: '', evidence: '', unit: task.units[0] });
  }, [action, form, task]);
  const submit = (v: { comment?: string; progress?: number; evidence?: string; unit?: string }) =>
    ktApi.act(task.id, {
      action: action!,
      comment: v.comment || null,
      progress: action === 'report' ? (v.progress ?? null) : null,
      evidence: v.evidence ? textLines(v.evidence) : null,
      unit: action === 'interview' ? (v.unit ?? null) : null,
    });
  return (
    <ActionSubmitModal
      action={action}
      prefix="keyTasks.action"
      form={form}
      invalidate={ktKeys.all}
      savedText={t('keyTasks.action.done')}
      onClose={onClose}
      submit={submit}
    >
      {action === 'report' ? (
        <Form.Item name="progress" label={t('keyTasks.field.progress')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} addonAfter="%" />
        </Form.Item>
      ) : null}
      {action === 'interview' ? (
        <Form.Item name="unit" label={t('keyTasks.field.unit')} rules={[{ required: true }]}>
          <Select options={task.units.map((u) => ({ value: u, label: u }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="comment" label={t('keyTasks.field.comment')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      {action === 'report' || action === 'complete' ? (
        <Form.Item
          name="evidence"
          label={t('keyTasks.field.evidence')}
          extra={t('keyTasks.field.evidenceHint')}
          rules={action === 'complete' ? [{ required: true }] : []}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      ) : null}
    </ActionSubmitModal>
  );
}

function NewTaskModal({ list, open, onClose }: { list: TaskList; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const units: string[] = Form.useWatch('units', form) ?? [];
  const mut = (v: {
    content: string;
    units: string[];
    owners?: OwnerValues;
    dueOn: Dayjs;
    deadlineText?: string;
    phase?: string;
  }) =>
    ktApi.createTask({
      listId: list.id,
      content: v.content,
      units: v.units,
      owners: ownersOf(v.owners, v.units),
      dueOn: v.dueOn.format('YYYY-MM-DD'),
      deadlineText: v.deadlineText || null,
      phase: v.phase || null,
    });
  return (
    <SubmitModal
      open={open}
      title={t('keyTasks.tasks.new')}
      destroyOnHidden={false}
      resetOnSave
      invalidate={ktKeys.all}
      savedText={null}
      onClose={onClose}
      form={form}
      submit={mut}
    >
      <ContentField />
      <UnitsField extra={t('keyTasks.field.unitsHint')} />
      <OwnersField units={units} />
      <DueOnField />
      <DeadlineTextField />
      <PhaseField list={list} />
    </SubmitModal>
  );
}

/** What an edit changed, field by field (before → after). */
function EditSummary({ data }: { data: Record<string, unknown> }) {
  const { t } = useI18n();
  const before = (data.before ?? {}) as Record<string, unknown>;
  const after = (data.after ?? {}) as Record<string, unknown>;
  /** One entry of a list value: an owner as 单位：岗位 姓名, else the value itself. */
  const item = (x: unknown) => {
    if (typeof x !== 'object' || !x || !('unit' in x)) return String(x);
    return ownerWithUnit(x as Task['owners'][number]);
  };
  const show = (v: unknown) =>
    Array.isArray(v) ? v.map(item).join('、') || '—' : v == null || v === '' ? '—' : String(v);
  const label: Record<string, MessageKey> = {
    content: 'keyTasks.field.content',
    units: 'keyTasks.field.units',
    owners: 'keyTasks.owners.title',
    lead: 'keyTasks.form.lead',
    dueOn: 'keyTasks.field.dueOn',
    deadlineText: 'keyTasks.field.deadline',
    phase: 'keyTasks.field.phase',
  };
  return (
    <div>
      {Object.keys(after).map((k) => (
        <div key={k}>
          {label[k] ? t(label[k]) : k}：{show(before[k])} → {show(after[k])}
        </div>
      ))}
    </div>
  );
}
