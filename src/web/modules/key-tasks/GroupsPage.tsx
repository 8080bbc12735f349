import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { AddButton } from '../../app/components/AddButton';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyHint, ErrorResult } from '../../app/components/Status';
import { SubmitModal } from '../../app/components/SubmitModal';
import { type MessageKey, useI18n } from '../../app/i18n';
import { textLines } from '../../app/textLines';
import { enumOptions } from '../../app/components/enumOptions';
import { useAuth } from '../../app/auth';
import { type GroupDetail, ktApi, ktKeys } from './api';
import { EndMemberModal, GroupModal, MemberModal } from './GroupForms';
import { SmallTable } from '../../app/components/SmallTable';
import { MEETING_KINDS, type MeetingKind, isVisitKind } from '../../../shared/contracts/keyTasks';

type Member = GroupDetail['members'][number];

/** 领导小组 (R-TK-1): members with their posts, the office, member changes, joint meetings. */
/** '2026-12' → 2026年12月, '2026-Q4' → 2026年第四季度 (in English: Dec 2026, Q4 2026). */
function periodText(p: string, locale: string): string {
  const y = p.slice(0, 4);
  if (locale === 'en') return p.includes('Q') ? `${p.slice(5)} ${y}` : dayjs(`${p}-01`).format('MMM YYYY');
  if (p.includes('Q')) return `${y}年第${'一二三四'[Number(p.slice(6)) - 1]}季度`;
  return `${y}年${Number(p.slice(5, 7))}月`;
}

