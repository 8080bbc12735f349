import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Input, Modal, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useBusyAction } from '../../app/useBusyAction';
import { formatDate, formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { type Report, projectsApi, projectsKeys } from './api';

/** Monthly progress reports, with the subdistrict's 报送 step (R-PJ-4). */
export function ReportsTable({
  reports,
  loading,
  showProject = false,
  pagination,
}: {
  reports: Report[];
  loading?: boolean;
  showProject?: boolean;
  pagination?: false | { current: number; pageSize: number; total: number; onChange: (p: number) => void };
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const [filing, setFiling] = useState<Report>();
  const [saving, withBusy] = useBusyAction();
  const [form] = Form.useForm();
  const columns: TableColumnsType<Report> = [
    ...(showProject
      ? [
          {
            title: t('projects.report.project'),
            dataIndex: 'applicationTitle',
            render: (v: string, r: Report) => (
              <Link to={`/projects/applications/${r.applicationId}`}>{v}</Link>
            ),
          },
          { title: t('projects.app.unit'), dataIndex: 'orgUnitName', width: 120 },
        ]
      : []),
    { title: t('projects.report.month'), dataIndex: 'month', width: 100 },
    {
      title: t('projects.report.due'),
      dataIndex: 'dueAt',
      width: 130,
      render: (v: string) => t('projects.report.dueValue', { date: formatDate(v) }),
    },
    {
      title: t('projects.report.state'),
      dataIndex: 'state',
      width: 140,
      render: (v: Report['state'], r) => (
        <Space size={4}>
          <Tag color={v === 'filed' ? 'success' : 'default'}>{t(`projects.report.state.${v}`)}</Tag>
          {r.overdue ? <Tag color="error">{t('projects.report.overdue')}</Tag> : null}
          {r.filedAt && new Date(r.filedAt) > new Date(r.dueAt) ? (
            <Tag color="warning">{t('projects.report.filedLate')}</Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t('projects.report.progress'), dataIndex: 'progress', ellipsis: true },
    {
      title: t('projects.report.filedAt'),
      dataIndex: 'filedAt',
      width: 160,
      responsive: showProject ? ['xl'] : ['xxl'],
      render: (v: string | null, r) => (v ? `${formatDateTime(v)} ${r.filedByName ?? ''}` : '—'),
    },
    {
      key: 'ops',
      width: 90,
      render: (_, r) =>
        r.canFile ? (
          <Button
            size="small"
            type={r.overdue ? 'primary' : 'default'}
            onClick={() => {
              form.resetFields();
              setFiling(r);
            }}
            data-testid={`file-${r.month}`}
          >
            {t('projects.report.file')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <Table<Report>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={reports}
        loading={loading}
        pagination={pagination ?? false}
        data-testid="reports-table"
      />
      <Modal
        open={!!filing}
        title={filing ? t('projects.report.fileTitle', { month: filing.month }) : ''}
        onCancel={() => setFiling(undefined)}
        confirmLoading={saving}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          await withBusy(async () => {
            await projectsApi.fileReport(filing!.id, {
              progress: v.progress,
              issues: v.issues || null,
              nextSteps: v.nextSteps || null,
            });
            message.success(t('projects.report.filed'));
            setFiling(undefined);
            await qc.invalidateQueries({ queryKey: projectsKeys.all });
          });
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="progress" label={t('projects.report.progress')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} maxLength={4000} data-testid="report-progress" />
          </Form.Item>
          <Form.Item name="issues" label={t('projects.report.issues')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="nextSteps" label={t('projects.report.nextSteps')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
