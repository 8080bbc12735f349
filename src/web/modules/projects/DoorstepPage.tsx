import { DownloadOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  DOORSTEP_CATEGORIES,
  DOORSTEP_STAGES,
  FREQUENCY_PERIODS,
  SETTLEMENT_TYPES,
} from '../../../shared/contracts/projects.doorstep';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { FormModal, RegistryCard, usePagedQuery } from '../../app/components/Registry';
import { useShowError } from '../../app/errors';
import { type MessageKey, useI18n } from '../../app/i18n';
import { linkColumn } from '../../app/components/columns';
import { OrgUnitSelect } from '../org/api';
import { type Doorstep, type DoorstepDetail, doorstepApi, doorstepKeys } from './doorstepApi';
import { yuanColumn } from './parts';
import { FilterSelect } from '../../app/components/FilterSelect';

type Named = { key: string; name: string; en: string };
/** A data label (category, stage, settlement type) in the UI's language. */
export function useNamed() {
  const { locale } = useI18n();
  return (list: readonly Named[], key: string | null | undefined) => {
    const x = list.find((c) => c.key === key);
    return x ? (locale === 'en' ? x.en : x.name) : '';
  };
}

/** A Select's options for a data list (categories, settlement types), labelled in the UI's language. */
function namedOptions(named: ReturnType<typeof useNamed>, list: readonly Named[]) {
  return list.map((c) => ({ value: c.key, label: named(list, c.key) }));
}

/** 每月 20 次 / 20 per month. */
export function useFrequency() {
  const { t } = useI18n();
  return (n: number, per: string) =>
    t('projects.doorstep.perTimes', { n, per: t(`projects.doorstep.per.${per}` as MessageKey) });
}

const thisYear = () => new Date().getFullYear();

