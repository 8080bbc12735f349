import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DISCLOSURE_KINDS, DISCLOSURE_KIND_NAMES } from '../../../shared/contracts/participation';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { PageTable } from '../../app/components/PageTable';
import { useShowError } from '../../app/errors';
import { formatDate, formatDateTime } from '../../app/format';
import { SubmitModal } from '../../app/components/SubmitModal';
import { type MessageKey, useI18n } from '../../app/i18n';
import { FilterSelect } from '../../app/components/FilterSelect';
import { dashColumn, dateTimeColumn } from '../../app/components/columns';
import { refilterOf } from '../../app/usePaging';
import { enumOptions } from '../../app/components/enumOptions';
import { type Disclosure, ptApi } from './api';
import { UnitField } from './UnitField';

const kindName = (k: string, loc: 'zh-CN' | 'en') =>
  DISCLOSURE_KIND_NAMES[k as keyof typeof DISCLOSURE_KIND_NAMES]?.[loc] ?? k;

/** 居务公开 (R-DC-1, R-LAW-DC-1): postings, objections and answers, schedules and the overdue list. */
export default function DisclosuresPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const [page, setPage] = useState(1);
  const refilter = refilterOf(setPage);
  const [kind, setKind] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const list = useQuery({
    queryKey: ['participation', 'disclosures', page, kind],
    queryFn: () => ptApi.disclosures({ page, kind }),
  });
  const overdue = useQuery({ queryKey: ['participation', 'overdue'], queryFn: ptApi.overdue });
  const schedules = useQuery({ queryKey: ['participation', 'schedules'], queryFn: ptApi.schedules });
  const manage = can('participation.manage');
  const lines = [
    ...(overdue.data?.missing ?? []).map((m) =>
      t('participation.disc.missing', {
        unit: m.unitName ?? '',
        kind: kindName(m.kind, locale),
        period: m.period,
        due: m.dueOn,
      }),
    ),
    ...(overdue.data?.unanswered ?? []).map((u) =>
      t('participation.disc.unanswered', {
        unit: u.unitName ?? '',
        title: u.title,
        due: formatDate(u.answerDueAt),
      }),
    ),
  ];
  return (
    <>
      <PageHeader
        title={t('participation.disc.title')}
        subtitle={t('participation.disc.subtitle')}
        extra={
          manage ? (
            <Space>
              <Button onClick={() => setScheduling(true)}>{t('participation.disc.setSchedule')}</Button>
              <AddButton onClick={() => setCreating(true)}>{t('participation.disc.new')}</AddButton>
            </Space>
          ) : null
        }
      />
      <Alert
        style={{ marginBottom: 12 }}
        type={lines.length ? 'warning' : 'success'}
        showIcon
        message={t('participation.disc.overdue')}
        description={
          lines.length ? (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : (
            t('participation.disc.noOverdue')
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }} title={t('participation.disc.schedules')}>
        <Space wrap>
          {(schedules.data?.items ?? []).map((s) => (
            <Tag key={s.id}>
              {s.unitName} · {kindName(s.kind, locale)} ·{' '}
              {t(`participation.disc.${s.frequency}` as MessageKey)}
            </Tag>
          ))}
        </Space>
      </Card>
      <Card size="small">
        <FilterSelect
          width={200}
          style={{ marginBottom: 12 }}
          placeholder={t('participation.disc.kind')}
          value={kind}
          onChange={refilter(setKind)}
          options={DISCLOSURE_KINDS.map((k) => ({ value: k, label: kindName(k, locale) }))}
        />
        <PageTable<Disclosure>
          list={list}
          page={page}
          onPage={setPage}
          empty={t('participation.disc.empty')}
          expandable={{ expandedRowRender: (d) => <DisclosureDetail d={d} /> }}
          columns={[
            dateTimeColumn(t('participation.disc.postedAt'), 'postedAt', 150),
            { title: t('participation.field.unit'), dataIndex: 'unitName', width: 130 },
            {
              title: t('participation.disc.kind'),
              dataIndex: 'kind',
              width: 110,
              render: (v: string) => kindName(v, locale),
            },
            { title: t('participation.disc.titleField'), dataIndex: 'title' },
            dashColumn(t('participation.disc.period'), 'period', 100),
            {
              title: t('participation.disc.objections'),
              key: 'obj',
              width: 120,
              render: (_: unknown, d) =>
                d.objections.length ? (
                  <Tag color={d.objections.some((o) => !o.answeredAt) ? 'orange' : 'green'}>
                    {d.objections.length}
                  </Tag>
                ) : (
                  '—'
                ),
            },
            {
              title: '',
              key: 'state',
              width: 90,
              render: (_: unknown, d) => (d.takenDownAt ? <Tag>{t('participation.disc.down')}</Tag> : null),
            },
          ]}
        />
      </Card>
      {creating ? <PostModal onClose={() => setCreating(false)} /> : null}
      {scheduling ? <ScheduleModal onClose={() => setScheduling(false)} /> : null}
    </>
  );
}

