import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, Select, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  MATTER_CLASS_NAMES,
  type MatterClass,
  PROCEDURE_TEMPLATES,
} from '../../../shared/contracts/participation';
import { FilterSelect } from '../../app/components/FilterSelect';
import { ErrorResult } from '../../app/components/Status';
import { formatDate } from '../../app/format';
import { SubmitModal } from '../../app/components/SubmitModal';
import { useI18n } from '../../app/i18n';
import { type Procedure, ptApi } from './api';
import { ManageHeader } from './ManageHeader';
import { UnitField } from './UnitField';
import { matterClassOptions } from './meta';

/**
 * 四议两公开 / 五议两公开 (R-DL-4): matters with their steps in order, each linked to a meeting or a disclosure;
 * filtered by their “三重一大” class (seed 002, S002-05).
 */
export default function ProceduresPage() {
  const { t, locale } = useI18n();
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState(1);
  const [matterClass, setMatterClass] = useState<MatterClass | 'none' | undefined>();
  const list = useQuery({
    queryKey: ['participation', 'procedures', page, matterClass ?? ''],
    queryFn: () => ptApi.procedures({ page, matterClass }),
  });
  return (
    <>
      <ManageHeader
        title={t('participation.proc.title')}
        subtitle={t('participation.proc.subtitle')}
        addLabel={t('participation.proc.new')}
        onAdd={() => setCreating(true)}
      />
      <Space style={{ marginBottom: 12 }}>
        <FilterSelect<MatterClass | 'none'>
          width={200}
          placeholder={t('participation.proc.classFilter')}
          value={matterClass}
          onChange={(v) => {
            setMatterClass(v);
            setPage(1);
          }}
          options={[
            ...matterClassOptions(locale),
            { value: 'none' as const, label: t('participation.proc.classNone') },
          ]}
        />
      </Space>
      {list.isError ? <ErrorResult error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Empty description={t('participation.proc.empty')} />
      ) : null}
      {list.data?.items.map((p) => (
        <ProcedureCard key={p.id} p={p} />
      ))}
      {list.data && list.data.total > 20 ? (
        <Space>
          <Button disabled={page === 1} onClick={() => setPage(page - 1)}>
            ‹
          </Button>
          <Button disabled={page * 20 >= list.data.total} onClick={() => setPage(page + 1)}>
            ›
          </Button>
        </Space>
      ) : null}
      {creating ? <CreateModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function ProcedureCard({ p }: { p: Procedure }) {
  const { t, locale } = useI18n();
  const [acting, setActing] = useState(false);
  const current = p.steps.findIndex((s) => !s.done);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space>
          <Tag color="red">{p.templateName}</Tag>
          {p.matterClass ? (
            <Tag color="volcano" title={t('participation.proc.class')}>
              {MATTER_CLASS_NAMES[p.matterClass][locale]}
            </Tag>
          ) : null}
          {p.title}
          <Typography.Text type="secondary">{p.unitName}</Typography.Text>
        </Space>
      }
      extra={
        p.canAct ? (
          <Button size="small" type="primary" onClick={() => setActing(true)}>
            {t('participation.proc.complete')}
          </Button>
        ) : (
          <Tag color={p.status === 'done' ? 'green' : 'blue'}>
            {t(p.status === 'done' ? 'participation.proc.done' : 'participation.proc.running')}
          </Tag>
        )
      }
    >
      <Typography.Paragraph type="secondary">{p.matter}</Typography.Paragraph>
      <Steps
        size="small"
        current={current === -1 ? p.steps.length : current}
        items={p.steps.map((s) => ({
          title: s.name,
          status: s.done ? 'finish' : undefined,
          description: s.done ? (
            <div style={{ fontSize: 12 }}>
              {s.completedAt ? formatDate(s.completedAt) : ''}
              {s.note ? <div>{s.note}</div> : null}
              {s.meetingId ? (
                <div>
                  <Link to={`/meetings/${s.meetingId}`}>{s.meetingTitle}</Link>
                  {s.motionWords ? <div>{s.motionWords}</div> : null}
                </div>
              ) : null}
              {s.disclosureTitle ? <div>{s.disclosureTitle}</div> : null}
            </div>
          ) : null,
        }))}
      />
      {acting ? <StepModal p={p} onClose={() => setActing(false)} /> : null}
    </Card>
  );
}

