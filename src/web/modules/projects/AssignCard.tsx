import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Checkbox, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AssignmentsDto } from '../../../shared/contracts/projects.assign';
import type { Wire } from '../../../shared/contracts/wire';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { useBusyAction } from '../../app/useBusyAction';
import { useI18n } from '../../app/i18n';
import { linkColumn } from '../../app/components/columns';
import { type Application, projectsApi, projectsKeys } from './api';
import { SectionCard } from './parts';
import { SmallTable } from '../../app/components/SmallTable';

type Assignments = Wire<AssignmentsDto>;
const enc = encodeURIComponent;
const assignKey = (callId: string) => ['projects', 'assignments', callId] as const;

/**
 * 评审分配 on a call's page (issue 11 §2): the bureau assigns reviewers to the call's submitted
 * applications, one or many at a time; a reviewer then sees and scores only those assigned to them.
 */
export function AssignCard({ callId }: { callId: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = AntApp.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [target, setTarget] = useState<string[] | null>(null);
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [busy, withBusy] = useBusyAction();
  const enabled = can('projects.manage');
  const assignments = useQuery({
    queryKey: assignKey(callId),
    queryFn: () => api.get<Assignments>(`/api/projects/calls/${enc(callId)}/assignments`),
    enabled,
    retry: false,
  });
  const q = { callId, state: 'submitted', pageSize: 100 };
  const apps = useQuery({
    queryKey: projectsKeys.applications(q),
    queryFn: () => projectsApi.applications(q),
    enabled: enabled && assignments.isSuccess,
  });
  const data = assignments.data;
  if (!enabled || !data || !apps.data?.items.length) return null;

  const save = async (next: Assignments, text: string) => {
    qc.setQueryData(assignKey(callId), next);
    await qc.invalidateQueries({ queryKey: projectsKeys.all });
    message.success(text);
  };
  const assign = async () => {
    if (!target) return;
    await withBusy(async () => {
      await save(
        await api.post<Assignments>(`/api/projects/calls/${enc(callId)}/assignments`, {
          applicationIds: target,
          reviewerIds: reviewers,
        }),
        t('projects.assign.done'),
      );
      setTarget(null);
      setSelected([]);
    });
  };
  const remove = async (applicationId: string, reviewerId: string) => {
    try {
      await save(
        await api.post<Assignments>(`/api/projects/calls/${enc(callId)}/assignments/remove`, {
          applicationId,
          reviewerId,
        }),
        t('projects.assign.removed'),
      );
    } catch (e) {
      showError(e);
    }
  };
  const of = (appId: string) => data.items.filter((i) => i.applicationId === appId);

  return (
    <SectionCard
      title={t('projects.assign.title')}
      extra={
        <Button
          size="small"
          type="primary"
          disabled={selected.length === 0}
          onClick={() => {
            setReviewers([]);
            setTarget(selected);
          }}
          data-testid="assign-bulk"
        >
          {t('projects.assign.bulk', { n: selected.length })}
        </Button>
      }
      data-testid="assign-card"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('projects.assign.help')}
      </Typography.Paragraph>
      <SmallTable<Application>
        rowKey="id"
        dataSource={apps.data.items}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
        columns={[
          { title: t('projects.app.number'), dataIndex: 'number', width: 120 },
          linkColumn<Application>(t('projects.app.title'), 'title', (r) => `/projects/applications/${r.id}`),
          { title: t('projects.app.unit'), dataIndex: 'orgUnitName', width: 120 },
          {
            title: t('projects.assign.reviewers'),
            key: 'reviewers',
            render: (_: unknown, r) => {
              const list = of(r.id);
              return list.length ? (
                <Space size={4} wrap>
                  {list.map((i) => (
                    <Tag
                      key={i.reviewerId}
                      color="blue"
                      closable
                      closeIcon={<span title={t('projects.assign.remove', { name: i.reviewerName })}>×</span>}
                      onClose={(e) => {
                        e.preventDefault();
                        void remove(r.id, i.reviewerId);
                      }}
                    >
                      {i.reviewerName}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="warning">{t('projects.assign.none')}</Typography.Text>
              );
            },
          },
          {
            key: 'op',
            width: 110,
            render: (_: unknown, r) => (
              <Button
                size="small"
                onClick={() => {
                  setReviewers(of(r.id).map((i) => i.reviewerId));
                  setTarget([r.id]);
                }}
              >
                {t('projects.assign.action')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!target}
        title={t('projects.assign.action')}
        onCancel={() => setTarget(null)}
        onOk={assign}
        okButtonProps={{ disabled: reviewers.length === 0 }}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('projects.assign.help')}</Typography.Paragraph>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('projects.assign.pick')}
        </Typography.Text>
        <Checkbox.Group
          value={reviewers}
          onChange={(v) => setReviewers(v as string[])}
          options={data.reviewers.map((r) => ({ value: r.id, label: r.name }))}
          data-testid="assign-reviewers"
        />
      </Modal>
    </SectionCard>
  );
}
