import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import { Suspense, lazy, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  TOPIC_LEVELS,
  TOPIC_LEVEL_NAMES,
  type TopicMicroKind,
  TOPIC_SOURCES,
  TOPIC_SOURCE_NAMES,
  TOPIC_STEPS,
} from '../../../shared/contracts/deliberation';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { PageTable } from '../../app/components/PageTable';
import { useI18n } from '../../app/i18n';
import { dateTimeColumn } from '../../app/components/columns';
import { clickableRows } from '../../app/components/clickableRows';
import { useSearchPatch, paramValues } from '../../app/useSearchPatch';
import { OrgUnitSelect } from '../org/api';
import { type Topic, type TopicDetail, type TopicFormat, type TopicQuery, delibApi } from './api';
import { FilterSelect } from '../../app/components/FilterSelect';
import { microKindOptions } from './meta';
import { SmallTable } from '../../app/components/SmallTable';
import { SubmitModal } from '../../app/components/SubmitModal';
import { useRefreshingMutation } from '../../app/useRefreshingMutation';

const CategoryTopicModal = lazy(() => import('./CategoryTopicModal'));

export const STEP_COLORS = ['default', 'blue', 'cyan', 'orange', 'purple', 'green'];

/** 协商议题 (R-DL-1…3): topics of the four levels in scope, with their step; staff and grid workers propose. */
export default function TopicsPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [, patch] = useSearchPatch();
  const workOrderId = params.get('workOrderId') ?? undefined;
  const [creating, setCreating] = useState(!!workOrderId);
  // From the work-order statistics: a recurring category in a community, turned into a topic in one action.
  const fromCategory = params.get('fromCategory');
  const closeFromCategory = () => {
    const next = new URLSearchParams(params);
    for (const k of ['fromCategory', 'categoryName', 'communityId', 'communityName', 'from', 'to'])
      next.delete(k);
    setParams(next, { replace: true });
  };
  const [formats, setFormats] = useState(false);
  const [q, setQ] = useState(params.get('q') ?? '');
  const query: TopicQuery = {
    ...paramValues(params, ['level', 'state', 'source', 'microKind', 'q']),
    page: Number(params.get('page') ?? 1),
  };
  const list = useQuery({
    queryKey: ['participation', 'topics', query],
    queryFn: () => delibApi.topics(query),
  });
  // S003-11: the same filters (the micro kind aside) counted per 微改造 / 微服务 / 微治理, above the table.
  const micro = useQuery({
    queryKey: ['participation', 'topics', 'micro-kinds', { ...query, page: undefined, microKind: undefined }],
    queryFn: () => delibApi.topicMicroCounts(query),
  });
  const setFilter = (k: string, v?: string) => patch({ [k]: v, workOrderId: undefined });
  /** A filter select's value and change, kept in the query string. */
  const filterOn = (k: 'level' | 'state' | 'source' | 'microKind') => ({
    value: query[k],
    onChange: (v?: string) => setFilter(k, v),
  });
  return (
    <>
      <PageHeader
        title={t('participation.topic.title')}
        subtitle={t('participation.topic.subtitle')}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => delibApi.exportTopics(query)}>
              {t('participation.topic.export')}
            </Button>
            {can('participation.manage') ? (
              <Button icon={<SettingOutlined />} onClick={() => setFormats(true)}>
                {t('participation.topic.formats')}
              </Button>
            ) : null}
            {can('participation.propose') ? (
              <AddButton onClick={() => setCreating(true)}>{t('participation.topic.new')}</AddButton>
            ) : null}
          </Space>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t('participation.topic.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
          />
          <FilterSelect
            width={200}
            placeholder={t('participation.topic.level')}
            {...filterOn('level')}
            options={TOPIC_LEVELS.map((l) => ({ value: l, label: TOPIC_LEVEL_NAMES[l][locale] }))}
          />
          <FilterSelect
            width={170}
            placeholder={t('participation.topic.step')}
            {...filterOn('state')}
            options={TOPIC_STEPS.map((s, i) => ({ value: s.state, label: `${i + 1}. ${s.name[locale]}` }))}
          />
          <FilterSelect
            width={190}
            placeholder={t('participation.topic.source')}
            {...filterOn('source')}
            options={TOPIC_SOURCES.map((s) => ({ value: s, label: TOPIC_SOURCE_NAMES[s][locale] }))}
          />
          <FilterSelect
            width={150}
            placeholder={t('participation.topic.microKind')}
            {...filterOn('microKind')}
            options={microKindOptions(locale)}
          />
        </Space>
        {micro.data ? (
          <div style={{ marginBottom: 12 }} data-testid="topic-micro-counts">
            <Typography.Text type="secondary">{t('participation.topic.microCounts')}</Typography.Text>
            <Space size={4} wrap>
              {micro.data.items.map((c) => (
                <Tag.CheckableTag
                  key={c.microKind}
                  checked={query.microKind === c.microKind}
                  onChange={(on) => setFilter('microKind', on ? c.microKind : undefined)}
                >
                  {t('participation.topic.microCount', { name: c.name, n: c.count })}
                </Tag.CheckableTag>
              ))}
              <Tag bordered={false}>
                {t('participation.topic.microCount', {
                  name: t('participation.topic.microKindNone'),
                  n: micro.data.unclassified,
                })}
              </Tag>
            </Space>
          </div>
        ) : null}
        <PageTable<Topic>
          list={list}
          page={query.page}
          onPage={(p) => patch({ page: String(p) })}
          empty={t('participation.topic.empty')}
          onRow={clickableRows((r) => navigate(`/topics/${r.id}`))}
          columns={[
            {
              title: t('participation.topic.name'),
              dataIndex: 'title',
              render: (v: string, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/topics/${r.id}`}>{v}</Link>
                  <Space size={4} wrap>
                    {r.microKindName ? <Tag color="geekblue">{r.microKindName}</Tag> : null}
                    {r.formatName ? <Tag color="magenta">{r.formatName}</Tag> : null}
                  </Space>
                </Space>
              ),
            },
            { title: t('participation.topic.unit'), dataIndex: 'unitName', width: 150 },
            { title: t('participation.topic.level'), dataIndex: 'levelName', width: 130 },
            { title: t('participation.topic.source'), dataIndex: 'sourceName', width: 150 },
            {
              title: t('participation.topic.step'),
              key: 'step',
              width: 200,
              render: (_: unknown, r) => (
                <Space size={4}>
                  <Tag color={STEP_COLORS[r.step]}>
                    {r.step + 1}/6 {r.stepName}
                  </Tag>
                  <Tag>{r.stageName}</Tag>
                </Space>
              ),
            },
            { title: t('participation.topic.supports'), dataIndex: 'supports', width: 70 },
            dateTimeColumn(t('participation.topic.updated'), 'updatedAt', 150),
          ]}
        />
      </Card>
      {creating ? <CreateModal workOrderId={workOrderId} onClose={() => setCreating(false)} /> : null}
      {formats ? <FormatsModal onClose={() => setFormats(false)} /> : null}
      {fromCategory && can('participation.propose') ? (
        <Suspense fallback={null}>
          <CategoryTopicModal
            categoryCode={fromCategory}
            categoryName={params.get('categoryName') ?? fromCategory}
            communityId={params.get('communityId') ?? ''}
            communityName={params.get('communityName') ?? ''}
            from={params.get('from') ?? ''}
            to={params.get('to') ?? ''}
            onClose={closeFromCategory}
          />
        </Suspense>
      ) : null}
    </>
  );
}

function CreateModal({ workOrderId, onClose }: { workOrderId?: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const formats = useQuery({ queryKey: ['participation', 'formats'], queryFn: () => delibApi.formats() });
  const req = [{ required: true }];
  return (
    <SubmitModal<Record<string, string | undefined>, TopicDetail>
      title={t('participation.topic.new')}
      width={640}
      submit={(v) =>
        delibApi.createTopic({
          orgUnitId: v.orgUnitId!,
          title: v.title!,
          description: v.description!,
          formatId: v.formatId || undefined,
          workOrderId,
          microKind: (v.microKind as TopicMicroKind | undefined) || undefined,
        })
      }
      savedText={t('participation.topic.saved')}
      invalidate={['participation', 'topics']}
      onSaved={(topic) => navigate(`/topics/${topic.id}`)}
      onClose={onClose}
    >
      {workOrderId ? (
        <p>
          <Tag color="volcano">{t('participation.topic.fromOrder')}</Tag>
        </p>
      ) : null}
      <Form.Item name="orgUnitId" label={t('participation.topic.unit')} rules={req}>
        <OrgUnitSelect selectableKinds={['community', 'grid', 'compound', 'building']} />
      </Form.Item>
      <Form.Item name="title" label={t('participation.topic.name')} rules={req}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="description" label={t('participation.topic.description')} rules={req}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <Form.Item name="formatId" label={t('participation.topic.format')}>
        <Select allowClear options={formats.data?.items.map((f) => ({ value: f.id, label: f.name }))} />
      </Form.Item>
      <Form.Item name="microKind" label={t('participation.topic.microKindOf')}>
        <Select allowClear options={microKindOptions(locale)} />
      </Form.Item>
    </SubmitModal>
  );
}

function FormatsModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: ['participation', 'formats', 'all'],
    queryFn: () => delibApi.formats(true),
  });
  const [rows, setRows] = useState<TopicFormat[]>([]);
  useEffect(() => {
    if (list.data) setRows(list.data.items);
  }, [list.data]);
  const save = useRefreshingMutation(
    (f: TopicFormat) =>
      delibApi.saveFormat(f.id || null, {
        name: f.name,
        note: f.note ?? undefined,
        active: f.active,
        sort: f.sort,
      }),
    ['participation', 'formats'],
  );
  const set = (i: number, patch: Partial<TopicFormat>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Modal open title={t('participation.topic.formats')} onCancel={onClose} footer={null} width={720}>
      <SmallTable<TopicFormat>
        rowKey={(r) => r.id || 'new'}
        dataSource={rows}
        columns={[
          {
            title: t('participation.topic.formatName'),
            render: (_: unknown, r, i) => (
              <Input value={r.name} maxLength={40} onChange={(e) => set(i, { name: e.target.value })} />
            ),
          },
          {
            title: t('participation.topic.formatNote'),
            render: (_: unknown, r, i) => (
              <Input
                value={r.note ?? ''}
                maxLength={400}
                onChange={(e) => set(i, { note: e.target.value })}
              />
            ),
          },
          {
            title: '#',
            width: 80,
            render: (_: unknown, r, i) => (
              <InputNumber min={0} max={1000} value={r.sort} onChange={(v) => set(i, { sort: v ?? 0 })} />
            ),
          },
          {
            title: t('participation.topic.formatActive'),
            width: 70,
            render: (_: unknown, r, i) => (
              <Switch checked={r.active} onChange={(v) => set(i, { active: v })} />
            ),
          },
          {
            key: 'save',
            width: 80,
            render: (_: unknown, r) => (
              <Button
                size="small"
                disabled={!r.name.trim()}
                loading={save.isPending}
                onClick={() => save.mutate(r)}
              >
                {t('common.save')}
              </Button>
            ),
          },
        ]}
      />
      <Button
        style={{ marginTop: 12 }}
        icon={<PlusOutlined />}
        disabled={rows.some((r) => !r.id)}
        onClick={() =>
          setRows([...rows, { id: '', name: '', note: null, active: true, sort: rows.length + 1 }])
        }
      >
        {t('participation.topic.formatNew')}
      </Button>
    </Modal>
  );
}
