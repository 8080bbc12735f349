import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Alert,
  Button,
  DatePicker,
  Flex,
  Form,
  type FormListFieldData,
  Input,
  InputNumber,
  Select,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ConsultationLink } from './ConsultationLink';
import { CONSULTATION_KINDS, FUNDING_SOURCES } from '../../../shared/contracts/projects';
import { PageHeader } from '../../app/components/PageHeader';
import { enumOptions } from '../../app/components/enumOptions';
import { BlockSkeleton, ErrorResult } from '../../app/components/Status';
import { applyFormErrors } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { formValues } from '../../app/formValues';
import { OrgUnitSelect } from '../org/api';
import { type ApplicationDetail, projectsApi, projectsKeys } from './api';
import { FormRows, SectionCard, yuan } from './parts';

interface Values {
  orgUnitId?: string;
  type: string;
  title: string;
  summary?: string;
  targets: string[];
  consultationKind?: string;
  consultationDate?: dayjs.Dayjs;
  consultationNote?: string;
  budgetLines: { item: string; amount: number; note?: string }[];
  funding: { source: string; amount: number }[];
}

const toFen = (yuanValue: number | undefined) => Math.round((yuanValue ?? 0) * 100);

function initialOf(a: ApplicationDetail | undefined): Partial<Values> {
  if (!a)
    return {
      targets: [''],
      budgetLines: [{ item: '', amount: 0 }],
      funding: [{ source: 'city', amount: 0 }],
      consultationKind: 'meeting',
    };
  return {
    ...formValues(a, ['type', 'title', 'summary', 'targets', 'consultationKind', 'consultationNote']),
    consultationDate: a.consultationDate ? dayjs(a.consultationDate) : undefined,
    budgetLines: a.budgetLines.map((l) => ({
      item: l.item,
      amount: l.amountFen / 100,
      note: l.note ?? undefined,
    })),
    funding: a.funding.map((f) => ({ source: f.source, amount: f.amountFen / 100 })),
  };
}