function StepModal({ p, onClose }: { p: Procedure; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const step = p.steps.find((s) => s.key === p.nextStep)!;
  const meetings = useQuery({
    queryKey: ['participation', 'meetings', { status: 'closed', pageSize: 200 }],
    queryFn: () => ptApi.meetings({ status: 'closed', pageSize: 200 }),
    enabled: step.kind === 'meeting',
  });
  const meetingId = Form.useWatch('meetingId', form) as string | undefined;
  const detail = useQuery({
    queryKey: ['participation', 'meeting', meetingId ?? ''],
    queryFn: () => ptApi.meeting(meetingId!),
    enabled: !!meetingId,
  });
  const disclosures = useQuery({
    queryKey: ['participation', 'disclosures', 'decision'],
    queryFn: () => ptApi.disclosures({ kind: 'decision', pageSize: 200 }),
    enabled: step.kind === 'disclosure',
  });
  const save = (v: { note?: string; meetingId?: string; motionId?: string; disclosureId?: string }) =>
    ptApi.step(p.id, { step: step.key, ...v });
  const req = [{ required: true }];
  return (
    <SubmitModal
      title={`${t('participation.proc.next')}：${step.name}`}
      invalidate={['participation', 'procedures']}
      savedText={t('participation.detail.saved')}
      onClose={onClose}
      form={form}
      submit={save}
    >
      {step.kind === 'meeting' ? (
        <>
          <Form.Item name="meetingId" label={t('participation.proc.meeting')} rules={req}>
            <Select
              options={(meetings.data?.items ?? [])
                .filter((m) => step.meetingKinds.includes(m.kind) && m.quorum.met)
                .map((m) => ({ value: m.id, label: `${m.title}（${formatDate(m.heldAt)}）` }))}
            />
          </Form.Item>
          <Form.Item name="motionId" label={t('participation.proc.motion')} rules={req}>
            <Select
              options={(detail.data?.motions ?? [])
                .filter((x) => x.passed)
                .map((x) => ({ value: x.id, label: `${x.title}：${x.words}` }))}
            />
          </Form.Item>
        </>
      ) : null}
      {step.kind === 'disclosure' ? (
        <Form.Item name="disclosureId" label={t('participation.proc.disclosure')} rules={req}>
          <Select
            options={(disclosures.data?.items ?? []).map((d) => ({
              value: d.id,
              label: `${d.title}（${formatDate(d.postedAt)}）`,
            }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('participation.proc.note')} rules={step.kind === 'record' ? req : []}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </SubmitModal>
  );
}

function CreateModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const save = (v: {
    orgUnitId: string;
    template: 'four_two' | 'five_two';
    title: string;
    matter: string;
    matterClass?: MatterClass;
  }) => ptApi.createProcedure({ ...v, matterClass: v.matterClass ?? null });
  const req = [{ required: true }];
  return (
    <SubmitModal
      title={t('participation.proc.new')}
      initialValues={{ template: 'four_two' }}
      invalidate={['participation', 'procedures']}
      savedText={null}
      onClose={onClose}
      submit={save}
    >
      <UnitField kinds={['community', 'subdistrict']} />
      <Form.Item name="template" label={t('participation.proc.template')} rules={req}>
        <Select
          options={PROCEDURE_TEMPLATES.map((tpl) => ({
            value: tpl.key,
            label: `${tpl.name[locale]}：${tpl.steps.map((s) => s.name[locale]).join(' → ')}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('participation.field.title')} rules={req}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="matter" label={t('participation.proc.matter')} rules={req}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item
        name="matterClass"
        label={t('participation.proc.class')}
        extra={t('participation.proc.classHint')}
      >
        <Select
          allowClear
          placeholder={t('participation.proc.classNone')}
          options={matterClassOptions(locale)}
        />
      </Form.Item>
    </SubmitModal>
  );
}