export default function GroupsPage() {
  const { t, locale } = useI18n();
  const groups = useQuery({ queryKey: ktKeys.groups, queryFn: ktApi.groups });
  const [picked, setPicked] = useState<string | undefined>();
  const id = picked ?? groups.data?.items[0]?.id;
  const detail = useQuery({
    queryKey: ktKeys.group(id ?? ''),
    queryFn: () => ktApi.group(id!),
    enabled: !!id,
  });
  const [replacing, setReplacing] = useState<Member | null>(null);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Member | null>(null);
  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  const [meeting, setMeeting] = useState(false);
  const { can } = useAuth();
  const g = detail.data;
  const roleTag = (r: string) => (
    <Tag color={r === 'leader' ? 'red' : r === 'deputy' ? 'orange' : 'default'}>
      {t(`keyTasks.role.${r}` as MessageKey)}
    </Tag>
  );
  const memberColumns = (former: boolean) => [
    { title: t('keyTasks.groups.role'), dataIndex: 'role', width: 90, render: roleTag },
    { title: t('keyTasks.groups.name'), dataIndex: 'name', width: 100 },
    // the unit column only when some member has one apart from the post (seed 003 writes both in one line)
    ...([...(g?.members ?? []), ...(g?.former ?? [])].some((m) => m.unit)
      ? [
          {
            title: t('keyTasks.form.unit'),
            dataIndex: 'unit',
            width: 160,
            render: (u: string | null) => u ?? '—',
          },
        ]
      : []),
    { title: t('keyTasks.groups.post'), dataIndex: 'post' },
    { title: t('keyTasks.groups.joinedOn'), dataIndex: 'joinedOn', width: 110 },
    ...(former
      ? [
          { title: t('keyTasks.groups.leftOn'), dataIndex: 'leftOn', width: 110 },
          { title: t('keyTasks.form.note'), dataIndex: 'note', width: 160 },
        ]
      : g?.abilities.manage
        ? [
            {
              title: '',
              width: 130,
              render: (_: unknown, m: Member) => (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setReplacing(m)}>
                    {t('keyTasks.groups.replace')}
                  </Button>
                  <Button size="small" type="link" danger onClick={() => setEnding(m)}>
                    {t('keyTasks.form.end')}
                  </Button>
                </Space>
              ),
            },
          ]
        : []),
  ];
  /** The current members, or (`former`) those who left, as a small table. */
  const memberTable = (members: Member[], former: boolean) => (
    <SmallTable rowKey="id" dataSource={members} columns={memberColumns(former)} />
  );
  if (groups.isError) return <ErrorResult error={groups.error} onRetry={() => groups.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('keyTasks.groups.title')}
        subtitle={t('keyTasks.groups.subtitle')}
        extra={
          <Space wrap>
            {can('key_tasks.manage') ? (
              <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('keyTasks.form.newGroup')}
              </Button>
            ) : null}
            {g?.abilities.manage ? (
              <AddButton onClick={() => setMeeting(true)}>{t('keyTasks.meetings.new')}</AddButton>
            ) : null}
          </Space>
        }
      />
      {groups.data && groups.data.items.length === 0 ? <EmptyHint text={t('keyTasks.groups.empty')} /> : null}
      {groups.data && groups.data.items.length > 1 ? (
        <Select
          style={{ width: '100%', maxWidth: 640, marginBottom: 12 }}
          value={id}
          onChange={setPicked}
          options={groups.data.items.map((x) => ({ value: x.id, label: x.name }))}
        />
      ) : null}
      {detail.isError ? <ErrorResult error={detail.error} onRetry={() => detail.refetch()} /> : null}
      {g ? (
        <>
          <Card
            size="small"
            title={g.name}
            style={{ marginBottom: 12 }}
            extra={
              g.abilities.manage ? (
                <Button size="small" onClick={() => setEditing('edit')}>
                  {t('keyTasks.form.editGroup')}
                </Button>
              ) : null
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('keyTasks.groups.office')}>{g.officeUnit ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('keyTasks.groups.officeHead')}>
                {g.officeHead ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('keyTasks.groups.officeDeputy')}>
                {g.officeDeputy ?? '—'}
              </Descriptions.Item>
            </Descriptions>
            {g.duties ? <Typography.Paragraph type="secondary">{g.duties}</Typography.Paragraph> : null}
            {g.cadence ? (
              <Space wrap style={{ marginBottom: 8 }}>
                <Typography.Text>
                  {t(`keyTasks.cadence.${g.meetingCadence ?? 'monthly'}`)}：
                  {t('keyTasks.cadence.period', { period: periodText(g.cadence.period, locale) })}
                </Typography.Text>
                {g.cadence.held ? (
                  <Tag color="green">{t('keyTasks.cadence.held')}</Tag>
                ) : (
                  <Tag color="orange">{t('keyTasks.cadence.due', { day: g.cadence.dueOn })}</Tag>
                )}
                {g.cadence.previousMissed ? <Tag color="red">{t('keyTasks.cadence.missed')}</Tag> : null}
              </Space>
            ) : null}
            {g.escalated ? <Tag color="red">{t('keyTasks.groups.escalated', { n: g.escalated })}</Tag> : null}
          </Card>
          <Card
            size="small"
            title={t('keyTasks.groups.members', { n: g.members.length })}
            style={{ marginBottom: 12 }}
            extra={
              g.abilities.manage ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  {t('keyTasks.form.addMember')}
                </Button>
              ) : null
            }
          >
            {memberTable(g.members, false)}
          </Card>
          {g.former.length ? (
            <Card size="small" title={t('keyTasks.groups.former')} style={{ marginBottom: 12 }}>
              {memberTable(g.former, true)}
            </Card>
          ) : null}
          <Card size="small" title={t('keyTasks.meetings.title')}>
            <List
              dataSource={g.meetings}
              locale={{ emptyText: t('keyTasks.meetings.empty') }}
              renderItem={(m) => (
                <List.Item>
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>{m.title}</Typography.Text>
                      <Tag color={isVisitKind(m.kind) ? 'blue' : undefined}>
                        {t(`keyTasks.meetings.kind.${m.kind}` as MessageKey)}
                      </Tag>
                      <Typography.Text type="secondary">{m.heldOn}</Typography.Text>
                      {m.place ? <Typography.Text type="secondary">{m.place}</Typography.Text> : null}
                    </Space>
                    {m.unitsVisited.length ? (
                      <Typography.Text>
                        {t('keyTasks.meetings.unitsVisited')}：{m.unitsVisited.join('、')}
                      </Typography.Text>
                    ) : null}
                    {m.agenda ? (
                      <Typography.Text>
                        {t('keyTasks.meetings.agenda')}：{m.agenda}
                      </Typography.Text>
                    ) : null}
                    <Typography.Text type="secondary">
                      {t('keyTasks.meetings.attendees')}：{m.attendees.join('、')}
                    </Typography.Text>
                    {m.minutes ? (
                      <Typography.Text>
                        {isVisitKind(m.kind) ? `${t('keyTasks.meetings.findings')}：${m.minutes}` : m.minutes}
                      </Typography.Text>
                    ) : null}
                    {m.decisions.map((d) => (
                      <Typography.Text key={d.text}>
                        · {d.text}
                        {d.taskId ? (
                          <Tag style={{ marginLeft: 8 }}>{t('keyTasks.meetings.becameTask')}</Tag>
                        ) : null}
                      </Typography.Text>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          {replacing ? (
            <MemberModal groupId={g.id} member={replacing} onClose={() => setReplacing(null)} />
          ) : null}
          {adding ? <MemberModal groupId={g.id} member={null} onClose={() => setAdding(false)} /> : null}
          {ending ? <EndMemberModal groupId={g.id} member={ending} onClose={() => setEnding(null)} /> : null}
          {editing === 'edit' ? <GroupModal group={g} onClose={() => setEditing(null)} /> : null}
          <MeetingModal groupId={g.id} open={meeting} onClose={() => setMeeting(false)} />
        </>
      ) : null}
      {editing === 'new' ? (
        <GroupModal group={null} onClose={() => setEditing(null)} onSaved={setPicked} />
      ) : null}
    </>
  );
}

/**
 * 记录会议或调研: a joint meeting, or a field visit of the group (seed 002 四(三) 调研、现场指导, S002-41) with
 * its place and the units visited; its findings go in the minutes.
 */
function MeetingModal({ groupId, open, onClose }: { groupId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const kind: MeetingKind = Form.useWatch('kind', form) ?? 'regular';
  const visit = isVisitKind(kind);
  const mut = (v: {
    kind: MeetingKind;
    heldOn: Dayjs;
    title: string;
    place?: string;
    unitsVisited?: string[];
    agenda?: string;
    attendees?: string;
    minutes?: string;
    decisions?: string;
  }) =>
    ktApi.createMeeting(groupId, {
      kind: v.kind,
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      title: v.title,
      place: v.place?.trim() || null,
      unitsVisited: isVisitKind(v.kind) ? (v.unitsVisited ?? []) : [],
      agenda: v.agenda || null,
      attendees: (v.attendees ?? '')
        .split(/[、,，\s]+/)
        .map((x) => x.trim())
        .filter(Boolean),
      minutes: v.minutes || null,
      decisions: textLines(v.decisions).map((text) => ({ text })),
    });
  return (
    <SubmitModal
      open={open}
      title={t('keyTasks.meetings.new')}
      destroyOnHidden={false}
      resetOnSave
      initialValues={{ kind: 'regular', heldOn: dayjs() }}
      invalidate={ktKeys.all}
      savedText={null}
      onClose={onClose}
      form={form}
      submit={mut}
    >
      <Form.Item name="title" label={t('keyTasks.meetings.name')} rules={[{ required: true }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t('keyTasks.meetings.kind')}>
          <Select style={{ width: 140 }} options={enumOptions(t, 'keyTasks.meetings.kind', MEETING_KINDS)} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('keyTasks.meetings.heldOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('keyTasks.meetings.place')}
          rules={[{ required: visit, whitespace: true }]}
        >
          <Input maxLength={120} style={{ width: 240 }} />
        </Form.Item>
      </Space>
      {visit ? (
        <Form.Item
          name="unitsVisited"
          label={t('keyTasks.meetings.unitsVisited')}
          extra={t('keyTasks.meetings.unitsVisitedHint')}
          rules={[{ required: true }]}
        >
          <Select mode="tags" tokenSeparators={['、', ',', '，']} />
        </Form.Item>
      ) : null}
      <Form.Item name="agenda" label={t('keyTasks.meetings.agenda')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item
        name="attendees"
        label={t('keyTasks.meetings.attendees')}
        extra={t('keyTasks.meetings.attendeesHint')}
      >
        <Input />
      </Form.Item>
      <Form.Item name="minutes" label={t(visit ? 'keyTasks.meetings.findings' : 'keyTasks.meetings.minutes')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name="decisions"
        label={t('keyTasks.meetings.decisions')}
        extra={t('keyTasks.meetings.decisionsHint')}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </SubmitModal>
  );
}
