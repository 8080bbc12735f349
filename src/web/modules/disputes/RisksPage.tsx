import { Button, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DS_RISK_LEVELS, DS_RISK_STATES } from '../../../shared/contracts/disputes';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { FormModal, RegistryCard, usePagedQuery } from '../../app/components/Registry';
import { formatDateTime } from '../../app/format';
import { type MessageKey, type TFunction, useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { type Risk, dsApi, dsKeys } from './api';
import { Field, labelOptions } from './meta';
import { FilterSelect } from '../../app/components/FilterSelect';

/** A risk's two graded fields: their values and the colour of each value's tag. */
const GRADES = {
  level: { values: DS_RISK_LEVELS, colors: { low: 'default', medium: 'orange', high: 'red' } },
  state: { values: DS_RISK_STATES, colors: { open: 'red', handling: 'orange', resolved: 'green' } },
} as const;
type Grade = keyof typeof GRADES;

/** A filter on a graded field: one of its values or all. */
function GradeFilter({
  grade,
  value,
  onChange,
}: {
  grade: Grade;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <FilterSelect
      width={120}
      placeholder={t(`disputes.risks.${grade}` as const)}
      value={value}
      onChange={onChange}
      options={labelOptions(t, `disputes.risks.${grade}`, GRADES[grade].values)}
    />
  );
}

/** The table column of a graded field: its value as a coloured tag. */
function gradeColumn(t: TFunction, grade: Grade) {
  const colors: Record<string, string> = GRADES[grade].colors;
  return {
    title: t(`disputes.risks.${grade}` as const),
    dataIndex: grade,
    width: 90,
    render: (v: string) => <Tag color={colors[v]}>{t(`disputes.risks.${grade}.${v}` as MessageKey)}</Tag>,
  };
}

/** '2026-12' → 2026年12月. */
const roundLabel = (r: string) => `${r.slice(0, 4)}年${Number(r.slice(5))}月`;

/** The last twelve China months, newest first: the screening rounds to filter by. */
function recentRounds(): string[] {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/** 排查隐患: the register of hidden dispute risks found in the grids' monthly screening (issue 14 §6). */
export default function RisksPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [rounds] = useState(() => recentRounds().map((r) => ({ value: r, label: roundLabel(r) })));
  const [round, setRound] = useState<string | undefined>(rounds[0]!.value);
  const [level, setLevel] = useState<string | undefined>();
  const [state, setState] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const paged = usePagedQuery(dsKeys.risks, dsApi.risks, { round, level, state, orgUnitId: unitId });
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ risk: Risk; action: string } | null>(null);
  const s = paged.list.data?.summary;
  return (
    <>
      <PageHeader title={t('disputes.risks.title')} subtitle={t('disputes.risks.subtitle')} />
      <RegistryCard<Risk>
        paged={paged}
        empty={t('disputes.risks.empty')}
        scroll={{ x: 1100 }}
        toolbar={
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <FilterSelect
                width={140}
                placeholder={t('disputes.risks.allRounds')}
                value={round}
                onChange={setRound}
                options={rounds}
              />
              <div style={{ width: 220 }}>
                <OrgUnitSelect
                  value={unitId}
                  onChange={(v) => setUnitId(v)}
                  selectableKinds={['subdistrict', 'community', 'grid']}
                  searchKind="grid"
                  placeholder={t('disputes.risks.unit')}
                />
              </div>
              <GradeFilter grade="level" value={level} onChange={setLevel} />
              <GradeFilter grade="state" value={state} onChange={setState} />
              {can('disputes.register') ? (
                <AddButton onClick={() => setCreating(true)}>{t('disputes.risks.new')}</AddButton>
              ) : null}
            </Space>
            {s ? <Typography.Text type="secondary">{t('disputes.risks.summary', s)}</Typography.Text> : null}
          </Space>
        }
        expandable={{
          expandedRowRender: (r) => (
            <Space direction="vertical" size={4}>
              <Typography.Text>{r.description}</Typography.Text>
              {(['involved', 'measures'] as const).map((k) =>
                r[k] ? (
                  <Typography.Text key={k} type="secondary">
                    {t(`disputes.risks.${k}` as const)}：{r[k]}
                  </Typography.Text>
                ) : null,
              )}
              {r.handledNote ? (
                <Typography.Text>
                  {t('disputes.risks.note')}：{r.handledNote}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        }}
        columns={[
          {
            title: t('disputes.risks.round'),
            dataIndex: 'round',
            width: 100,
            render: roundLabel,
          },
          { title: t('disputes.risks.unit'), dataIndex: 'unitName', width: 150 },
          { title: t('disputes.risks.name'), dataIndex: 'title', width: 240 },
          gradeColumn(t, 'level'),
          gradeColumn(t, 'state'),
          {
            title: t('disputes.risks.reportedBy'),
            key: 'by',
            width: 200,
            render: (_: unknown, r) =>
              `${r.reportedByName ?? '—'} · ${formatDateTime(r.createdAt).slice(0, 16)}`,
          },
          {
            title: '',
            key: 'ops',
            width: 180,
            fixed: 'right',
            render: (_: unknown, r) => (
              <Space size={4}>
                {r.actions.map((a) => (
                  <Button key={a} size="small" onClick={() => setActing({ risk: r, action: a })}>
                    {t(`disputes.risks.action.${a}` as MessageKey)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      >
        {creating ? (
          <FormModal
            invalidate={dsKeys.all}
            empty="omit"
            title={t('disputes.risks.new')}
            initialValues={{ level: 'medium', round: rounds[0]!.value }}
            onClose={() => setCreating(false)}
            submit={(v) => dsApi.createRisk(v)}
          >
            <Field name="orgUnitId" label="disputes.risks.unit" required>
              <OrgUnitSelect selectableKinds={['grid', 'community']} searchKind="grid" />
            </Field>
            <Field name="round" label="disputes.risks.round" required>
              <Select options={rounds} />
            </Field>
            <Field name="title" label="disputes.risks.name" required>
              <Input maxLength={100} />
            </Field>
            <Field name="description" label="disputes.risks.description" required>
              <Input.TextArea rows={3} maxLength={2000} />
            </Field>
            <Field name="level" label="disputes.risks.level" required>
              <Radio.Group options={labelOptions(t, 'disputes.risks.level', DS_RISK_LEVELS)} />
            </Field>
            <Field name="involved" label="disputes.risks.involved">
              <Input maxLength={200} />
            </Field>
            <Field name="measures" label="disputes.risks.measures">
              <Input.TextArea rows={2} maxLength={2000} />
            </Field>
          </FormModal>
        ) : null}
        {acting ? (
          <FormModal
            invalidate={dsKeys.all}
            empty="omit"
            title={`${t(`disputes.risks.action.${acting.action}` as MessageKey)}：${acting.risk.title}`}
            onClose={() => setActing(null)}
            submit={(v) =>
              dsApi.actOnRisk(acting.risk.id, { action: acting.action, note: String(v.note ?? '') })
            }
          >
            <Field name="note" label="disputes.risks.note" required>
              <Input.TextArea rows={3} maxLength={2000} />
            </Field>
          </FormModal>
        ) : null}
      </RegistryCard>
    </>
  );
}
