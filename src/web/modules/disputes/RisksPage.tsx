import { Button, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DS_RISK_LEVELS, DS_RISK_STATES } from '../../../shared/contracts/disputes';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { FormModal, RegistryCard, usePagedQuery } from '../../app/components/Registry';
import { formatDateTime } from '../../app/format';
import { type MessageKey, useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { type Risk, dsApi, dsKeys } from './api';
import { labelOptions } from './meta';

const LEVEL_COLOR = { low: 'default', medium: 'orange', high: 'red' } as const;
const STATE_COLOR = { open: 'red', handling: 'orange', resolved: 'green' } as const;
const req = [{ required: true }];

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
              <Select
                style={{ width: 140 }}
                allowClear
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
              <Select
                style={{ width: 120 }}
                allowClear
                placeholder={t('disputes.risks.level')}
                value={level}
                onChange={setLevel}
                options={labelOptions(t, 'disputes.risks.level', DS_RISK_LEVELS)}
              />
              <Select
                style={{ width: 120 }}
                allowClear
                placeholder={t('disputes.risks.state')}
                value={state}
                onChange={setState}
                options={labelOptions(t, 'disputes.risks.state', DS_RISK_STATES)}
              />
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
              {r.involved ? (
                <Typography.Text type="secondary">
                  {t('disputes.risks.involved')}：{r.involved}
                </Typography.Text>
              ) : null}
              {r.measures ? (
                <Typography.Text type="secondary">
                  {t('disputes.risks.measures')}：{r.measures}
                </Typography.Text>
              ) : null}
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
          {
            title: t('disputes.risks.level'),
            dataIndex: 'level',
            width: 90,
            render: (v: Risk['level']) => (
              <Tag color={LEVEL_COLOR[v]}>{t(`disputes.risks.level.${v}` as MessageKey)}</Tag>
            ),
          },
          {
            title: t('disputes.risks.state'),
            dataIndex: 'state',
            width: 90,
            render: (v: Risk['state']) => (
              <Tag color={STATE_COLOR[v]}>{t(`disputes.risks.state.${v}` as MessageKey)}</Tag>
            ),
          },
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
            <Form.Item name="orgUnitId" label={t('disputes.risks.unit')} rules={req}>
              <OrgUnitSelect selectableKinds={['grid', 'community']} searchKind="grid" />
            </Form.Item>
            <Form.Item name="round" label={t('disputes.risks.round')} rules={req}>
              <Select options={rounds} />
            </Form.Item>
            <Form.Item name="title" label={t('disputes.risks.name')} rules={req}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="description" label={t('disputes.risks.description')} rules={req}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="level" label={t('disputes.risks.level')} rules={req}>
              <Radio.Group options={labelOptions(t, 'disputes.risks.level', DS_RISK_LEVELS)} />
            </Form.Item>
            <Form.Item name="involved" label={t('disputes.risks.involved')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="measures" label={t('disputes.risks.measures')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
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
            <Form.Item name="note" label={t('disputes.risks.note')} rules={req}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </FormModal>
        ) : null}
      </RegistryCard>
    </>
  );
}
