import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, DatePicker, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { MEETING_RULES as RULES } from '../../../shared/contracts/participation';
import { PageTable } from '../../app/components/PageTable';
import { useShowError } from '../../app/errors';
import { type MessageKey, useI18n } from '../../app/i18n';
import { dateTimeColumn } from '../../app/components/columns';
import { clickableRows } from '../../app/components/clickableRows';
import { useSearchPatch } from '../../app/useSearchPatch';
import { type Meeting, type MeetingQuery, ptApi, ptKeys } from './api';
import { MEETING_KINDS, STATUS_COLOR, basisName, kindName } from './meta';
import { FilterSelect } from '../../app/components/FilterSelect';
import { ManageHeader } from './ManageHeader';
import { UnitField } from './UnitField';

/** Meetings in scope, newest first; staff with participation.manage call new ones. */
export default function MeetingsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, patch] = useSearchPatch();
  const [creating, setCreating] = useState(false);
  const q: MeetingQuery = {
    kind: (params.get('kind') as MeetingQuery['kind']) ?? undefined,
    status: (params.get('status') as MeetingQuery['status']) ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: 20,
  };
  const list = useQuery({ queryKey: ptKeys.meetings(q), queryFn: () => ptApi.meetings(q) });
  const setFilter = (k: string, v?: string) => patch({ [k]: v });
  return (
    <>
      <ManageHeader
        title={t('participation.meetings.title')}
        subtitle={t('participation.meetings.subtitle')}
        addLabel={t('participation.meetings.new')}
        onAdd={() => setCreating(true)}
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <FilterSelect
            width={220}
            placeholder={t('participation.meetings.filterKind')}
            value={q.kind}
            onChange={(v) => setFilter('kind', v)}
            options={MEETING_KINDS.map((k) => ({ value: k, label: kindName(k, locale) }))}
          />
          <FilterSelect
            width={140}
            placeholder={t('participation.meetings.filterStatus')}
            value={q.status}
            onChange={(v) => setFilter('status', v)}
            options={['scheduled', 'open', 'closed'].map((s) => ({
              value: s,
              label: t(`participation.status.${s}` as MessageKey),
            }))}
          />
        </Space>
        <PageTable<Meeting>
          list={list}
          page={q.page}
          onPage={(p) => patch({ page: String(p) })}
          empty={t('participation.meetings.empty')}
          onRow={clickableRows((m) => navigate(`/meetings/${m.id}`))}
          columns={[
            dateTimeColumn(t('participation.field.heldAt'), 'heldAt', 150),
            { title: t('participation.field.unit'), dataIndex: 'unitName', width: 140 },
            {
              title: t('participation.field.kind'),
              dataIndex: 'kind',
              width: 170,
              render: (v: string) => kindName(v, locale),
            },
            {
              title: t('participation.field.title'),
              dataIndex: 'title',
              render: (v: string, m) => <Link to={`/meetings/${m.id}`}>{v}</Link>,
            },
            {
              title: t('participation.field.quorum'),
              key: 'quorum',
              render: (_: unknown, m) => (
                <Tag color={m.quorum.met ? 'green' : m.status === 'scheduled' ? 'default' : 'red'}>
                  {m.quorum.words}
                </Tag>
              ),
            },
            {
              title: t('participation.field.status'),
              dataIndex: 'status',
              width: 90,
              render: (v: string) => (
                <Tag color={STATUS_COLOR[v]}>{t(`participation.status.${v}` as MessageKey)}</Tag>
              ),
            },
          ]}
        />
      </Card>
      {creating ? <CreateModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function CreateModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const kind = (Form.useWatch('kind', form) ?? 'villager_reps') as keyof typeof RULES;
  const basis = Form.useWatch('basis', form) as string | undefined;
  const bases = Object.keys(RULES[kind].quorum);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      ptApi.create({
        orgUnitId: v.orgUnitId as string,
        kind: v.kind as 'villagers',
        basis: v.basis as 'adults',
        title: v.title as string,
        agenda: (v.agenda as string) || undefined,
        heldAt: (v.heldAt as { toISOString(): string }).toISOString(),
        noticeAt: v.noticeAt ? (v.noticeAt as { toISOString(): string }).toISOString() : undefined,
        place: (v.place as string) || undefined,
        host: (v.host as string) || undefined,
        members: String(v.members ?? '')
          .split(/\n+/)
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => {
            const female = /[（(]女[）)]$/.test(s);
            return {
              name: s.replace(/[（(][男女][）)]$/, ''),
              gender: female ? ('female' as const) : undefined,
            };
          }),
      }),
    onSuccess: (m) => {
      message.success(t('participation.detail.saved'));
      qc.invalidateQueries({ queryKey: ['participation'] });
      onClose();
      navigate(`/meetings/${m.id}`);
    },
    onError: (e) => showError(e, form),
  });
  const req = [{ required: true }];
  const rule = RULES[kind];
  return (
    <Modal
      open
      title={t('participation.meetings.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={680}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ kind: 'villager_reps', basis: 'members' }}
        onValuesChange={(c) => {
          if ('kind' in c)
            form.setFieldValue('basis', Object.keys(RULES[c.kind as keyof typeof RULES].quorum)[0]);
        }}
      >
        <UnitField kinds={['subdistrict', 'community', 'grid', 'compound', 'building']} />
        <Space wrap>
          <Form.Item name="kind" label={t('participation.field.kind')} rules={req}>
            <Select
              style={{ width: 240 }}
              options={MEETING_KINDS.map((k) => ({ value: k, label: kindName(k, locale) }))}
            />
          </Form.Item>
          <Form.Item
            name="basis"
            label={t('participation.field.basis')}
            rules={req}
            extra={`${t(`participation.rule.${rule.source}` as MessageKey)}${
              rule.noticeDays ? `；${t('participation.rule.notice', { days: rule.noticeDays })}` : ''
            }`}
          >
            <Select
              style={{ width: 220 }}
              options={bases.map((b) => ({ value: b, label: basisName(b, locale) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('participation.field.title')} rules={req}>
          <Input maxLength={120} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="heldAt" label={t('participation.field.heldAt')} rules={req}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="noticeAt" label={t('participation.field.noticeAt')}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="host" label={t('participation.field.host')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="place" label={t('participation.field.place')}>
            <Input maxLength={200} />
          </Form.Item>
        </Space>
        <Form.Item name="agenda" label={t('participation.field.agenda')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        {basis === 'members' ? (
          <Form.Item
            name="members"
            label={t('participation.field.members')}
            rules={req}
            extra={t('participation.field.membersHint')}
          >
            <Input.TextArea rows={5} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
