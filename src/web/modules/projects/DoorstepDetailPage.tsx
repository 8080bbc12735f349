import { ArrowLeftOutlined, EditOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Progress,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  DOORSTEP_CATEGORIES,
  DOORSTEP_DOCUMENTS,
  DOORSTEP_NOTE_MAX,
  DOORSTEP_STAGES,
  DOORSTEP_TEXT_MAX,
  type DoorstepSlot,
  type DoorstepStage,
  SETTLEMENT_TYPES,
} from '../../../shared/contracts/projects.doorstep';
import { PageHeader } from '../../app/components/PageHeader';
import { BlockSkeleton, ErrorResult } from '../../app/components/Status';
import { useBusyAction } from '../../app/useBusyAction';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { DoorstepFormModal, StageTag, useFrequency, useNamed } from './DoorstepPage';
import { DoorstepRatingsCard } from './DoorstepRatingsCard';
import { type DoorstepDetail, type DoorstepFile, doorstepApi, doorstepKeys } from './doorstepApi';
import { OneFilePicker, SaveModal, yuan } from './parts';

function FileLinks({ files }: { files: DoorstepFile[] }) {
  if (!files.length) return null;
  return (
    <Space direction="vertical" size={2}>
      {files.map((f) => (
        <a key={f.id} href={f.url} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {f.fileName}
          {f.note ? <Typography.Text type="secondary">　{f.note}</Typography.Text> : null}
        </a>
      ))}
    </Space>
  );
}

/** A dated text (a stage's record, a reflection): its date and the text, both required. */
function DateAndText({ textLabel, rows }: { textLabel: string; rows: number }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="date" label={t('projects.doorstep.stageDate')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="text" label={textLabel} rules={[{ required: true }]}>
        <Input.TextArea rows={rows} maxLength={DOORSTEP_TEXT_MAX} showCount />
      </Form.Item>
    </>
  );
}