/** The form of a doorstep project (register or edit); the community is chosen only when registering. */
export function DoorstepFormModal({ editing, onClose }: { editing?: DoorstepDetail; onClose: () => void }) {
  const { t } = useI18n();
  const named = useNamed();
  const req = [{ required: true }];
  return (
    <FormModal
      title={editing ? t('projects.doorstep.edit') : t('projects.doorstep.new')}
      invalidate={doorstepKeys.all}
      fenFields={['budgetFen']}
      empty={editing ? 'null' : 'omit'}
      initialValues={
        editing
          ? { ...editing, budgetFen: editing.budgetFen / 100 }
          : { year: thisYear(), servicePer: 'month', serviceTimes: 4, peopleServed: 0 }
      }
      submit={(body) =>
        editing
          ? doorstepApi.update(editing.id, body as never)
          : doorstepApi.create(body as Parameters<typeof doorstepApi.create>[0])
      }
      onClose={onClose}
    >
      {editing ? null : (
        <Form.Item name="orgUnitId" label={t('projects.doorstep.unit')} rules={req}>
          <OrgUnitSelect selectableKinds={['community']} data-testid="doorstep-unit" />
        </Form.Item>
      )}
      <Space wrap align="start">
        <Form.Item name="year" label={t('projects.doorstep.year')} rules={req}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('projects.doorstep.category')}
          rules={req}
          extra={t('projects.doorstep.limitHint')}
        >
          <Select style={{ width: 200 }} options={namedOptions(named, DOORSTEP_CATEGORIES)} />
        </Form.Item>
      </Space>
      <Form.Item name="name" label={t('projects.doorstep.name')} rules={[...req, { max: 100 }]}>
        <Input />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="settlementType" label={t('projects.doorstep.settlement')}>
          <Select allowClear style={{ width: 200 }} options={namedOptions(named, SETTLEMENT_TYPES)} />
        </Form.Item>
        <Form.Item name="budgetFen" label={t('projects.doorstep.budget')} rules={req}>
          <InputNumber min={0} precision={2} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="servicePer" label={t('projects.doorstep.frequency')} rules={req}>
          <Select
            style={{ width: 110 }}
            options={FREQUENCY_PERIODS.map((p) => ({
              value: p,
              label: `${t('projects.doorstep.per')}${t(`projects.doorstep.per.${p}` as MessageKey)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="serviceTimes" label={t('projects.doorstep.times')} rules={req}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="peopleServed" label={t('projects.doorstep.people')} rules={req}>
          <InputNumber min={0} precision={0} style={{ width: 130 }} />
        </Form.Item>
      </Space>
      <Form.Item name="summary" label={t('projects.doorstep.summary')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

export function StageTag({ stage }: { stage: string | null }) {
  const { t } = useI18n();
  const named = useNamed();
  if (!stage) return <Tag>{t('projects.doorstep.notStarted')}</Tag>;
  return (
    <Tag color={stage === 'implementation' ? 'green' : 'processing'}>{named(DOORSTEP_STAGES, stage)}</Tag>
  );
}

/** 家门口项目: the register in reach, filtered by year, category and community; staff export it. */
export default function DoorstepPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const named = useNamed();
  const freq = useFrequency();
  const showError = useShowError();
  const [year, setYear] = useState<number | undefined>(thisYear());
  const [category, setCategory] = useState<string>();
  const [unitId, setUnitId] = useState<string>();
  const [adding, setAdding] = useState(false);
  const paged = usePagedQuery(doorstepKeys.list, doorstepApi.list, { year, category, orgUnitId: unitId });
  const years = Array.from({ length: 5 }, (_, i) => thisYear() + 1 - i);
  return (
    <>
      <PageHeader
        title={t('projects.doorstep.title')}
        subtitle={t('projects.doorstep.subtitle')}
        extra={
          <>
            {can('projects.export') ? (
              <Button
                icon={<DownloadOutlined />}
                onClick={() => doorstepApi.exportXlsx({ year, category, orgUnitId: unitId }).catch(showError)}
              >
                {t('projects.doorstep.export')}
              </Button>
            ) : null}
            {can('projects.apply') ? (
              <AddButton onClick={() => setAdding(true)}>{t('projects.doorstep.new')}</AddButton>
            ) : null}
          </>
        }
      />
      <RegistryCard<Doorstep>
        paged={paged}
        empty={t('projects.doorstep.empty')}
        scroll={{ x: 1000 }}
        toolbar={
          <Space wrap>
            <FilterSelect
              width={120}
              placeholder={t('projects.doorstep.allYears')}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <FilterSelect
              width={160}
              placeholder={t('projects.doorstep.allCategories')}
              value={category}
              onChange={setCategory}
              options={namedOptions(named, DOORSTEP_CATEGORIES)}
            />
            <div style={{ width: 220 }}>
              <OrgUnitSelect
                value={unitId}
                onChange={(v) => setUnitId(v)}
                selectableKinds={['community']}
                searchKind="community"
                allowClear
                placeholder={t('projects.doorstep.allUnits')}
              />
            </div>
          </Space>
        }
        columns={[
          linkColumn(t('projects.doorstep.name'), 'name', (r) => `/projects/doorstep/${r.id}`),
          { title: t('projects.doorstep.unit'), dataIndex: 'orgUnitName', width: 130 },
          { title: t('projects.doorstep.year'), dataIndex: 'year', width: 70 },
          {
            title: t('projects.doorstep.category'),
            dataIndex: 'category',
            width: 120,
            render: (v: string) => named(DOORSTEP_CATEGORIES, v),
          },
          { ...yuanColumn(t('projects.doorstep.budget'), 'budgetFen'), width: 110 },
          {
            title: t('projects.doorstep.frequency'),
            key: 'freq',
            width: 110,
            render: (_: unknown, r) => freq(r.serviceTimes, r.servicePer),
          },
          { title: t('projects.doorstep.people'), dataIndex: 'peopleServed', width: 90, align: 'right' },
          {
            title: t('projects.doorstep.stage'),
            dataIndex: 'stage',
            width: 100,
            render: (v: string | null) => <StageTag stage={v} />,
          },
          {
            title: t('projects.doorstep.completeness'),
            key: 'done',
            width: 170,
            render: (_: unknown, r) => (
              <Typography.Text type={r.stagesDone === 4 && r.documentsDone === 4 ? 'success' : undefined}>
                {t('projects.doorstep.stagesN', { n: r.stagesDone, total: 4 })}
                {'　'}
                {t('projects.doorstep.documentsN', { n: r.documentsDone, total: 4 })}
              </Typography.Text>
            ),
          },
        ]}
      >
        {adding ? <DoorstepFormModal onClose={() => setAdding(false)} /> : null}
      </RegistryCard>
    </>
  );
}
