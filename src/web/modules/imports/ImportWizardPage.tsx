import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Progress,
  Result,
  Row,
  Space,
  Statistic,
  Steps,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  IMPORT_LIMITS,
  type ImportErrorDto,
  type ImportJobDetailDto,
  type ImportJobDto,
  type ImportPreviewRow,
  type ImportStatus,
} from '../../../shared/contracts/imports';
import { specialGroupsMasked } from '../../../shared/i18n/labels';
import type { OrgKind } from '../../../shared/orgKinds';
import { api, type Page } from '../../app/api';
import { PageHeader } from '../../app/components/PageHeader';
import { fixedPaging, listTableProps } from '../../app/components/QueryTable';
import { EmptyHint, ErrorResult, QueryBoundary } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDateTime, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { dateTimeColumn } from '../../app/components/columns';
import { OrgUnitSelect } from '../org/api';
import { SmallTable } from '../../app/components/SmallTable';

const TARGET_KINDS: readonly OrgKind[] = ['community', 'grid', 'compound', 'building'];
const RUNNING: readonly ImportStatus[] = ['parsing', 'committing'];
const STATUS_COLORS: Record<ImportStatus, string> = {
  parsing: 'processing',
  validated: 'blue',
  failed: 'red',
  committing: 'processing',
  committed: 'green',
  cancelled: 'default',
};

const jobKey = (id: string) => ['imports', 'job', id] as const;

function stepOf(status: ImportStatus): number {
  if (status === 'parsing') return 1;
  if (status === 'validated' || status === 'committing') return 2;
  return 3;
}

export default function ImportWizardPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const qc = useQueryClient();
  const jobId = params.get('job');
  const openJob = (id: string | null) => setParams(id ? { job: id } : {});

  return (
    <div>
      <PageHeader title={t('import.title')} />
      {jobId ? (
        <JobView id={jobId} onRestart={() => openJob(null)} />
      ) : (
        <UploadStep
          onStarted={(job) => {
            qc.invalidateQueries({ queryKey: ['imports', 'list'] });
            openJob(job.id);
          }}
        />
      )}
      <RecentImports current={jobId} onOpen={openJob} />
    </div>
  );
}

function WizardSteps({
  current,
  failed,
  finished,
}: {
  current: number;
  failed?: boolean;
  finished?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Steps
      current={current}
      status={failed ? 'error' : finished ? 'finish' : undefined}
      style={{ marginBottom: 24 }}
      items={[
        { title: t('import.step.choose') },
        { title: t('import.step.check') },
        { title: t('import.step.preview') },
        { title: t('import.step.done') },
      ]}
      data-testid="import-steps"
    />
  );
}

