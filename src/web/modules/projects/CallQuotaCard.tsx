import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useBusyAction } from '../../app/useBusyAction';
import { useI18n } from '../../app/i18n';
import { projectsKeys } from './api';
import { type QuotaProposal, evaluationApi, evaluationKeys } from './evaluationApi';
import { SectionCard } from './parts';
import { SmallTable } from '../../app/components/SmallTable';

/**
 * A call's pilot quota per subdistrict/town (R-PJ-4: next year's quota grows or shrinks with results):
 * the bureau generates it from last year's final evaluations, edits and saves it while the call is a draft.
 */
export function CallQuotaCard({ callId }: { callId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const [draft, setDraft] = useState<Record<string, number | null>>();
  const [proposal, setProposal] = useState<QuotaProposal>();
  const [busy, withBusy] = useBusyAction();
  const q = useQuery({ queryKey: evaluationKeys.call(callId), queryFn: () => evaluationApi.call(callId) });
  if (!q.data) return null;
  const d = q.data;
  const editing = d.abilities.editQuotas;
  const quotaOf = (unitId: string, saved: number | null) =>
    draft && unitId in draft ? draft[unitId]! : saved;
  const proposed = new Map(proposal?.rows.map((r) => [r.unitId, r]));
  const gradeName = (key: string) => proposal?.bands.find((b) => b.key === key)?.name ?? key;

  const generate = async () => {
    await withBusy(async () => {
      const p = await evaluationApi.proposal(callId);
      setProposal(p);
      setDraft(Object.fromEntries(p.rows.map((r) => [r.unitId, r.proposed])));
    });
  };
  const save = async () => {
    await withBusy(async () => {
      await evaluationApi.setQuotas(callId, {
        quotas: d.subdistricts.map((s) => ({ unitId: s.unitId, quota: quotaOf(s.unitId, s.quota) })),
        fromCallId: proposal?.fromCall.id ?? d.quotasFromCall?.id ?? null,
      });
      message.success(t('projects.quota.saved'));
      setDraft(undefined);
      setProposal(undefined);
      await qc.invalidateQueries({ queryKey: projectsKeys.all });
    });
  };

  return (
    <SectionCard
      title={t('projects.quota.title')}
      data-testid="quota-card"
      extra={
        editing ? (
          <Space>
            <Button size="small" onClick={generate} loading={busy} data-testid="quota-generate">
              {t('projects.quota.generate')}
            </Button>
            <Button
              size="small"
              type="primary"
              onClick={save}
              loading={busy}
              disabled={!draft}
              data-testid="quota-save"
            >
              {t('projects.quota.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('projects.quota.hint')}
        {editing ? '' : t('projects.quota.locked')}
      </Typography.Paragraph>
      {proposal ? (
        <Typography.Paragraph>
          {t('projects.quota.proposal', { call: proposal.fromCall.title })}
        </Typography.Paragraph>
      ) : d.quotasFromCall ? (
        <Typography.Paragraph type="secondary">
          {t('projects.quota.from', { call: d.quotasFromCall.title })}
        </Typography.Paragraph>
      ) : null}
      <SmallTable
        rowKey="unitId"
        dataSource={d.subdistricts}
        columns={[
          { title: t('projects.quota.unit'), dataIndex: 'name' },
          ...(proposal
            ? [
                {
                  title: t('projects.quota.pilots'),
                  key: 'pilots',
                  align: 'right' as const,
                  render: (_: unknown, s: (typeof d.subdistricts)[number]) =>
                    proposed.get(s.unitId)?.pilots ?? 0,
                },
                {
                  title: t('projects.quota.grades'),
                  key: 'grades',
                  render: (_: unknown, s: (typeof d.subdistricts)[number]) => (
                    <Space size={4} wrap>
                      {Object.entries(proposed.get(s.unitId)?.grades ?? {}).map(([k, n]) => (
                        <Tag key={k}>
                          {gradeName(k)}×{n}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                {
                  title: t('projects.quota.delta'),
                  key: 'delta',
                  align: 'right' as const,
                  render: (_: unknown, s: (typeof d.subdistricts)[number]) => {
                    const n = proposed.get(s.unitId)?.delta ?? 0;
                    return n > 0 ? `+${n}` : String(n);
                  },
                },
              ]
            : []),
          {
            title: t('projects.quota.quota'),
            key: 'quota',
            align: 'right',
            width: 140,
            render: (_: unknown, s) => {
              const v = quotaOf(s.unitId, s.quota);
              return editing ? (
                <InputNumber
                  min={0}
                  max={1000}
                  precision={0}
                  value={v}
                  placeholder={t('projects.quota.none')}
                  onChange={(n) => setDraft({ ...(draft ?? {}), [s.unitId]: n ?? null })}
                  data-testid={`quota-${s.unitId}`}
                />
              ) : v === null ? (
                <Typography.Text type="secondary">{t('projects.quota.none')}</Typography.Text>
              ) : (
                v
              );
            },
          },
          { title: t('projects.quota.selected'), dataIndex: 'selected', align: 'right', width: 100 },
        ]}
      />
    </SectionCard>
  );
}
