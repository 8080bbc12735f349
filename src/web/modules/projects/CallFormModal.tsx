import { useQuery } from '@tanstack/react-query';
import { DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { OrgUnitDto } from '../../../shared/contracts/org';
import { SEED_000_CRITERIA, SEED_000_DOCUMENTS, SEED_000_TYPES } from '../../../shared/contracts/projects';
import { applyFormErrors } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { OrgUnitSelect, orgApi } from '../org/api';
import { type Call, type CreateCallInput, projectsApi } from './api';
import { FormRows } from './parts';

interface Values {
  orgUnitId: string;
  year: number;
  title: string;
  quota: number;
  applicationDue: dayjs.Dayjs;
  completionDue: dayjs.Dayjs;
  summaryDue: dayjs.Dayjs;
  reportDay: number;
  subsidyCity: number;
  subsidyPrefecture: number;
  scopeUnitIds: string[];
  types: { key: string; name: string }[];
  documents: { key: string; name: string }[];
  criteria: { key: string; name: string; max: number }[];
  notes?: string;
}

/** The subdistricts/towns under an issuing city or district (one or two levels down). */
async function subdistrictsUnder(unit: OrgUnitDto | undefined): Promise<OrgUnitDto[]> {
  if (!unit) return [];
  const children = await orgApi.children(unit.id);
  if (unit.kind === 'district') return children.filter((c) => c.kind === 'subdistrict');
  const nested = await Promise.all(
    children.filter((c) => c.kind === 'district').map((d) => orgApi.children(d.id)),
  );
  return nested.flat().filter((c) => c.kind === 'subdistrict');
}

/** Drafting or editing a call: the seed-000 types, documents and criteria are the defaults. */
export function CallFormModal({
  open,
  call,
  onClose,
  onSaved,
}: {
  open: boolean;
  call?: Call;
  onClose: () => void;
  onSaved: (call: Call) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [issuer, setIssuer] = useState<OrgUnitDto>();
  const [saving, setSaving] = useState(false);
  const editing = !!call;
  const fixed = editing && call.status !== 'draft';
  const scope = useQuery({
    queryKey: ['projects', 'scope-options', issuer?.id ?? call?.orgUnitId ?? null],
    queryFn: () => subdistrictsUnder(issuer),
    enabled: !!issuer,
  });
  const scopeOptions = issuer
    ? (scope.data ?? []).map((u) => ({ value: u.id, label: u.name }))
    : (call?.scopeUnits ?? []).map((u) => ({ value: u.id, label: u.name }));
  const year = new Date().getFullYear() + 1;
  const initial: Partial<Values> = call
    ? {
        orgUnitId: call.orgUnitId,
        year: call.year,
        title: call.title,
        quota: call.quota,
        applicationDue: dayjs(call.applicationDue),
        completionDue: dayjs(call.completionDue),
        summaryDue: dayjs(call.summaryDue),
        reportDay: call.reportDay,
        subsidyCity: call.subsidyCityFen / 100,
        subsidyPrefecture: call.subsidyPrefectureFen / 100,
        scopeUnitIds: call.scopeUnits.map((u) => u.id),
        types: call.types,
        documents: call.documents,
        criteria: call.criteria,
        notes: call.notes ?? undefined,
      }
    : {
        year,
        title: `${year}年“共建共享”社区治理项目申报`,
        quota: 12,
        applicationDue: dayjs(`${year}-03-17`),
        completionDue: dayjs(`${year}-11-30`),
        summaryDue: dayjs(`${year}-12-20`),
        reportDay: 20,
        subsidyCity: 100_000,
        subsidyPrefecture: 50_000,
        types: SEED_000_TYPES.map((x) => ({ ...x })),
        documents: SEED_000_DOCUMENTS.map((x) => ({ ...x })),
        criteria: SEED_000_CRITERIA.map((x) => ({ ...x })),
      };

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      year: v.year,
      title: v.title,
      quota: v.quota,
      applicationDue: v.applicationDue.format('YYYY-MM-DD'),
      completionDue: v.completionDue.format('YYYY-MM-DD'),
      summaryDue: v.summaryDue.format('YYYY-MM-DD'),
      reportDay: v.reportDay,
      subsidyCityFen: Math.round(v.subsidyCity * 100),
      subsidyPrefectureFen: Math.round(v.subsidyPrefecture * 100),
      documents: v.documents,
      criteria: v.criteria,
      notes: v.notes || null,
      ...(!fixed && { types: v.types, scopeUnitIds: v.scopeUnitIds }),
    };
    setSaving(true);
    try {
      const saved = call
        ? await projectsApi.updateCall(call.id, body)
        : await projectsApi.createCall({ ...(body as CreateCallInput), orgUnitId: v.orgUnitId });
      onSaved(saved);
    } catch (e) {
      applyFormErrors(form, e);
    } finally {
      setSaving(false);
    }
  };

  const list = (name: 'types' | 'documents' | 'criteria', add: string, withMax = false) => (
    <FormRows
      name={name}
      addText={t(add as 'projects.call.addType')}
      blank={() => {
        const key = `k${Date.now().toString(36)}`;
        return withMax ? { key, max: 10 } : { key };
      }}
      locked={fixed && name === 'types'}
    >
      {(f) => (
        <>
          <Form.Item
            name={[f.name, 'name']}
            rules={[{ required: true }]}
            style={{ flex: 1, marginBottom: 8 }}
          >
            <Input placeholder={t('projects.call.name')} disabled={fixed && name === 'types'} />
          </Form.Item>
          {/* The key is the record's stable identity (applications and scores refer to it): never shown. */}
          <Form.Item name={[f.name, 'key']} hidden>
            <Input />
          </Form.Item>
          {withMax ? (
            <Form.Item
              name={[f.name, 'max']}
              rules={[{ required: true }]}
              style={{ width: 90, marginBottom: 8 }}
            >
              <InputNumber min={1} max={100} />
            </Form.Item>
          ) : null}
        </>
      )}
    </FormRows>
  );

  return (
    <Modal
      open={open}
      title={editing ? t('projects.call.edit') : t('projects.calls.new')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false} data-testid="call-form">
        {editing ? null : (
          <Form.Item
            name="orgUnitId"
            label={t('projects.call.issuer')}
            extra={t('projects.call.issuerHelp')}
            rules={[{ required: true }]}
          >
            <OrgUnitSelect
              selectableKinds={['city', 'district']}
              onChange={(_, unit) => {
                setIssuer(unit);
                form.setFieldValue('scopeUnitIds', []);
              }}
              data-testid="call-issuer"
            />
          </Form.Item>
        )}
        <Flex gap={12}>
          <Form.Item name="year" label={t('projects.call.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('projects.call.title')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="quota" label={t('projects.call.quota')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="applicationDue"
            label={t('projects.call.applicationDue')}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="completionDue"
            label={t('projects.call.completionDue')}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="summaryDue" label={t('projects.call.summaryDue')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reportDay" label={t('projects.call.reportDay')} rules={[{ required: true }]}>
            <InputNumber min={1} max={28} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="subsidyCity" label={t('projects.call.subsidyCity')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} addonAfter="元" />
          </Form.Item>
          <Form.Item
            name="subsidyPrefecture"
            label={t('projects.call.subsidyPrefecture')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} precision={2} style={{ width: 180 }} addonAfter="元" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="scopeUnitIds"
          label={t('projects.call.scope')}
          extra={t('projects.call.scopeHelp')}
          rules={[{ required: true }]}
        >
          <Select
            mode="multiple"
            options={scopeOptions}
            loading={scope.isFetching}
            disabled={fixed}
            optionFilterProp="label"
            data-testid="call-scope"
          />
        </Form.Item>
        <Form.Item label={t('projects.call.types')} required>
          {list('types', 'projects.call.addType')}
        </Form.Item>
        <Form.Item label={t('projects.call.documents')} required>
          {list('documents', 'projects.call.addDocument')}
        </Form.Item>
        <Form.Item label={t('projects.call.criteria')} required>
          {list('criteria', 'projects.call.addCriterion', true)}
        </Form.Item>
        <Form.Item name="notes" label={t('projects.call.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
