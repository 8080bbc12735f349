import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useBusyAction } from '../../app/useBusyAction';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { projectsKeys } from './api';
import { evaluationApi, evaluationKeys } from './evaluationApi';
import { SectionCard } from './parts';

const GRADE_COLOR: Record<string, string> = { excellent: 'gold', good: 'green', pass: 'blue', fail: 'red' };

/**
 * A selected project's final evaluation (末期评估, R-PJ-4): read by everyone who reads the project, recorded
 * by the bureau's evaluation team once the closing summary is in; and the bureau's force-majeure exemption
 * of the completion date.
 */
export function EvaluationCard({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const [mode, setMode] = useState<'evaluate' | 'exempt'>();
  const [busy, withBusy] = useBusyAction();
  const [form] = Form.useForm();
  const q = useQuery({
    queryKey: evaluationKeys.project(applicationId),
    queryFn: () => evaluationApi.project(applicationId),
  });
  if (!q.data) return null;
  const d = q.data;
  const ev = d.evaluation;
  const required = [{ required: true, message: t('projects.eval.required') }];

  const submit = async () => {
    const v = await form.validateFields();
    await withBusy(async () => {
      if (mode === 'evaluate') {
        await evaluationApi.evaluate(applicationId, {
          members: String(v.members)
            .split(/[、，,；;\s]+/)
            .map((s) => s.trim())
            .filter(Boolean),
          score: v.score,
          opinion: v.opinion,
          evaluatedOn: (v.evaluatedOn as dayjs.Dayjs).format('YYYY-MM-DD'),
        });
        message.success(t('projects.eval.saved'));
      } else {
        await evaluationApi.exempt(applicationId, {
          reason: v.reason,
          newDue: (v.newDue as dayjs.Dayjs).format('YYYY-MM-DD'),
        });
        message.success(t('projects.eval.exempted'));
      }
      setMode(undefined);
      await qc.invalidateQueries({ queryKey: projectsKeys.all });
    });
  };

  return (
    <SectionCard
      title={t('projects.eval.title')}
      data-testid="evaluation-card"
      extra={
        <Space>
          {d.abilities.exempt ? (
            <Button
              size="small"
              onClick={() => {
                form.resetFields();
                setMode('exempt');
              }}
              data-testid="eval-exempt"
            >
              {t('projects.eval.exempt')}
            </Button>
          ) : null}
          {d.abilities.evaluate ? (
            <Button
              size="small"
              type="primary"
              onClick={() => {
                form.resetFields();
                setMode('evaluate');
              }}
              data-testid="eval-record"
            >
              {ev ? t('projects.eval.rerecord') : t('projects.eval.record')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {ev ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('projects.eval.score')}>
            <Space size={4}>
              <Typography.Text strong>{ev.score}</Typography.Text>
              <Tag color={GRADE_COLOR[ev.grade] ?? 'default'}>{ev.gradeName}</Tag>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.eval.date')}>{formatDate(ev.evaluatedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.eval.members')} span={2}>
            {ev.members.join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.eval.opinion')} span={2}>
            {ev.opinion}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">
          {d.summaryAt ? t('projects.eval.none') : t('projects.eval.waitSummary')}
        </Typography.Text>
      )}
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">
          {t('projects.eval.bands')}：
          {d.bands
            .slice()
            .sort((a, b) => b.min - a.min)
            .map((b, i, all) =>
              b.min === 0 && i > 0
                ? t('projects.eval.bandBelow', { name: b.name, max: all[i - 1]!.min })
                : t('projects.eval.band', { name: b.name, min: b.min }),
            )
            .join('，')}
        </Typography.Text>
      </div>
      {d.exemptions.length ? (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          message={t('projects.eval.exemptions')}
          description={d.exemptions.map((x) => (
            <div key={x.id}>
              {t('projects.eval.exemptValue', {
                from: formatDate(x.previousDue),
                to: formatDate(x.newDue),
                reason: x.reason,
                name: x.grantedByName ?? '',
              })}
            </div>
          ))}
        />
      ) : null}
      <Modal
        open={!!mode}
        title={mode === 'exempt' ? t('projects.eval.exempt') : t('projects.eval.record')}
        onCancel={() => setMode(undefined)}
        onOk={submit}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={
            mode === 'evaluate'
              ? {
                  members: ev?.members.join('、') ?? '',
                  score: ev?.score,
                  opinion: ev?.opinion ?? '',
                  evaluatedOn: ev ? dayjs(ev.evaluatedOn) : dayjs(),
                }
              : {}
          }
        >
          {mode === 'exempt' ? (
            <>
              <Typography.Paragraph type="secondary">{t('projects.eval.exemptHint')}</Typography.Paragraph>
              <Form.Item name="reason" label={t('projects.eval.reason')} rules={required}>
                <Input.TextArea rows={2} maxLength={500} data-testid="exempt-reason" />
              </Form.Item>
              <Form.Item name="newDue" label={t('projects.eval.newDue')} rules={required}>
                <DatePicker
                  disabledDate={(day) => !!d.completionDueAt && day.isBefore(dayjs(d.completionDueAt), 'day')}
                />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item
                name="members"
                label={t('projects.eval.members')}
                extra={t('projects.eval.membersHint')}
                rules={required}
              >
                <Input maxLength={300} data-testid="eval-members" />
              </Form.Item>
              <Form.Item
                name="score"
                label={t('projects.eval.score')}
                extra={t('projects.eval.scoreHint')}
                rules={required}
              >
                <InputNumber min={0} max={100} precision={0} data-testid="eval-score" />
              </Form.Item>
              <Form.Item name="opinion" label={t('projects.eval.opinion')} rules={required}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="eval-opinion" />
              </Form.Item>
              <Form.Item name="evaluatedOn" label={t('projects.eval.date')} rules={required}>
                <DatePicker />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </SectionCard>
  );
}
