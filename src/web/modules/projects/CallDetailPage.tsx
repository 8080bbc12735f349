import { DownloadOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { BlockSkeleton, ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { useBusyAction } from '../../app/useBusyAction';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { projectsApi, projectsKeys } from './api';
import { ApplicationsTable } from './ApplicationsTable';
import { CallBoard } from './CallBoard';
import { CallOutlookCard } from './CallOutlookCard';
import { AssignCard } from './AssignCard';
import { CallFormModal } from './CallFormModal';
import { CallQuotaCard } from './CallQuotaCard';
import { evaluationApi } from './evaluationApi';
import { CallStatusTag, yuan, SectionCard } from './parts';

/** One call: its configuration and the board of its applications (the bureau selects here). */
export default function CallDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState(false);
  const [busy, withBusy] = useBusyAction();
  const call = useQuery({ queryKey: projectsKeys.call(id), queryFn: () => projectsApi.call(id) });
  if (call.isError) return <ErrorResult error={call.error} onRetry={() => call.refetch()} />;
  if (!call.data) return <BlockSkeleton />;
  const c = call.data;

  const run = async (fn: () => Promise<unknown>, done: string) => {
    await withBusy(async () => {
      await fn();
      message.success(done);
      await qc.invalidateQueries({ queryKey: projectsKeys.all });
    });
  };

  return (
    <>
      <PageHeader
        title={
          <Space>
            {c.title}
            <CallStatusTag status={c.status} />
          </Space>
        }
        subtitle={`${c.orgUnitName ?? ''} · ${t('projects.call.selected', { n: c.selectedCount, quota: c.quota })}`}
        extra={
          <>
            {c.abilities.apply ? (
              <Button
                type="primary"
                icon={<FormOutlined />}
                onClick={() => navigate(`/projects/applications/new?callId=${c.id}`)}
                data-testid="call-apply"
              >
                {t('projects.call.apply')}
              </Button>
            ) : null}
            {c.abilities.open ? (
              <Popconfirm
                title={t('projects.call.open')}
                description={<div style={{ maxWidth: 320 }}>{t('projects.call.openConfirm')}</div>}
                onConfirm={() => run(() => projectsApi.openCall(c.id), t('projects.call.opened'))}
              >
                <Button type="primary" loading={busy} data-testid="call-open">
                  {t('projects.call.open')}
                </Button>
              </Popconfirm>
            ) : null}
            {c.abilities.publish ? (
              <Popconfirm
                title={t('projects.call.publish')}
                description={<div style={{ maxWidth: 320 }}>{t('projects.call.publishConfirm')}</div>}
                onConfirm={() => run(() => projectsApi.publishCall(c.id), t('projects.call.published'))}
              >
                <Button loading={busy} data-testid="call-publish">
                  {t('projects.call.publish')}
                </Button>
              </Popconfirm>
            ) : null}
            {c.abilities.edit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="call-edit">
                {t('projects.call.edit')}
              </Button>
            ) : null}
            {can('projects.export') ? (
              <Button
                icon={<DownloadOutlined />}
                onClick={() => projectsApi.exportCall(c.id).catch(showError)}
                data-testid="call-export"
              >
                {t('projects.call.export')}
              </Button>
            ) : null}
            {can('projects.export') && c.status === 'published' ? (
              <Button
                icon={<DownloadOutlined />}
                onClick={() => evaluationApi.summary(c.id).catch(showError)}
                data-testid="call-summary"
              >
                {t('projects.quota.summary')}
              </Button>
            ) : null}
          </>
        }
      />
      <SectionCard>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('projects.call.applicationDue')}>
            <Space size={4}>
              {formatDate(c.applicationDue)}
              {c.pastDeadline ? <Tag>{t('projects.call.pastDeadline')}</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.call.completionDue')}>
            {formatDate(c.completionDue)}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.call.summaryDue')}>
            {formatDate(c.summaryDue)}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.call.reportDay')}>
            {t('projects.call.reportDayValue', { day: c.reportDay })}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.call.subsidyCity')}>
            {t('projects.call.yuan', { amount: yuan(c.subsidyCityFen) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.call.subsidyPrefecture')}>
            {t('projects.call.yuan', { amount: yuan(c.subsidyPrefectureFen) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.call.types')} span={3}>
            <Space size={4} wrap>
              {c.types.map((x) => (
                <Tag key={x.key} color="blue">
                  {x.name}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.call.criteria')} span={3}>
            <Space size={4} wrap>
              {c.criteria.map((x) => (
                <Tag key={x.key}>
                  {x.name}（{t('projects.call.criterionMax', { max: x.max })}）
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.call.documents')}>
            <Space size={4} wrap>
              {c.documents.map((d) => (
                <Button
                  key={d.key}
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  title={t('projects.call.template')}
                  onClick={() => projectsApi.template(c.id, d.key).catch(showError)}
                  data-testid={`call-template-${d.key}`}
                >
                  {`《${d.name}》`}
                </Button>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.call.scope')} span={2}>
            {c.scopeUnits.map((u) => u.name).join('、')}
          </Descriptions.Item>
          {c.notes ? (
            <Descriptions.Item label={t('projects.call.notes')} span={3}>
              {c.notes}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <Typography.Text type="secondary">{t('projects.call.deadlineNote')}</Typography.Text>
      </SectionCard>
      {c.status === 'draft' ? null : <CallBoard callId={c.id} />}
      {c.status !== 'published' ? (
        <CallQuotaCard callId={c.id} />
      ) : can('projects.manage') ? (
        <CallOutlookCard callId={c.id} />
      ) : null}
      <Typography.Title level={5}>{t('projects.call.applications')}</Typography.Title>
      {c.status === 'open' ? <AssignCard callId={c.id} /> : null}
      {c.status === 'draft' ? null : <ApplicationsTable callId={c.id} />}
      <CallFormModal
        open={editing}
        call={c}
        onClose={() => setEditing(false)}
        onSaved={async () => {
          setEditing(false);
          message.success(t('projects.call.saved'));
          await qc.invalidateQueries({ queryKey: projectsKeys.all });
        }}
      />
    </>
  );
}
