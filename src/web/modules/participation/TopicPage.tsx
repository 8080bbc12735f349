import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  PARTICIPANT_KINDS,
  PARTICIPANT_KIND_NAMES,
  REGISTRY_KINDS,
  RESIDENT_STAGES,
  RESIDENT_STAGE_NAMES,
  TOPIC_STEPS,
  type TopicMicroKind,
} from '../../../shared/contracts/deliberation';
import { useAuth } from '../../app/auth';
import { microKindOptions } from './meta';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorResult, PageLoading } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { type MessageKey, useI18n } from '../../app/i18n';
import { dateTimeColumn } from '../../app/components/columns';
import { type Participant, type TopicDetail, delibApi, ptApi } from './api';
import { useNameSearch } from '../../app/useNameSearch';

/** One topic: its six steps with the resident-led stages, participants, the record of each step, comments. */
export default function TopicPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const q = useQuery({ queryKey: ['participation', 'topic', id], queryFn: () => delibApi.topic(id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const topic = q.data;
  const stageIdx = RESIDENT_STAGES.indexOf(TOPIC_STEPS[topic.step]!.stage);
  return (
    <>
      <PageHeader
        title={topic.title}
        subtitle={`${topic.unitName ?? ''} · ${topic.levelName} · ${topic.sourceName}`}
        extra={<Link to="/topics">{t('participation.menu.topics')}</Link>}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Steps
          size="small"
          current={topic.state === 'reported' ? 6 : topic.step + 1}
          items={TOPIC_STEPS.map((s) => ({
            title: s.name[locale],
            description: RESIDENT_STAGE_NAMES[s.stage][locale],
          }))}
        />
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('participation.topic.stages')}：</Typography.Text>
          <Space size={4} wrap>
            {RESIDENT_STAGES.map((s, i) => (
              <Tag
                key={s}
                color={
                  i < stageIdx || topic.state === 'reported' ? 'green' : i === stageIdx ? 'blue' : 'default'
                }
              >
                {RESIDENT_STAGE_NAMES[s][locale]}
              </Tag>
            ))}
          </Space>
        </div>
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('participation.topic.description')} style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t('participation.topic.proposer')}>
                {topic.proposerName}
              </Descriptions.Item>
              <Descriptions.Item label={t('participation.topic.format')}>
                {topic.formatName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('participation.topic.supports')}>
                {topic.supports}
              </Descriptions.Item>
              <Descriptions.Item label={t('participation.topic.microKind')}>
                <MicroKind topic={topic} />
              </Descriptions.Item>
              {topic.workOrderId ? (
                <Descriptions.Item label={t('participation.topic.orderLinked')}>
                  <Link to={`/work-orders/${topic.workOrderId}`}>{t('participation.topic.fromOrder')}</Link>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
              {topic.description}
            </Typography.Paragraph>
          </Card>
          {topic.orderEvidence ? (
            <Card
              size="small"
              title={`${t('participation.evidence.title')}（${topic.orderEvidence.total}）`}
              style={{ marginBottom: 12 }}
            >
              <Typography.Paragraph type="secondary">
                {t('participation.evidence.summary', {
                  community: topic.orderEvidence.communityName,
                  from: topic.orderEvidence.from,
                  to: topic.orderEvidence.to,
                  category: topic.orderEvidence.categoryName,
                  n: topic.orderEvidence.total,
                })}
              </Typography.Paragraph>
              <Table
                size="small"
                rowKey="id"
                dataSource={topic.orderEvidence.orders}
                pagination={topic.orderEvidence.orders.length > 10 ? { pageSize: 10, size: 'small' } : false}
                columns={[
                  {
                    title: t('participation.evidence.number'),
                    dataIndex: 'number',
                    width: 170,
                    render: (n: string, o) => <Link to={`/work-orders/${o.id}`}>{n}</Link>,
                  },
                  dateTimeColumn(t('participation.evidence.received'), 'receivedAt', 150),
                  {
                    title: t('participation.evidence.description'),
                    dataIndex: 'description',
                    ellipsis: true,
                  },
                ]}
              />
            </Card>
          ) : null}
          <Card size="small" title={t('participation.topic.timeline')} style={{ marginBottom: 12 }}>
            <Timeline
              items={topic.events.map((e) => ({
                color: 'green',
                children: (
                  <>
                    <Space size={4}>
                      <strong>{e.stepName}</strong>
                      <Tag>{e.stageName}</Tag>
                      <Typography.Text type="secondary">
                        {formatDateTime(e.at)} {e.actorName ?? ''}
                      </Typography.Text>
                    </Space>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>
                    {e.meetingId ? <Link to={`/meetings/${e.meetingId}`}>{e.meetingTitle}</Link> : null}
                  </>
                ),
              }))}
            />
          </Card>
          <Card size="small" title={`${t('participation.topic.comments')}（${topic.commentList.length}）`}>
            {topic.commentList.length ? (
              <List
                size="small"
                dataSource={topic.commentList}
                renderItem={(c) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <Typography.Text type="secondary">
                        {c.name} · {formatDateTime(c.at)}
                      </Typography.Text>
                      {c.text}
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('participation.topic.participants')} style={{ marginBottom: 12 }}>
            {topic.participants.length ? (
              <Space wrap>
                {topic.participants.map((p) => (
                  <Tag key={p.id} color="geekblue">
                    {PARTICIPANT_KIND_NAMES[p.kind as keyof typeof PARTICIPANT_KIND_NAMES]?.[locale]}：
                    {p.name}
                  </Tag>
                ))}
              </Space>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          <StepCard topic={topic} />
        </Col>
      </Row>
    </>
  );
}

/**
 * The topic's 微改造 / 微服务 / 微治理 (seed 003 三(一)2, S003-11): a tag, or for staff who manage topics a
 * select that classifies it (or clears it) at once.
 */
function MicroKind({ topic }: { topic: TopicDetail }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (k: TopicMicroKind | null) => delibApi.setMicroKind(topic.id, k),
    onSuccess: (d) => {
      qc.setQueryData(['participation', 'topic', topic.id], d);
      qc.invalidateQueries({ queryKey: ['participation', 'topics'] });
      message.success(t('participation.topic.microSaved'));
    },
    onError: (e) => showError(e),
  });
  if (!can('participation.manage'))
    return topic.microKindName ? <Tag color="geekblue">{topic.microKindName}</Tag> : <>—</>;
  return (
    <Select<TopicMicroKind | null>
      size="small"
      allowClear
      style={{ width: 140 }}
      placeholder={t('participation.topic.microKindNone')}
      value={topic.microKind ?? undefined}
      loading={save.isPending}
      disabled={save.isPending}
      onChange={(v) => save.mutate(v ?? null)}
      options={microKindOptions(locale)}
      data-testid="topic-micro-kind"
    />
  );
}

function StepCard({ topic }: { topic: TopicDetail }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [people, setPeople] = useState<(Participant & { label: string })[]>([]);
  const [kind, setKind] = useState<string>('resident');
  const [search, setSearch] = useState('');
  const [named, setNamed] = useState('');
  const action = topic.actions[0];
  const registry = (REGISTRY_KINDS as readonly string[]).includes(kind);
  const ns = useNameSearch(search);
  const cands = useQuery({
    queryKey: ['participation', 'candidates', topic.id, kind, ns.serverQuery],
    queryFn: () => delibApi.candidates(topic.id, kind, ns.serverQuery),
    enabled: action === 'set_participants' && registry,
  });
  const meetings = useQuery({
    queryKey: ['participation', 'meetings', 'for-topic'],
    queryFn: () => ptApi.meetings({ page: 1, pageSize: 50 }),
    enabled: action === 'consult',
  });
  const save = useMutation({
    mutationFn: (v: { note: string; meetingId?: string }) =>
      delibApi.step(topic.id, {
        action: action!,
        note: v.note,
        meetingId: v.meetingId || undefined,
        participants:
          action === 'set_participants'
            ? people.map(({ kind: k, refId, name }) => ({ kind: k, refId, name }))
            : undefined,
      }),
    onSuccess: (d) => {
      qc.setQueryData(['participation', 'topic', topic.id], d);
      qc.invalidateQueries({ queryKey: ['participation', 'topics'] });
      form.resetFields();
      setPeople([]);
      message.success(t('participation.topic.saved'));
    },
    onError: (e) => showError(e, form),
  });
  if (!action)
    return (
      <Card size="small">
        <Typography.Text type="secondary">
          {topic.state === 'reported' ? t('participation.topic.noActions') : t('participation.topic.waiting')}
        </Typography.Text>
      </Card>
    );
  const kindLabel = (k: string) => PARTICIPANT_KIND_NAMES[k as keyof typeof PARTICIPANT_KIND_NAMES][locale];
  return (
    <Card
      size="small"
      title={`${t('participation.topic.next')}：${t(`participation.action.${action}` as MessageKey)}`}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {action === 'set_participants' ? (
          <Form.Item label={t('participation.topic.participants')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                {people.map((p, i) => (
                  <Tag
                    key={`${p.kind}-${p.refId ?? p.name}`}
                    closable
                    closeIcon={<DeleteOutlined />}
                    onClose={() => setPeople(people.filter((_, j) => j !== i))}
                  >
                    {kindLabel(p.kind)}：{p.label}
                  </Tag>
                ))}
              </Space>
              <Space.Compact style={{ width: '100%' }}>
                <Select
                  style={{ width: 150 }}
                  value={kind}
                  onChange={setKind}
                  options={PARTICIPANT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
                  aria-label={t('participation.topic.participantKind')}
                />
                {registry ? (
                  <Select
                    showSearch
                    style={{ flex: 1 }}
                    placeholder={t('participation.topic.pick')}
                    filterOption={false}
                    onSearch={setSearch}
                    value={null}
                    loading={cands.isFetching}
                    options={cands.data?.items
                      .filter((c) => !people.some((p) => p.refId === c.id) && ns.keep(c.name))
                      .map((c) => ({ value: c.id, label: c.detail ? `${c.name}（${c.detail}）` : c.name }))}
                    onChange={(v: string) => {
                      const c = cands.data?.items.find((x) => x.id === v);
                      if (c) setPeople([...people, { kind, refId: c.id, label: c.name }]);
                    }}
                  />
                ) : (
                  <>
                    <Input
                      style={{ flex: 1 }}
                      placeholder={t('participation.topic.participantName')}
                      value={named}
                      maxLength={100}
                      onChange={(e) => setNamed(e.target.value)}
                    />
                    <Button
                      icon={<PlusOutlined />}
                      disabled={!named.trim()}
                      onClick={() => {
                        setPeople([...people, { kind, name: named.trim(), label: named.trim() }]);
                        setNamed('');
                      }}
                    >
                      {t('participation.topic.addParticipant')}
                    </Button>
                  </>
                )}
              </Space.Compact>
            </Space>
          </Form.Item>
        ) : null}
        {action === 'consult' ? (
          <Form.Item name="meetingId" label={t('participation.topic.meeting')}>
            <Select
              allowClear
              options={meetings.data?.items.map((m) => ({
                value: m.id,
                label: `${m.title}（${m.unitName ?? ''}）`,
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="note"
          label={t('participation.topic.note')}
          extra={t('participation.topic.noteHint')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t(`participation.action.${action}` as MessageKey)}
        </Button>
      </Form>
    </Card>
  );
}