/** One doorstep project: its register entry, the stage timeline, reflections, documents and completeness. */
export default function DoorstepDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const named = useNamed();
  const freq = useFrequency();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const q = useQuery({ queryKey: doorstepKeys.one(id), queryFn: () => doorstepApi.get(id) });
  const [editing, setEditing] = useState(false);
  const [stage, setStage] = useState<DoorstepStage | null>(null);
  const [slot, setSlot] = useState<DoorstepSlot | null>(null);
  const [reflecting, setReflecting] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [busy, withBusy] = useBusyAction();
  const [stageForm] = Form.useForm<{ text: string; date: Dayjs; surveyId?: string | null }>();
  const [fileForm] = Form.useForm<{ note?: string }>();
  const [reflForm] = Form.useForm<{ text: string; date: Dayjs }>();
  const surveys = useQuery({
    queryKey: doorstepKeys.surveys(id),
    queryFn: () => doorstepApi.surveys(id),
    enabled: stage === 'survey',
  });
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  if (!d) return <BlockSkeleton />;

  const done = (next: DoorstepDetail) => {
    qc.setQueryData(doorstepKeys.one(id), next);
    void qc.invalidateQueries({ queryKey: doorstepKeys.all });
    message.success(t('common.saved'));
  };
  const run = async (f: () => Promise<DoorstepDetail>, close: () => void) => {
    await withBusy(async () => {
      done(await f());
      close();
    });
  };
  const openStage = (s: DoorstepStage) => {
    const r = d.stages.find((x) => x.stage === s)?.record;
    stageForm.setFieldsValue({
      text: r?.text ?? '',
      date: r ? dayjs(r.date) : dayjs(),
      surveyId: r?.survey?.id ?? null,
    });
    setStage(s);
  };
  const openFile = (s: DoorstepSlot) => {
    fileForm.setFieldsValue({ note: '' });
    setFile(null);
    setSlot(s);
  };
  /** A link that opens the upload form of a stage's attachments or of a document. */
  const uploadLink = (s: DoorstepSlot, label: string) => (
    <Button size="small" type="link" icon={<UploadOutlined />} onClick={() => openFile(s)}>
      {label}
    </Button>
  );
  const slotName = (s: DoorstepSlot | null) => named(DOORSTEP_STAGES, s) || named(DOORSTEP_DOCUMENTS, s);
  const c = d.completeness;
  const firstOpen = d.stages.findIndex((s) => !s.record);

  return (
    <>
      <Link to="/projects/doorstep">
        <ArrowLeftOutlined /> {t('projects.doorstep.back')}
      </Link>
      <PageHeader
        title={d.name}
        subtitle={`${d.orgUnitName ?? ''} · ${d.year} · ${named(DOORSTEP_CATEGORIES, d.category)}`}
        extra={
          d.canEdit ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('projects.doorstep.edit')}
            </Button>
          ) : null
        }
      />
      {!d.canEdit ? (
        <Typography.Paragraph type="secondary">{t('projects.doorstep.readOnly')}</Typography.Paragraph>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small">
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('projects.doorstep.category')}>
                  {named(DOORSTEP_CATEGORIES, d.category)}
                </Descriptions.Item>
                <Descriptions.Item label={t('projects.doorstep.settlement')}>
                  {named(SETTLEMENT_TYPES, d.settlementType) || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('projects.doorstep.budgetPlan')}>
                  {yuan(d.budgetFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('projects.doorstep.frequency')}>
                  {freq(d.serviceTimes, d.servicePer)}
                </Descriptions.Item>
                <Descriptions.Item label={t('projects.doorstep.people')}>
                  {t('projects.doorstep.peopleN', { n: d.peopleServed })}
                </Descriptions.Item>
                <Descriptions.Item label={t('projects.doorstep.stage')}>
                  <StageTag stage={d.stage} />
                </Descriptions.Item>
                {d.summary ? (
                  <Descriptions.Item label={t('projects.doorstep.summary')} span={2}>
                    {d.summary}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>

            <Card size="small" title={t('projects.doorstep.timeline')}>
              <Timeline
                items={d.stages.map((s, i) => {
                  const name = named(DOORSTEP_STAGES, s.stage);
                  const r = s.record;
                  const canRecord = d.canEdit && (r || i === firstOpen);
                  return {
                    color: r ? 'green' : i === firstOpen ? 'blue' : 'gray',
                    children: (
                      <div data-testid={`doorstep-stage-${s.stage}`}>
                        <Space wrap>
                          <strong>{`${i + 1}. ${name}`}</strong>
                          {r ? (
                            <Typography.Text type="secondary">{formatDate(r.date)}</Typography.Text>
                          ) : (
                            <Tag>
                              {i === firstOpen ? t('projects.doorstep.next') : t('projects.doorstep.waiting')}
                            </Tag>
                          )}
                          {canRecord ? (
                            <Button
                              size="small"
                              type={r ? 'link' : 'primary'}
                              onClick={() => openStage(s.stage)}
                            >
                              {r ? t('projects.doorstep.correct') : t('projects.doorstep.record')}
                            </Button>
                          ) : null}
                          {d.canEdit && r ? uploadLink(s.stage, t('projects.doorstep.attach')) : null}
                        </Space>
                        {r ? (
                          <>
                            <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
                              {r.text}
                            </Typography.Paragraph>
                            {r.survey ? (
                              <Tag color="blue">
                                {t('projects.doorstep.surveyN', { title: r.survey.title })}
                              </Tag>
                            ) : null}
                            <FileLinks files={s.files} />
                          </>
                        ) : null}
                      </div>
                    ),
                  };
                })}
              />
            </Card>

            <Card
              size="small"
              title={t('projects.doorstep.reflections')}
              extra={
                d.canEdit ? (
                  <Button
                    size="small"
                    onClick={() => {
                      reflForm.setFieldsValue({ text: '', date: dayjs() });
                      setReflecting(true);
                    }}
                  >
                    {t('projects.doorstep.addReflection')}
                  </Button>
                ) : null
              }
            >
              <List
                size="small"
                dataSource={d.reflections}
                locale={{ emptyText: t('projects.doorstep.noReflections') }}
                renderItem={(r) => (
                  <List.Item>
                    <List.Item.Meta
                      title={<span style={{ whiteSpace: 'pre-wrap', fontWeight: 'normal' }}>{r.text}</span>}
                      description={t('projects.doorstep.by', {
                        name: r.createdByName ?? '',
                        date: formatDate(r.date),
                      })}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('projects.doorstep.completeness')}>
              <Space direction="vertical" style={{ width: '100%' }}>
                {(
                  [
                    ['stagesN', c.stages, c.stagesTotal],
                    ['documentsN', c.documents, c.documentsTotal],
                  ] as const
                ).flatMap(([label, n, total]) => [
                  <span key={label}>{t(`projects.doorstep.${label}`, { n, total })}</span>,
                  <Progress
                    key={`${label}-bar`}
                    percent={Math.round((n / total) * 100)}
                    showInfo={false}
                    status={n === total ? 'success' : 'normal'}
                  />,
                ])}
              </Space>
            </Card>
            <Card size="small" title={t('projects.doorstep.documents')}>
              <List
                size="small"
                dataSource={d.documents}
                renderItem={(doc) => (
                  <List.Item
                    data-testid={`doorstep-doc-${doc.document}`}
                    extra={d.canEdit ? uploadLink(doc.document, t('projects.doorstep.uploadDoc')) : null}
                  >
                    <Space direction="vertical" size={2}>
                      <Space>
                        <span>{named(DOORSTEP_DOCUMENTS, doc.document)}</span>
                        <Tag color={doc.complete ? 'green' : 'default'}>
                          {doc.complete
                            ? t('projects.doorstep.docComplete')
                            : t('projects.doorstep.docMissing')}
                        </Tag>
                      </Space>
                      <FileLinks files={doc.files} />
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
            <DoorstepRatingsCard id={id} />
          </Space>
        </Col>
      </Row>

      {editing ? <DoorstepFormModal editing={d} onClose={() => setEditing(false)} /> : null}

      <SaveModal
        open={stage !== null}
        title={t('projects.doorstep.recordStage', { stage: named(DOORSTEP_STAGES, stage) })}
        onClose={() => setStage(null)}
        busy={busy}
        form={stageForm}
        onSave={(v) =>
          run(
            () =>
              doorstepApi.stage(id, {
                stage: stage!,
                text: v.text,
                date: v.date.format('YYYY-MM-DD'),
                surveyId: stage === 'survey' ? (v.surveyId ?? null) : null,
              }),
            () => setStage(null),
          )
        }
      >
        <DateAndText textLabel={t('projects.doorstep.stageText')} rows={5} />
        {stage === 'survey' ? (
          <Form.Item
            name="surveyId"
            label={t('projects.doorstep.survey')}
            extra={t('projects.doorstep.surveyHint')}
          >
            <Select
              allowClear
              loading={surveys.isPending}
              options={(surveys.data?.items ?? []).map((s) => ({
                value: s.id,
                label: `${s.title}（${s.year}）`,
              }))}
            />
          </Form.Item>
        ) : null}
      </SaveModal>

      <SaveModal
        open={slot !== null}
        title={`${t('projects.doorstep.uploadDoc')}：${slotName(slot)}`}
        onClose={() => setSlot(null)}
        busy={busy}
        form={fileForm}
        onSave={async (v) => {
          if (!file) {
            message.error(t('projects.doorstep.fileRequired'));
            return;
          }
          await run(
            () => doorstepApi.upload(id, slot!, v.note ?? '', file),
            () => setSlot(null),
          );
        }}
      >
        <Form.Item label={t('projects.doorstep.file')} extra={t('projects.doorstep.fileHint')} required>
          <OneFilePicker file={file} onChange={setFile} label={t('projects.doorstep.pick')} />
        </Form.Item>
        <Form.Item name="note" label={t('projects.doorstep.note')}>
          <Input.TextArea rows={2} maxLength={DOORSTEP_NOTE_MAX} showCount />
        </Form.Item>
      </SaveModal>

      <SaveModal
        open={reflecting}
        title={t('projects.doorstep.addReflection')}
        onClose={() => setReflecting(false)}
        busy={busy}
        form={reflForm}
        onSave={(v) =>
          run(
            () => doorstepApi.reflect(id, { text: v.text, date: v.date.format('YYYY-MM-DD') }),
            () => setReflecting(false),
          )
        }
      >
        <DateAndText textLabel={t('projects.doorstep.reflections')} rows={4} />
      </SaveModal>
    </>
  );
}