function DisclosureDetail({ d }: { d: Disclosure }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const done = () => {
    message.success(t('participation.detail.saved'));
    qc.invalidateQueries({ queryKey: ['participation'] });
  };
  const answer = useMutation({
    mutationFn: (oid: string) => ptApi.answer(d.id, oid, answers[oid] ?? ''),
    onSuccess: done,
    onError: (e) => showError(e),
  });
  const down = useMutation({
    mutationFn: () => ptApi.takeDown(d.id),
    onSuccess: done,
    onError: (e) => showError(e),
  });
  return (
    <div>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('participation.disc.until')}：{formatDateTime(d.minUntil)}
      </Typography.Paragraph>
      {d.objections.length ? (
        <List
          size="small"
          header={t('participation.disc.objections')}
          dataSource={d.objections}
          renderItem={(o) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <div>
                  {o.name}（{formatDateTime(o.raisedAt)}）：{o.text}{' '}
                  <Tag color={o.answeredAt ? (o.overdue ? 'orange' : 'green') : o.overdue ? 'red' : 'blue'}>
                    {t(
                      o.answeredAt
                        ? o.overdue
                          ? 'participation.disc.late'
                          : 'participation.disc.answered'
                        : 'participation.disc.pending',
                    )}
                  </Tag>
                </div>
                {o.answer ? (
                  <div>
                    {t('participation.disc.answer')}（{formatDateTime(o.answeredAt!)}）：{o.answer}
                  </div>
                ) : d.canManage ? (
                  <Space.Compact style={{ width: '100%', marginTop: 4 }}>
                    <Input
                      value={answers[o.id] ?? ''}
                      onChange={(e) => setAnswers({ ...answers, [o.id]: e.target.value })}
                    />
                    <Button loading={answer.isPending} onClick={() => answer.mutate(o.id)}>
                      {t('participation.disc.answer')}
                    </Button>
                  </Space.Compact>
                ) : null}
              </div>
            </List.Item>
          )}
        />
      ) : null}
      {d.canManage && !d.takenDownAt ? (
        <Button size="small" style={{ marginTop: 8 }} loading={down.isPending} onClick={() => down.mutate()}>
          {t('participation.disc.takeDown')}
        </Button>
      ) : null}
    </div>
  );
}

function PostModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const save = (v: { orgUnitId: string; kind: string; title: string; body: string; period?: string }) =>
    ptApi.post({ ...v, period: v.period || undefined });
  const req = [{ required: true }];
  return (
    <SubmitModal
      title={t('participation.disc.new')}
      width={640}
      initialValues={{ kind: 'finance' }}
      invalidate={['participation']}
      savedText={null}
      onClose={onClose}
      submit={save}
    >
      <UnitField kinds={['community', 'subdistrict']} />
      <Space wrap>
        <Form.Item name="kind" label={t('participation.disc.kind')} rules={req}>
          <Select
            style={{ width: 180 }}
            options={DISCLOSURE_KINDS.map((k) => ({ value: k, label: kindName(k, locale) }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('participation.disc.period')}
          extra={t('participation.disc.periodHint')}
        >
          <Input style={{ width: 160 }} maxLength={7} />
        </Form.Item>
      </Space>
      <Form.Item name="title" label={t('participation.disc.titleField')} rules={req}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="body" label={t('participation.disc.body')} rules={req}>
        <Input.TextArea rows={6} maxLength={20000} />
      </Form.Item>
    </SubmitModal>
  );
}

function ScheduleModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const save = (v: { orgUnitId: string; kind: string; frequency: string }) => ptApi.setSchedule(v);
  const req = [{ required: true }];
  return (
    <SubmitModal
      title={t('participation.disc.setSchedule')}
      initialValues={{ kind: 'finance', frequency: 'monthly' }}
      invalidate={['participation']}
      savedText={null}
      onClose={onClose}
      submit={save}
    >
      <UnitField kinds={['community']} />
      <Form.Item name="kind" label={t('participation.disc.kind')} rules={req}>
        <Select options={DISCLOSURE_KINDS.map((k) => ({ value: k, label: kindName(k, locale) }))} />
      </Form.Item>
      <Form.Item name="frequency" label={t('participation.disc.frequency')} rules={req}>
        <Select options={enumOptions(t, 'participation.disc', ['monthly', 'quarterly'])} />
      </Form.Item>
    </SubmitModal>
  );
}