function UploadStep({ onStarted }: { onStarted: (job: ImportJobDto) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [unitId, setUnitId] = useState<string>();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const fileList: UploadFile[] = file
    ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }]
    : [];

  const start = async () => {
    if (!unitId) {
      message.warning(t('import.chooseUnitFirst'));
      return;
    }
    if (!file) {
      message.warning(t('import.chooseFileFirst'));
      return;
    }
    const form = new FormData();
    form.append('orgUnitId', unitId);
    form.append('file', file, file.name);
    setUploading(true);
    try {
      onStarted(await api.upload<ImportJobDto>('/api/imports/residents', form));
    } catch (e) {
      showError(e);
    } finally {
      setUploading(false);
    }
  };

  const template = async () => {
    setDownloading(true);
    try {
      await api.download('/api/imports/residents/template.xlsx', undefined, 'template.xlsx');
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card data-testid="import-upload-step">
      <WizardSteps current={0} />
      <Form layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item label={t('import.targetUnit')} extra={t('import.targetHint')} required>
          <OrgUnitSelect
            value={unitId}
            onChange={(v) => setUnitId(v)}
            selectableKinds={TARGET_KINDS}
            style={{ width: '100%' }}
            data-testid="import-unit"
          />
        </Form.Item>
        <Form.Item label={t('import.file')} required>
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            multiple={false}
            fileList={fileList}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.upload')}</p>
            <p className="ant-upload-hint">{t('import.uploadHint')}</p>
          </Upload.Dragger>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
            {t('import.limits', { mb: IMPORT_LIMITS.maxFileMb, rows: formatNumber(IMPORT_LIMITS.maxRows) })}
          </Typography.Text>
        </Form.Item>
        <Space wrap>
          <Button type="primary" onClick={start} loading={uploading} data-testid="import-start">
            {t('import.start')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={template}
            loading={downloading}
            data-testid="import-template"
          >
            {t('import.template')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function JobView({ id, onRestart }: { id: string; onRestart: () => void }) {
  const job = useQuery({
    queryKey: jobKey(id),
    queryFn: () => api.get<ImportJobDetailDto>(`/api/imports/${encodeURIComponent(id)}`),
    // Poll while the server parses or commits.
    refetchInterval: (q) => (q.state.data && RUNNING.includes(q.state.data.status) ? 800 : false),
  });
  return (
    <Card data-testid="import-job" data-status={job.data?.status}>
      <QueryBoundary query={job} skeletonRows={8}>
        {(j) => <JobBody job={j} onRestart={onRestart} />}
      </QueryBoundary>
    </Card>
  );
}

function JobBody({ job, onRestart }: { job: ImportJobDetailDto; onRestart: () => void }) {
  const { t, label, locale } = useI18n();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const refresh = async (next?: ImportJobDto) => {
    if (next) qc.setQueryData<ImportJobDetailDto>(jobKey(job.id), (old) => (old ? { ...old, ...next } : old));
    await qc.invalidateQueries({ queryKey: ['imports'] });
  };

  const commit = () =>
    modal.confirm({
      title: t('import.commit'),
      content: t('import.commitConfirm', { n: formatNumber(job.validRows) }),
      onOk: async () => {
        setBusy(true);
        try {
          await refresh(await api.post<ImportJobDto>(`/api/imports/${job.id}/commit`));
          await qc.invalidateQueries({ queryKey: ['residents'] });
        } catch (e) {
          showError(e);
        } finally {
          setBusy(false);
        }
      },
    });

  const cancel = () =>
    modal.confirm({
      title: t('import.cancel'),
      content: t('import.cancelConfirm'),
      okButtonProps: { danger: true },
      onOk: async () => {
        setBusy(true);
        try {
          await refresh(await api.post<ImportJobDto>(`/api/imports/${job.id}/cancel`));
          message.info(t('import.cancelled'));
        } catch (e) {
          showError(e);
        } finally {
          setBusy(false);
        }
      },
    });

  const errorReport = async () => {
    try {
      await api.download(`/api/imports/${job.id}/errors.xlsx`, undefined, 'errors.xlsx');
    } catch (e) {
      showError(e);
    }
  };

  const head = (
    <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
      <Space wrap>
        <Typography.Text strong>{job.fileName}</Typography.Text>
        <Typography.Text type="secondary">→ {job.orgUnitName ?? job.orgUnitId}</Typography.Text>
        <Tag color={STATUS_COLORS[job.status]} data-testid="import-status">
          {t(`import.st.${job.status}`)}
        </Tag>
        {job.encoding ? (
          <Typography.Text type="secondary" data-testid="import-encoding">
            {t('import.encoding', { name: t(`import.enc.${job.encoding}`) })}
          </Typography.Text>
        ) : null}
      </Space>
      <Typography.Text type="secondary">
        {job.createdByName} · {formatDateTime(job.createdAt)}
      </Typography.Text>
    </Flex>
  );

  const steps = (
    <WizardSteps
      current={stepOf(job.status)}
      failed={job.status === 'failed'}
      finished={job.status === 'committed'}
    />
  );

  if (job.status === 'parsing' || job.status === 'committing') {
    const percent = job.status === 'committing' ? 99 : Math.min(99, Math.round(job.progress));
    return (
      <div>
        {steps}
        {head}
        <Typography.Paragraph>
          {job.status === 'parsing' ? t('import.checking') : t('import.committing')}
        </Typography.Paragraph>
        <Progress percent={percent} status="active" data-testid="import-progress" />
        {job.totalRows > 0 ? (
          <Typography.Text type="secondary">
            {t('import.progressText', {
              done: formatNumber(job.processedRows),
              total: formatNumber(job.totalRows),
            })}
          </Typography.Text>
        ) : null}
      </div>
    );
  }

  if (job.status === 'failed') {
    return (
      <div>
        {steps}
        {head}
        <Result
          status="error"
          title={t('import.failed')}
          subTitle={job.failure?.message}
          extra={
            <Button type="primary" onClick={onRestart} data-testid="import-restart">
              {t('import.again.failed')}
            </Button>
          }
          data-testid="import-result"
        />
      </div>
    );
  }

  if (job.status === 'committed' || job.status === 'cancelled') {
    const done = job.status === 'committed';
    return (
      <div>
        {steps}
        {head}
        <Result
          status={done ? 'success' : 'info'}
          title={done ? t('import.done') : t('import.cancelled')}
          subTitle={
            done ? t('import.doneText', { n: formatNumber(job.committedRows ?? job.validRows) }) : undefined
          }
          extra={[
            done ? (
              <Button
                key="view"
                type="primary"
                onClick={() => navigate(`/residents?orgUnitId=${job.orgUnitId}`)}
                data-testid="import-view-residents"
              >
                {t('import.viewResidents')}
              </Button>
            ) : null,
            <Button key="again" onClick={onRestart} data-testid="import-restart">
              {t('import.again')}
            </Button>,
          ]}
          data-testid="import-result"
        />
      </div>
    );
  }

  // validated: preview, errors, commit / cancel
  const errorColumns: TableColumnsType<ImportErrorDto> = [
    { title: t('import.row'), dataIndex: 'row', width: 80, render: (r: number) => (r > 0 ? r : '—') },
    { title: t('import.column'), dataIndex: 'column', width: 140 },
    { title: t('import.reason'), dataIndex: 'reason' },
  ];
  /** A preview column of one resident field, titled by its shared label; a `coded` field's values are labelled too. */
  const fieldColumn = (field: keyof ImportPreviewRow & string, width: number, coded = false) => ({
    title: label(field),
    dataIndex: field,
    width,
    ...(coded && { render: (v: string) => label(v) }),
  });
  const previewColumns: TableColumnsType<ImportPreviewRow> = [
    { title: t('import.row'), dataIndex: 'row', width: 64 },
    fieldColumn('name', 90),
    fieldColumn('gender', 60, true),
    fieldColumn('birthDate', 110),
    fieldColumn('idNumber', 180),
    fieldColumn('phone', 120),
    fieldColumn('building', 90),
    fieldColumn('room', 90),
    fieldColumn('registrationStatus', 90, true),
    {
      title: label('tags'),
      dataIndex: 'specialGroupCount',
      // Sensitive (R-LAW-PI-1): how many, not which.
      render: (n: number) => (n ? <Tag>{specialGroupsMasked(n, locale)}</Tag> : null),
    },
  ];
  const hasErrors = job.errorRows > 0;

  return (
    <div>
      {steps}
      {head}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={8}>
          <Statistic title={t('import.totalRows')} value={job.totalRows} />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('import.validRows')}
            value={job.validRows}
            styles={{ content: { color: '#389e0d' } }}
            data-testid="import-valid-rows"
          />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('import.errorRows')}
            value={job.errorRows}
            styles={{ content: { color: hasErrors ? '#cf1322' : undefined } }}
            data-testid="import-error-rows"
          />
        </Col>
      </Row>
      <Alert
        type={hasErrors ? 'warning' : 'success'}
        showIcon
        title={t('import.rows', { total: job.totalRows, valid: job.validRows, errors: job.errorRows })}
        description={hasErrors ? t('import.hasErrorsHint') : undefined}
        style={{ marginBottom: 16 }}
      />
      {hasErrors ? (
        <>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('import.errors')}
            </Typography.Title>
            <Button
              icon={<DownloadOutlined />}
              size="small"
              onClick={errorReport}
              data-testid="import-error-report"
            >
              {t('import.errorReport')}
            </Button>
          </Flex>
          <Table<ImportErrorDto>
            rowKey={(e) => `${e.row}-${e.field}-${e.code}`}
            size="small"
            columns={errorColumns}
            dataSource={job.errors}
            pagination={job.errors.length > 10 ? { pageSize: 10 } : false}
            data-testid="import-errors"
            onRow={() => ({ 'data-testid': 'import-error-row' }) as HTMLAttributes<HTMLElement>}
            style={{ marginBottom: 8 }}
          />
          {job.errorRows > job.errors.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('import.errorsHint', { n: job.errors.length })}
            </Typography.Text>
          ) : null}
        </>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('import.preview')}
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}
        >
          {t('import.previewHint', { n: IMPORT_LIMITS.previewRows })}
        </Typography.Text>
      </Typography.Title>
      <SmallTable<ImportPreviewRow>
        rowKey="row"
        columns={previewColumns}
        dataSource={job.preview}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <EmptyHint text={t('common.empty')} /> }}
        data-testid="import-preview"
        onRow={() => ({ 'data-testid': 'import-preview-row' }) as HTMLAttributes<HTMLElement>}
      />
      <Space style={{ marginTop: 16 }} wrap>
        <Button
          type="primary"
          onClick={commit}
          loading={busy}
          disabled={!job.abilities.commit || hasErrors || job.validRows === 0}
          data-testid="import-commit"
        >
          {t('import.commit')}
        </Button>
        {job.abilities.cancel ? (
          <Button danger onClick={cancel} disabled={busy} data-testid="import-cancel">
            {t('import.cancel')}
          </Button>
        ) : null}
        <Link to="/residents/import" onClick={onRestart}>
          {t('import.again.failed')}
        </Link>
      </Space>
    </div>
  );
}

