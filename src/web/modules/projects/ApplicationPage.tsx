import { EditOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApplicationAction } from '../../../shared/contracts/projects';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { BlockSkeleton, ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { useBusyAction } from '../../app/useBusyAction';
import { formatDate, formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { type ApplicationDetail, projectsApi, projectsKeys } from './api';
import { SectionCard, StateTag, fundingColumn, yuan, yuanColumn } from './parts';
import { SmallTable } from '../../app/components/SmallTable';
import { ReportsTable } from './ReportsTable';
import { ArchiveTab } from './ArchiveTab';
import { MilestonesCard } from './MilestonesCard';
import { MoneyTab } from './MoneyTab';
import { EvaluationCard } from './EvaluationCard';
import { ChangesCard } from './ChangesCard';
import { ConsultationLink } from './ConsultationLink';

/** Steps that ask for something first: a comment (return), a seal number, the level of a pilot. */
const NEEDS_FORM: ApplicationAction[] = [
  'return',
  'approve',
  'seal',
  'select',
  'notice',
  'complete',
  'summarize',
  'visit',
  'answer',
];

function ScoreCard({ a, onDone }: { a: ApplicationDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const conflict = Form.useWatch('conflict', form);
  const { me } = useAuth();
  const mine = a.scores.find((s) => s.reviewerId === me?.id);
  const [saving, withBusy] = useBusyAction();
  return (
    <SectionCard title={t('projects.app.scoreNow')} data-testid="score-card">
      <Typography.Paragraph type="secondary">{t('projects.app.scoreHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          conflict: mine?.conflict ?? false,
          conflictNote: mine?.conflictNote ?? '',
          comment: mine?.comment ?? '',
          ...Object.fromEntries(a.criteria.map((c) => [`s_${c.key}`, mine?.scores[c.key]])),
        }}
        onFinish={(v) =>
          withBusy(async () => {
            await projectsApi.score(a.id, {
              conflict: v.conflict,
              conflictNote: v.conflictNote || null,
              comment: v.comment || null,
              scores: v.conflict ? {} : Object.fromEntries(a.criteria.map((c) => [c.key, v[`s_${c.key}`]])),
            });
            message.success(t('projects.app.scoreSaved'));
            onDone();
          })
        }
      >
        <Form.Item name="conflict" label={t('projects.app.conflict')}>
          <Radio.Group>
            <Radio value={false} data-testid="no-conflict">
              {t('projects.app.noConflict')}
            </Radio>
            <Radio value={true}>{t('projects.app.hasConflict')}</Radio>
          </Radio.Group>
        </Form.Item>
        {conflict ? (
          <Form.Item name="conflictNote" label={t('projects.app.conflictNote')} rules={[{ required: true }]}>
            <Input maxLength={500} />
          </Form.Item>
        ) : (
          <Row gutter={12}>
            {a.criteria.map((c) => (
              <Col key={c.key} xs={12} md={6}>
                <Form.Item
                  name={`s_${c.key}`}
                  label={`${c.name}（${t('projects.call.criterionMax', { max: c.max })}）`}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={0} max={c.max} precision={0} data-testid={`score-${c.key}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        )}
        <Form.Item name="comment" label={t('projects.app.comment')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="score-submit">
          {t('projects.app.scoreNow')}
        </Button>
      </Form>
    </SectionCard>
  );
}

/** One application: its content, money, seal, scores, timeline and the steps the user may take now. */
/** A phase's due date (completion, closing summary) and when it was recorded, late or on time, or overdue. */
function PhaseDue(p: { due: string; done: string | null; overdue: boolean; overdueText: string }) {
  const { t } = useI18n();
  const late = !!p.done && new Date(p.done) > new Date(p.due);
  return (
    <Space size={4} wrap>
      {formatDate(p.due)}
      {p.done ? (
        <Tag color={late ? 'warning' : 'success'}>
          {t(late ? 'projects.app.recordedLate' : 'projects.app.recordedOn', { date: formatDate(p.done) })}
        </Tag>
      ) : p.overdue ? (
        <Tag color="error">{p.overdueText}</Tag>
      ) : null}
    </Space>
  );
}

export default function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = AntApp.useApp();
  const [pending, setPending] = useState<ApplicationAction>();
  const [busy, withBusy] = useBusyAction();
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: projectsKeys.application(id), queryFn: () => projectsApi.application(id) });
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <BlockSkeleton />;
  const a = q.data;
  const refresh = () => qc.invalidateQueries({ queryKey: projectsKeys.all });

  const act = async (action: ApplicationAction, extra: Record<string, unknown> = {}) => {
    await withBusy(async () => {
      await projectsApi.act(a.id, { action, ...extra });
      message.success(t('projects.app.done'));
      setPending(undefined);
      await refresh();
    });
  };

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {a.title}
            <StateTag state={a.state} />
            {a.level ? <Tag color="gold">{t(`projects.level.${a.level}`)}</Tag> : null}
            {a.subsidyFen !== null ? (
              <Tag color="green">{t('projects.app.subsidy', { amount: yuan(a.subsidyFen) })}</Tag>
            ) : null}
            {a.overdue ? <Tag color="error">{t('projects.app.overdue')}</Tag> : null}
          </Space>
        }
        subtitle={`${a.number} · ${a.orgUnitName ?? ''} · ${a.typeName}`}
        extra={
          <>
            {a.abilities.edit ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/projects/applications/${a.id}/edit`)}>
                {t('projects.app.edit')}
              </Button>
            ) : null}
            <Button
              icon={<FilePdfOutlined />}
              onClick={() => projectsApi.formPdf(a.id).catch(showError)}
              data-testid="app-form-pdf"
            >
              {t('projects.app.formPdf')}
            </Button>
            {a.actions.map((action) => (
              <Button
                key={action}
                type={['send', 'submit', 'approve', 'select'].includes(action) ? 'primary' : 'default'}
                danger={action === 'return' || action === 'reject' || action === 'notice'}
                loading={busy}
                onClick={() => {
                  if (NEEDS_FORM.includes(action)) {
                    form.resetFields();
                    setPending(action);
                  } else void act(action);
                }}
                data-testid={`act-${action}`}
              >
                {t(`projects.action.${action}`)}
              </Button>
            ))}
          </>
        }
      />
      {a.state === 'returned' && a.reviewComment ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('projects.app.review')}
          description={a.reviewComment}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <SectionCard>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('projects.app.call')}>
                <Link to={`/projects/calls/${a.callId}`}>{a.callTitle}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.app.subdistrict')}>{a.subdistrictName}</Descriptions.Item>
              <Descriptions.Item label={t('projects.app.due')}>
                {t('projects.app.dueValue', { date: formatDate(a.submitDueAt) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.app.seal')}>
                {a.sealNo
                  ? t('projects.app.sealValue', {
                      no: a.sealNo,
                      name: a.sealedByName ?? '',
                      at: formatDateTime(a.sealedAt),
                    })
                  : t('projects.app.notSealed')}
              </Descriptions.Item>
              {a.sealLogNo ? (
                <Descriptions.Item label={t('projects.app.sealLog')}>{a.sealLogNo}</Descriptions.Item>
              ) : null}
              {(
                [
                  [
                    'completionDue',
                    a.completionDueAt,
                    a.completedAt,
                    a.completionOverdue,
                    'completion_overdue',
                  ],
                  ['summaryDue', a.summaryDueAt, a.summaryAt, a.summaryOverdue, 'summary_overdue'],
                ] as const
              ).map(([label, due, done, overdue, overdueAction]) =>
                due ? (
                  <Descriptions.Item key={label} label={t(`projects.app.${label}`)}>
                    <PhaseDue
                      due={due}
                      done={done}
                      overdue={overdue}
                      overdueText={t(`projects.action.${overdueAction}`)}
                    />
                  </Descriptions.Item>
                ) : null,
              )}
              {a.visitAt ? (
                <Descriptions.Item label={t('projects.app.visit')} span={2}>
                  <div>
                    {formatDate(a.visitAt)} {a.visitOpinion}
                    {a.visitAnsweredAt ? null : (
                      <Tag color="warning" style={{ marginLeft: 8 }}>
                        {t('projects.app.visitOpen')}
                      </Tag>
                    )}
                  </div>
                  {a.visitAnsweredAt ? (
                    <div>
                      {t('projects.app.visitAnswer')}（{formatDate(a.visitAnsweredAt)}）：{a.visitAnswer}
                    </div>
                  ) : null}
                </Descriptions.Item>
              ) : null}
              {a.summary ? (
                <Descriptions.Item label={t('projects.app.summary')} span={2}>
                  {a.summary}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('projects.app.targets')} span={2}>
                <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                  {a.targets.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ol>
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.app.consultation')} span={2}>
                {a.consultationKind
                  ? `${t(`projects.consultation.${a.consultationKind}`)}${a.consultationDate ? `（${formatDate(a.consultationDate)}）` : ''}：${a.consultationNote ?? ''}`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.consult.title')} span={2}>
                <ConsultationLink applicationId={a.id} />
              </Descriptions.Item>
              {a.reviewComment && a.state !== 'returned' ? (
                <Descriptions.Item label={t('projects.app.review')} span={2}>
                  {a.reviewComment}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </SectionCard>
          <SectionCard title={t('projects.app.budgetLines')}>
            <SmallTable
              rowKey={(_, i) => String(i)}
              dataSource={a.budgetLines}
              columns={[
                { title: t('projects.app.item'), dataIndex: 'item' },
                { title: t('projects.app.note'), dataIndex: 'note', responsive: ['md'] },
                { ...yuanColumn(t('projects.app.amount'), 'amountFen'), width: 140 },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {t('projects.app.funding')}
            </Typography.Title>
            <SmallTable
              rowKey={(_, i) => String(i)}
              dataSource={a.funding}
              columns={[
                fundingColumn(t, t('projects.app.source')),
                { ...yuanColumn(t('projects.app.amount'), 'amountFen'), width: 140 },
              ]}
            />
            <Typography.Text type={a.budgetTotalFen === a.fundingTotalFen ? 'secondary' : 'danger'}>
              {t('projects.app.totals', { budget: yuan(a.budgetTotalFen), funding: yuan(a.fundingTotalFen) })}
              {a.budgetTotalFen === a.fundingTotalFen ? '' : `，${t('projects.app.unbalanced')}`}
            </Typography.Text>
          </SectionCard>
          {a.state === 'selected' ? <MilestonesCard applicationId={a.id} /> : null}
          {a.state === 'selected' ? <ChangesCard a={a} /> : null}
          {a.state === 'selected' ? <MoneyTab applicationId={a.id} /> : null}
          {a.reports.length ? (
            <SectionCard title={t('projects.menu.reports')}>
              <ReportsTable reports={a.reports} />
            </SectionCard>
          ) : null}
          {a.state === 'selected' ? <ArchiveTab applicationId={a.id} /> : null}
          {a.state === 'selected' ? <EvaluationCard applicationId={a.id} /> : null}
          {a.abilities.score ? <ScoreCard a={a} onDone={refresh} /> : null}
          {a.scores.length ? (
            <SectionCard title={t('projects.app.scores')}>
              <SmallTable
                rowKey="id"
                dataSource={a.scores}
                columns={[
                  { title: t('projects.app.reviewer'), dataIndex: 'reviewerName', width: 140 },
                  ...a.criteria.map((c) => ({
                    title: c.name,
                    key: c.key,
                    align: 'right' as const,
                    render: (_: unknown, s: ApplicationDetail['scores'][number]) => s.scores[c.key] ?? '—',
                  })),
                  {
                    title: t('projects.app.total'),
                    dataIndex: 'total',
                    align: 'right',
                    render: (v: number | null, s) =>
                      s.conflict ? <Tag>{t('projects.app.recused')}</Tag> : v,
                  },
                  { title: t('projects.app.comment'), dataIndex: 'comment', responsive: ['lg'] },
                ]}
              />
              {a.averageScore !== null ? (
                <Typography.Text strong>
                  {t('projects.app.average')}：{a.averageScore}（
                  {t('projects.app.scoreCount', { n: a.scoreCount ?? 0 })}）
                </Typography.Text>
              ) : null}
            </SectionCard>
          ) : null}
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('projects.app.timeline')}>
            <Timeline
              items={a.events.map((e) => ({
                color:
                  e.action.endsWith('overdue') || e.action === 'notice'
                    ? 'red'
                    : e.action === 'return'
                      ? 'orange'
                      : 'blue',
                children: (
                  <>
                    <div>
                      <Typography.Text strong>
                        {t(
                          `projects.action.${e.action as ApplicationAction | 'create' | 'overdue' | 'report' | 'report_overdue' | 'completion_overdue' | 'summary_overdue' | 'change_request' | 'change_approve' | 'change_reject' | 'milestone_done' | 'funds_received' | 'spend_overrun' | 'funds_disclosed'}`,
                        )}
                        {e.action.startsWith('report') && e.comment ? `（${e.comment}）` : ''}
                      </Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {e.actorName ?? t('projects.app.system')}
                      </Typography.Text>
                    </div>
                    <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                    {e.comment && !e.action.startsWith('report') ? <div>{e.comment}</div> : null}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={!!pending}
        title={pending ? t(`projects.action.${pending}`) : ''}
        onCancel={() => setPending(undefined)}
        confirmLoading={busy}
        onOk={async () => {
          const v = await form.validateFields();
          await act(pending!, {
            comment: v.comment || null,
            sealNo: v.sealNo || null,
            seal: pending === 'approve' ? !!v.seal : undefined,
            level: v.level,
          });
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ level: 'city', seal: true }}>
          {pending === 'select' ? (
            <Form.Item name="level" label={t('projects.app.levelPick')}>
              <Radio.Group>
                <Radio value="city">{t('projects.level.city')}</Radio>
                <Radio value="prefecture">{t('projects.level.prefecture')}</Radio>
              </Radio.Group>
            </Form.Item>
          ) : null}
          {pending === 'approve' ? (
            <Form.Item name="seal" valuePropName="checked">
              <Checkbox data-testid="approve-seal">{t('projects.app.sealAtOnce')}</Checkbox>
            </Form.Item>
          ) : null}
          {pending === 'approve' || pending === 'seal' ? (
            <Form.Item name="sealNo" label={t('projects.app.sealNo')} extra={t('projects.app.sealNoHelp')}>
              <Input maxLength={40} data-testid="seal-no" />
            </Form.Item>
          ) : null}
          {pending === 'seal' ? null : (
            <Form.Item
              name="comment"
              label={t('projects.app.comment')}
              rules={
                pending === 'return' ||
                pending === 'notice' ||
                pending === 'visit' ||
                pending === 'answer' ||
                pending === 'summarize'
                  ? [{ required: true, message: t('projects.app.commentRequired') }]
                  : []
              }
            >
              <Input.TextArea rows={3} maxLength={1000} data-testid="act-comment" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
