import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryPageTable } from '../../app/components/QueryPageTable';
import { useI18n } from '../../app/i18n';
import { dateColumn, linkColumn } from '../../app/components/columns';
import { useFormSaving } from '../../app/formSaving';
import { OrgUnitSelect } from '../org/api';
import { type Round, assessmentsApi, assessmentsKeys } from './api';
import { RoundStateTag } from './parts';

/** A round's three deadlines, in schedule order: self-assessment, subdistrict review, third-party evaluation. */
const DUE_DATES = ['selfDue', 'reviewDue', 'evaluationDue'] as const;

/** The form a city or district opens a round with: framework version, year, communities, schedule, evaluator. */
function RoundFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const [busy, runSave] = useFormSaving(form);
  const issuer = Form.useWatch<string | undefined>('orgUnitId', form);
  const frameworks = useQuery({
    queryKey: assessmentsKeys.frameworks,
    queryFn: assessmentsApi.frameworks,
    enabled: open,
  });
  const options = useQuery({
    queryKey: assessmentsKeys.options(issuer ?? ''),
    queryFn: () => assessmentsApi.roundOptions(issuer!),
    enabled: open && !!issuer,
  });
  const submit = async () => {
    const v = await form.validateFields();
    await runSave(async () => {
      const d = (x: Dayjs) => x.format('YYYY-MM-DD');
      const r = await assessmentsApi.createRound({
        ...v,
        selfDue: d(v.selfDue),
        reviewDue: d(v.reviewDue),
        evaluationDue: d(v.evaluationDue),
      });
      message.success(t('assessments.round.created'));
      await qc.invalidateQueries({ queryKey: assessmentsKeys.all });
      onClose();
      navigate(`/assessments/rounds/${r.id}`);
    });
  };
  return (
    <Modal
      open={open}
      title={t('assessments.rounds.new')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ year: dayjs().year() }}>
        <Form.Item name="orgUnitId" label={t('assessments.round.issuer')} rules={[{ required: true }]}>
          <OrgUnitSelect selectableKinds={['city', 'district']} />
        </Form.Item>
        <Form.Item name="versionId" label={t('assessments.round.version')} rules={[{ required: true }]}>
          <Select
            options={(frameworks.data?.items ?? []).flatMap((f) =>
              f.versions.map((x) => ({
                value: x.id,
                label: `${f.name} · ${t('assessments.fw.version', { n: x.version })}`,
              })),
            )}
          />
        </Form.Item>
        <Form.Item name="year" label={t('assessments.round.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="title" label={t('assessments.round.title')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="communityIds"
          label={t('assessments.round.communities')}
          rules={[{ required: true }]}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            disabled={!issuer}
            options={(options.data?.communities ?? []).map((c) => ({
              value: c.id,
              label: c.parentName ? `${c.parentName} · ${c.name}` : c.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="evaluatorId" label={t('assessments.round.evaluator')} rules={[{ required: true }]}>
          <Select
            disabled={!issuer}
            options={(options.data?.evaluators ?? []).map((e) => ({ value: e.id, label: e.name }))}
          />
        </Form.Item>
        {DUE_DATES.map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`assessments.round.${name}`)}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** Rounds the user may read; the evaluator may narrow them to those assigned to it. */
export default function RoundsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const view = params.get('view') === 'assigned' ? 'assigned' : 'all';
  const q = { page, pageSize: 20, view };
  const list = useQuery({ queryKey: assessmentsKeys.rounds(q), queryFn: () => assessmentsApi.rounds(q) });
  const columns: TableColumnsType<Round> = [
    { title: t('assessments.round.year'), dataIndex: 'year', width: 80 },
    linkColumn<Round>(t('assessments.round.title'), 'title', (r) => `/assessments/rounds/${r.id}`),
    { title: t('assessments.round.issuer'), dataIndex: 'orgUnitName', width: 120, responsive: ['md'] },
    {
      title: t('assessments.round.framework'),
      dataIndex: 'frameworkName',
      responsive: ['lg'],
      render: (v: string, r) => `${v} · ${t('assessments.fw.version', { n: r.frameworkVersion })}`,
    },
    {
      title: t('assessments.round.state'),
      dataIndex: 'state',
      width: 100,
      render: (s: Round['state']) => <RoundStateTag state={s} />,
    },
    { title: t('assessments.round.sheets'), dataIndex: 'sheetCount', width: 90, align: 'right' },
    {
      title: t('assessments.round.progress'),
      key: 'progress',
      width: 200,
      render: (_, r) =>
        (['self_assessment', 'review', 'evaluation', 'signed'] as const)
          .filter((s) => r.counts[s])
          .map((s) => `${t(`assessments.sheetState.${s}`)} ${r.counts[s]}`)
          .join('，'),
    },
    dateColumn(t('assessments.round.evaluationDue'), 'evaluationDue', 120),
  ];
  return (
    <>
      <PageHeader
        title={t('assessments.rounds.title')}
        subtitle={t('assessments.rounds.subtitle')}
        extra={
          <>
            {can('assessments.evaluate') ? (
              <span>
                {t('assessments.rounds.assigned')}{' '}
                <Switch
                  checked={view === 'assigned'}
                  onChange={(on) => {
                    setPage(1);
                    setParams(on ? { view: 'assigned' } : {});
                  }}
                />
              </span>
            ) : null}
            {can('assessments.manage') ? (
              <AddButton onClick={() => setCreating(true)} data-testid="round-new">
                {t('assessments.rounds.new')}
              </AddButton>
            ) : null}
          </>
        }
      />
      <QueryPageTable<Round>
        list={list}
        page={page}
        onPage={setPage}
        empty={t('assessments.rounds.empty')}
        columns={columns}
        data-testid="rounds-table"
      />
      <RoundFormModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