function RecentImports({ current, onOpen }: { current: string | null; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['imports', 'list', page],
    queryFn: () => api.get<Page<ImportJobDto>>('/api/imports', { page, pageSize: 10 }),
  });
  const columns: TableColumnsType<ImportJobDto> = [
    { title: t('import.file'), dataIndex: 'fileName', ellipsis: true },
    { title: t('import.targetUnit'), dataIndex: 'orgUnitName', width: 140 },
    {
      title: t('import.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: ImportStatus) => <Tag color={STATUS_COLORS[s]}>{t(`import.st.${s}`)}</Tag>,
    },
    {
      title: t('import.rowsCol'),
      key: 'rows',
      width: 130,
      render: (_, j) => `${formatNumber(j.validRows)} / ${formatNumber(j.totalRows)}`,
    },
    { title: t('import.createdBy'), dataIndex: 'createdByName', width: 100 },
    dateTimeColumn(t('import.createdAt'), 'createdAt', 170),
    {
      title: t('common.actions'),
      key: 'open',
      width: 80,
      render: (_, j) =>
        j.id === current ? null : (
          <Button type="link" size="small" onClick={() => onOpen(j.id)}>
            {t('import.open')}
          </Button>
        ),
    },
  ];
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card title={t('import.recent')} style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
      <Table<ImportJobDto>
        rowKey="id"
        size="small"
        columns={columns}
        {...listTableProps(list, t('import.empty'))}
        scroll={{ x: 800 }}
        pagination={fixedPaging(list, page, 10, setPage)}
      />
    </Card>
  );
}
