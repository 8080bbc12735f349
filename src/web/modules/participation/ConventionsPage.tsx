import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
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
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CONVENTION_KINDS, CONVENTION_KIND_NAMES } from '../../../shared/contracts/deliberation';
import { useAuth } from '../../app/auth';
import { PageTable } from '../../app/components/PageTable';
import { ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { SubmitModal } from '../../app/components/SubmitModal';
import { useI18n } from '../../app/i18n';
import { clickableRows } from '../../app/components/clickableRows';
import { OrgUnitSelect } from '../org/api';
import { type Convention, type ConventionDetail, delibApi, ptApi } from './api';
import { ManageHeader } from './ManageHeader';

const pct = (p: number | null) => (p === null ? null : `${(p / 10).toFixed(1)}%`);

/** 村规民约 / 居民公约 / 自治章程 (R-DL-6): versions adopted by meetings, a line diff, publication, rates. */
export default function ConventionsPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['participation', 'conventions', page],
    queryFn: () => delibApi.conventions(page),
  });
  const current = selected ?? list.data?.items[0]?.id ?? null;
  return (
    <>
      <ManageHeader
        title={t('participation.conv.title')}
        subtitle={t('participation.conv.subtitle')}
        addLabel={t('participation.conv.new')}
        onAdd={() => setCreating(true)}
      />
      <Row gutter={12}>
        <Col xs={24} lg={10}>
          <Card size="small">
            <PageTable<Convention>
              list={list}
              page={page}
              onPage={setPage}
              empty={t('participation.conv.empty')}
              onRow={clickableRows((r) => setSelected(r.id))}
              rowSelection={{
                type: 'radio',
                selectedRowKeys: current ? [current] : [],
                onChange: (k) => setSelected(String(k[0])),
              }}
              columns={[
                { title: t('participation.conv.name'), dataIndex: 'title' },
                { title: t('participation.topic.unit'), dataIndex: 'unitName', width: 110 },
                {
                  title: t('participation.conv.published'),
                  dataIndex: 'publishedNo',
                  width: 90,
                  render: (v: number | null, r) =>
                    v ? (
                      <Tag color="green">
                        {v}/{r.versions}
                      </Tag>
                    ) : (
                      <Tag>{t('participation.conv.unpublished')}</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {current ? <ConventionCard id={current} /> : <Empty />}
        </Col>
      </Row>
      {creating ? <CreateModal onClose={() => setCreating(false)} onCreated={setSelected} /> : null}
    </>
  );
}

function ConventionCard({ id }: { id: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const [adding, setAdding] = useState(false);
  const q = useQuery({
    queryKey: ['participation', 'convention', id],
    queryFn: () => delibApi.convention(id),
  });
  const publish = useMutation({
    mutationFn: (no: number) => delibApi.publish(id, no),
    onSuccess: (d) => {
      qc.setQueryData(['participation', 'convention', id], d);
      qc.invalidateQueries({ queryKey: ['participation', 'conventions'] });
    },
    onError: (e) => showError(e),
  });
  if (q.isPending) return <Card loading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const c = q.data;
  const newest = c.items[0];
  return (
    <Card
      size="small"
      title={
        <Space>
          <Tag color="volcano">{c.kindName}</Tag>
          {c.title}
        </Space>
      }
      extra={
        can('participation.manage') ? (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('participation.conv.addVersion')}
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('participation.conv.awareness')}>
          {pct(c.awarenessPermille) ?? (
            <Typography.Text type="secondary">{t('participation.conv.noRates')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('participation.conv.compliance')}>
          {pct(c.compliancePermille) ?? (
            <Typography.Text type="secondary">{t('participation.conv.noRates')}</Typography.Text>
          )}
        </Descriptions.Item>
        {c.ratesSource ? (
          <Descriptions.Item label={t('participation.conv.ratesFrom')} span={2}>
            {c.ratesSource}（{formatDateTime(c.ratesAt)}）
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {c.items.length >= 2 && newest ? <DiffView id={id} newest={newest.no} /> : null}
      <List
        size="small"
        dataSource={c.items}
        renderItem={(v) => (
          <List.Item
            extra={
              can('participation.manage') && c.publishedNo !== v.no ? (
                <Button size="small" loading={publish.isPending} onClick={() => publish.mutate(v.no)}>
                  {t('participation.conv.publish')}
                </Button>
              ) : null
            }
          >
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space>
                <strong>{t('participation.conv.version', { no: v.no })}</strong>
                {c.publishedNo === v.no ? <Tag color="green">{t('participation.conv.published')}</Tag> : null}
                {v.meetingId ? (
                  <Link to={`/meetings/${v.meetingId}`}>
                    {t('participation.conv.adopted', {
                      date: v.adoptedOn ?? '',
                      meeting: v.meetingTitle ?? '',
                    })}
                  </Link>
                ) : (
                  <Typography.Text type="secondary">{t('participation.conv.noMeeting')}</Typography.Text>
                )}
              </Space>
              {v.note ? <Typography.Text type="secondary">{v.note}</Typography.Text> : null}
              <Typography.Paragraph
                ellipsis={{ rows: 3, expandable: true }}
                style={{ whiteSpace: 'pre-wrap', margin: 0 }}
              >
                {v.text}
              </Typography.Paragraph>
            </Space>
          </List.Item>
        )}
      />
      {adding ? <VersionModal convention={c} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}

function DiffView({ id, newest }: { id: string; newest: number }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(newest - 1);
  const [to, setTo] = useState(newest);
  const d = useQuery({
    queryKey: ['participation', 'convention', id, 'diff', from, to],
    queryFn: () => delibApi.diff(id, from, to),
  });
  const opts = Array.from({ length: newest }, (_, i) => ({
    value: i + 1,
    label: t('participation.conv.version', { no: i + 1 }),
  }));
  return (
    <Card
      size="small"
      type="inner"
      title={t('participation.conv.diff')}
      style={{ marginBottom: 8 }}
      extra={
        <Space>
          <Select size="small" value={from} options={opts} onChange={setFrom} style={{ width: 100 }} />→
          <Select size="small" value={to} options={opts} onChange={setTo} style={{ width: 100 }} />
        </Space>
      }
    >
      <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} data-testid="convention-diff">
        {d.data?.lines.map((l, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a diff have no identity
            key={i}
            style={{
              background: l.op === 'add' ? '#f6ffed' : l.op === 'del' ? '#fff1f0' : undefined,
              color: l.op === 'del' ? '#a8071a' : l.op === 'add' ? '#135200' : undefined,
              textDecoration: l.op === 'del' ? 'line-through' : undefined,
            }}
          >
            {l.op === 'add' ? '＋ ' : l.op === 'del' ? '－ ' : '　 '}
            {l.text}
          </div>
        ))}
      </pre>
    </Card>
  );
}

function VersionModal({ convention, onClose }: { convention: ConventionDetail; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const meetings = useQuery({
    queryKey: ['participation', 'meetings', 'closed'],
    queryFn: () => ptApi.meetings({ status: 'closed', page: 1, pageSize: 100 }),
  });
  return (
    <SubmitModal
      title={t('participation.conv.addVersion')}
      submit={(v: { text: string; note?: string; meetingId?: string }) =>
        delibApi.addVersion(convention.id, {
          text: v.text,
          note: v.note || undefined,
          meetingId: v.meetingId || undefined,
        })
      }
      onSaved={(d) => qc.setQueryData(['participation', 'convention', convention.id], d)}
      onClose={onClose}
      invalidate={['participation', 'conventions']}
      savedText={t('participation.topic.saved')}
      width={720}
      initialValues={{ text: convention.items[0]?.text }}
    >
      <Form.Item name="text" label={t('participation.conv.text')} rules={[{ required: true }]}>
        <Input.TextArea rows={12} maxLength={50000} />
      </Form.Item>
      <Form.Item name="note" label={t('participation.conv.note')}>
        <Input maxLength={1000} />
      </Form.Item>
      <Form.Item name="meetingId" label={t('participation.conv.meeting')}>
        <Select
          allowClear
          options={meetings.data?.items
            .filter((m) => m.quorum.met)
            .map((m) => ({ value: m.id, label: `${m.title}（${m.unitName ?? ''}）` }))}
        />
      </Form.Item>
    </SubmitModal>
  );
}

function CreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t, locale } = useI18n();
  const save = (v: { orgUnitId: string; kind: string; title: string }) => delibApi.createConvention(v);
  return (
    <SubmitModal
      title={t('participation.conv.new')}
      initialValues={{ kind: 'residents_convention' }}
      invalidate={['participation', 'conventions']}
      savedText={null}
      onSaved={(d) => onCreated(d.id)}
      onClose={onClose}
      submit={save}
    >
      <Form.Item name="orgUnitId" label={t('participation.topic.unit')} rules={[{ required: true }]}>
        <OrgUnitSelect selectableKinds={['community', 'grid', 'compound']} />
      </Form.Item>
      <Form.Item name="kind" label={t('participation.conv.kind')} rules={[{ required: true }]}>
        <Select
          options={CONVENTION_KINDS.map((k) => ({ value: k, label: CONVENTION_KIND_NAMES[k][locale] }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('participation.conv.name')} rules={[{ required: true }]}>
        <Input maxLength={120} />
      </Form.Item>
    </SubmitModal>
  );
}