/** A community's application: targets, the residents' consultation, budget lines and funding sources. */
export default function ApplicationFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const existing = useQuery({
    queryKey: projectsKeys.application(id ?? ''),
    queryFn: () => projectsApi.application(id!),
    enabled: !!id,
  });
  const callId = id ? existing.data?.callId : (params.get('callId') ?? undefined);
  const call = useQuery({
    queryKey: projectsKeys.call(callId ?? ''),
    queryFn: () => projectsApi.call(callId!),
    enabled: !!callId,
  });
  const lines = Form.useWatch('budgetLines', form) ?? [];
  const funds = Form.useWatch('funding', form) ?? [];
  if (existing.isError) return <ErrorResult error={existing.error} onRetry={() => existing.refetch()} />;
  if (call.isError) return <ErrorResult error={call.error} onRetry={() => call.refetch()} />;
  if ((id && !existing.data) || !call.data) return <BlockSkeleton />;
  const budget = lines.reduce((n, l) => n + toFen(l?.amount), 0);
  const funding = funds.reduce((n, f) => n + toFen(f?.amount), 0);

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      type: v.type,
      title: v.title,
      summary: v.summary || null,
      targets: v.targets.map((x) => x.trim()).filter(Boolean),
      consultationKind: (v.consultationKind as (typeof CONSULTATION_KINDS)[number]) ?? null,
      consultationDate: v.consultationDate ? v.consultationDate.format('YYYY-MM-DD') : null,
      consultationNote: v.consultationNote || null,
      budgetLines: v.budgetLines.map((l) => ({
        item: l.item,
        amountFen: toFen(l.amount),
        note: l.note || null,
      })),
      funding: v.funding.map((f) => ({
        source: f.source as (typeof FUNDING_SOURCES)[number],
        amountFen: toFen(f.amount),
      })),
    };
    setSaving(true);
    try {
      const saved = id
        ? await projectsApi.updateApplication(id, body)
        : await projectsApi.createApplication({ ...body, callId: callId!, orgUnitId: v.orgUnitId! });
      message.success(t('projects.app.saved'));
      await qc.invalidateQueries({ queryKey: projectsKeys.all });
      navigate(`/projects/applications/${saved.id}`);
    } catch (e) {
      applyFormErrors(form, e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={id ? t('projects.app.edit') : t('projects.app.new')}
        subtitle={call.data.title}
        extra={
          <Button type="primary" loading={saving} onClick={save} data-testid="app-save">
            {t('projects.app.save')}
          </Button>
        }
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={initialOf(existing.data)}
        style={{ maxWidth: 960 }}
        data-testid="app-form"
      >
        <SectionCard>
          {id ? null : (
            <Form.Item name="orgUnitId" label={t('projects.app.pickUnit')} rules={[{ required: true }]}>
              <OrgUnitSelect selectableKinds={['community']} data-testid="app-unit" />
            </Form.Item>
          )}
          <Flex gap={12} wrap>
            <Form.Item
              name="type"
              label={t('projects.app.type')}
              rules={[{ required: true }]}
              style={{ width: 200 }}
            >
              <Select
                options={call.data.types.map((x) => ({ value: x.key, label: x.name }))}
                data-testid="app-type"
              />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('projects.app.title')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <Input maxLength={100} data-testid="app-title" />
            </Form.Item>
          </Flex>
          <Form.Item name="summary" label={t('projects.app.summary')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item label={t('projects.app.targets')} extra={t('projects.app.targetsHelp')} required>
            <FormRows name="targets" addText={t('projects.app.addTarget')} blank={() => ''}>
              {(f, i) => (
                <Form.Item name={f.name} rules={[{ required: true }]} style={{ flex: 1, marginBottom: 8 }}>
                  <Input maxLength={200} data-testid={`app-target-${i}`} />
                </Form.Item>
              )}
            </FormRows>
          </Form.Item>
        </SectionCard>
        <SectionCard title={t('projects.app.consultation')}>
          <Flex gap={12} wrap>
            <Form.Item
              name="consultationKind"
              label={t('projects.app.consultationKind')}
              style={{ width: 200 }}
            >
              <Select options={enumOptions(t, 'projects.consultation', CONSULTATION_KINDS)} />
            </Form.Item>
            <Form.Item name="consultationDate" label={t('projects.app.consultationDate')}>
              <DatePicker />
            </Form.Item>
          </Flex>
          <Form.Item
            name="consultationNote"
            label={t('projects.app.consultationNote')}
            extra={t('projects.app.consultationHelp')}
          >
            <Input.TextArea rows={2} maxLength={2000} data-testid="app-consultation" />
          </Form.Item>
          <Form.Item label={t('projects.consult.title')}>
            {id ? (
              <ConsultationLink applicationId={id} />
            ) : (
              <Alert type="info" message={t('projects.consult.afterSave')} />
            )}
          </Form.Item>
        </SectionCard>
        <SectionCard title={t('projects.app.budgetLines')}>
          <FormRows
            name="budgetLines"
            addText={t('projects.app.addLine')}
            blank={() => ({ item: '', amount: 0 })}
            wrap
          >
            {(f, i) => (
              <>
                <Form.Item
                  name={[f.name, 'item']}
                  rules={[{ required: true }]}
                  style={{ flex: 1, marginBottom: 8 }}
                >
                  <Input placeholder={t('projects.app.item')} maxLength={100} data-testid={`app-line-${i}`} />
                </Form.Item>
                <AmountItem field={f} testId={`app-line-amount-${i}`} />
                <Form.Item name={[f.name, 'note']} style={{ width: 220, marginBottom: 8 }}>
                  <Input placeholder={t('projects.app.note')} maxLength={200} />
                </Form.Item>
              </>
            )}
          </FormRows>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('projects.app.funding')}
          </Typography.Title>
          <FormRows
            name="funding"
            addText={t('projects.app.addSource')}
            blank={() => ({ source: 'subdistrict', amount: 0 })}
          >
            {(f, i) => (
              <>
                <Form.Item
                  name={[f.name, 'source']}
                  rules={[{ required: true }]}
                  style={{ width: 200, marginBottom: 8 }}
                >
                  <Select options={enumOptions(t, 'projects.funding', FUNDING_SOURCES)} />
                </Form.Item>
                <AmountItem field={f} testId={`app-fund-amount-${i}`} />
              </>
            )}
          </FormRows>
          <div style={{ marginTop: 12 }}>
            <Typography.Text type={budget === funding ? 'secondary' : 'danger'} data-testid="app-totals">
              {t('projects.app.totals', { budget: yuan(budget), funding: yuan(funding) })}
              {budget === funding ? '' : `，${t('projects.app.unbalanced')}`}
            </Typography.Text>
          </div>
        </SectionCard>
      </Form>
    </>
  );
}

/** A budget line's or funding source's amount in yuan (required, at least 0.01). */
function AmountItem({ field, testId }: { field: FormListFieldData; testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name={[field.name, 'amount']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
      <InputNumber
        min={0.01}
        precision={2}
        placeholder={t('projects.app.amount')}
        style={{ width: 160 }}
        data-testid={testId}
      />
    </Form.Item>
  );
}
