import { enumOptions } from '../../app/components/enumOptions';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Form, Input, InputNumber, Modal, Progress, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageTable } from '../../app/components/PageTable';
import { useShowError } from '../../app/errors';
import { type MessageKey, useI18n } from '../../app/i18n';
import { FilterSelect } from '../../app/components/FilterSelect';
import { refilterOf } from '../../app/usePaging';
import { codeColumn, dateColumn } from '../../app/components/columns';
import { OrgUnitSelect } from '../org/api';
import { type Survey, svApi } from './api';
import { AddPageHeader } from '../../app/components/AddPageHeader';

export const PURPOSES = ['satisfaction', 'awareness', 'convention', 'needs', 'evaluation', 'other'] as const;
export const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  published: 'processing',
  closed: 'success',
};

/** 民意调查: the surveys in my scope, newest first; a new draft opens the builder. */
export default function SurveysPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const status = params.get('status') ?? undefined;
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['surveys', 'list', { page, status }],
    queryFn: () => svApi.list({ page, status }),
  });
  return (
    <>
      <AddPageHeader
        title={t('surveys.title')}
        subtitle={t('surveys.subtitle')}
        permission="surveys.manage"
        addLabel={t('surveys.new')}
        onAdd={() => setCreating(true)}
      />
      <Card size="small">
        <FilterSelect
          width={160}
          style={{ marginBottom: 12 }}
          placeholder={t('surveys.field.status')}
          value={status}
          onChange={refilterOf(setPage)((v?: string) => setParams(v ? { status: v } : {}))}
          options={enumOptions(t, 'surveys.status', ['draft', 'published', 'closed'] as const)}
        />
        <PageTable<Survey>
          list={list}
          page={page}
          onPage={setPage}
          empty={t('surveys.empty')}
          columns={[
            {
              title: t('surveys.field.title'),
              dataIndex: 'title',
              render: (v: string, s) => <Link to={`/surveys/${s.id}`}>{v}</Link>,
            },
            { title: t('surveys.field.unit'), dataIndex: 'unitName', width: 140 },
            codeColumn(t, t('surveys.field.purpose'), 'purpose', 130, 'surveys.purpose'),
            { title: t('surveys.field.year'), dataIndex: 'year', width: 70 },
            {
              title: t('surveys.field.status'),
              dataIndex: 'status',
              width: 90,
              render: (v: string) => (
                <Tag color={STATUS_COLOR[v]}>{t(`surveys.status.${v}` as MessageKey)}</Tag>
              ),
            },
            {
              title: t('surveys.field.responses'),
              width: 170,
              render: (_: unknown, s) =>
                s.target ? (
                  <Progress
                    size="small"
                    percent={Math.min(100, Math.round((s.responses / s.target) * 100))}
                    format={() => `${s.responses}/${s.target}`}
                  />
                ) : (
                  s.responses
                ),
            },
            dateColumn(t('surveys.field.closesAt'), 'closesAt', 110),
          ]}
        />
      </Card>
      {creating ? <CreateModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function CreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const showError = useShowError();
  const create = useMutation({
    mutationFn: (v: {
      orgUnitId: string;
      title: string;
      purpose: string;
      intro?: string;
      period: [Dayjs, Dayjs];
      target?: number;
    }) =>
      svApi.create({
        orgUnitId: v.orgUnitId,
        title: v.title,
        purpose: v.purpose as (typeof PURPOSES)[number],
        intro: v.intro,
        year: v.period[0].year(),
        opensAt: v.period[0].startOf('day').toDate(),
        closesAt: v.period[1].endOf('day').toDate(),
        target: v.target ?? null,
        questions: [],
      }),
    onSuccess: (s) => navigate(`/surveys/${s.id}`),
    onError: (e) => showError(e, form),
  });
  const req = [{ required: true }];
  return (
    <Modal
      open
      title={t('surveys.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ purpose: 'satisfaction', period: [dayjs(), dayjs().add(30, 'day')] }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="orgUnitId" label={t('surveys.field.unit')} rules={req}>
          <OrgUnitSelect selectableKinds={['city', 'district', 'subdistrict', 'community', 'grid']} />
        </Form.Item>
        <Form.Item name="title" label={t('surveys.field.title')} rules={req}>
          <Input maxLength={120} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="purpose" label={t('surveys.field.purpose')} rules={req}>
            <Select style={{ width: 200 }} options={enumOptions(t, 'surveys.purpose', PURPOSES)} />
          </Form.Item>
          <Form.Item name="target" label={t('surveys.field.target')}>
            <InputNumber min={1} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item name="period" label={t('surveys.field.period')} rules={req}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="intro" label={t('surveys.field.intro')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
