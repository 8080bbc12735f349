import { LinkOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Flex, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { BlockSkeleton, ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { type SheetDetail, assessmentsApi, assessmentsKeys } from './api';

/**
 * Records Linli already holds, attached to one indicator as evidence (issue 12): the attached ones as tags,
 * and for whoever may add evidence now a dialog listing the community's records from the sources the
 * framework names for this indicator.
 */
export function EvidenceLinks({
  sheet,
  nodeId,
  canEdit,
}: {
  sheet: SheetDetail;
  nodeId: string;
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const layer = sheet.state === 'evaluation' ? 'eval' : 'self';
  const links = sheet.evidenceLinks.filter((l) => l.nodeId === nodeId);
  const candidates = useQuery({
    queryKey: [...assessmentsKeys.sheet(sheet.id), 'evidence', nodeId],
    queryFn: () => assessmentsApi.evidence(sheet.id, nodeId),
    enabled: open,
  });
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: assessmentsKeys.sheet(sheet.id) });
  };
  const run = async (key: string, f: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await f();
      await refresh();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };
  if (links.length === 0 && !canEdit) return null;
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }} data-testid={`evidence-links-${nodeId}`}>
      <Typography.Text type="secondary">{t('assessments.evidence.linked')}：</Typography.Text>
      {links.length === 0 ? (
        <Typography.Text type="secondary">{t('assessments.common.none')}</Typography.Text>
      ) : null}
      {links.map((l) => (
        <Tag
          key={l.id}
          color={l.layer === 'eval' ? 'purple' : 'blue'}
          closable={canEdit && l.layer === layer}
          onClose={(e) => {
            e.preventDefault();
            void run(l.id, () => assessmentsApi.unlinkEvidence(sheet.id, l.id));
          }}
          title={[l.detail, l.createdByName].filter(Boolean).join(' · ')}
        >
          {l.source}：{l.title}
        </Tag>
      ))}
      {canEdit ? (
        <Button
          size="small"
          icon={<LinkOutlined />}
          onClick={() => setOpen(true)}
          data-testid={`evidence-open-${nodeId}`}
        >
          {t('assessments.evidence.add')}
        </Button>
      ) : null}
      <Modal
        open={open}
        title={t('assessments.evidence.title')}
        onCancel={() => setOpen(false)}
        footer={null}
        width={720}
        destroyOnHidden
      >
        {candidates.isPending ? (
          <BlockSkeleton />
        ) : candidates.isError ? (
          <ErrorResult error={candidates.error} onRetry={() => void candidates.refetch()} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {t('assessments.evidence.period', {
                from: candidates.data.period.from,
                to: candidates.data.period.to,
              })}
            </Typography.Paragraph>
            {candidates.data.sources.length === 0 ? (
              <Empty description={t('assessments.evidence.noSources')} />
            ) : null}
            {candidates.data.sources.map((src) => (
              <div key={src.key} style={{ marginBottom: 16 }}>
                <Typography.Title level={5}>{src.label}</Typography.Title>
                <List
                  size="small"
                  bordered
                  dataSource={src.records}
                  locale={{ emptyText: t('assessments.evidence.noRecords') }}
                  renderItem={(r) => (
                    <List.Item
                      actions={[
                        r.linked ? (
                          <Tag key="done" color="green">
                            {t('assessments.evidence.done')}
                          </Tag>
                        ) : (
                          <Button
                            key="add"
                            size="small"
                            type="link"
                            loading={busy === `${src.key}|${r.ref}`}
                            onClick={() =>
                              void run(`${src.key}|${r.ref}`, async () => {
                                await assessmentsApi.linkEvidence(sheet.id, {
                                  nodeId,
                                  source: src.key,
                                  ref: r.ref,
                                });
                                await candidates.refetch();
                              })
                            }
                          >
                            {t('assessments.evidence.attach')}
                          </Button>
                        ),
                      ]}
                    >
                      <Space direction="vertical" size={0}>
                        <span>
                          {r.title}
                          {r.date ? (
                            <Typography.Text type="secondary">（{formatDate(r.date)}）</Typography.Text>
                          ) : null}
                        </span>
                        {r.detail ? <Typography.Text type="secondary">{r.detail}</Typography.Text> : null}
                      </Space>
                    </List.Item>
                  )}
                />
              </div>
            ))}
          </>
        )}
      </Modal>
    </Flex>
  );
}
