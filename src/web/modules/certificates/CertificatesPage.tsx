import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Form,
  type FormInstance,
  Input,
  Radio,
  Select,
  Space,
  Tabs,
  Tag,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { ProxyFields, type ProxyFormValues, proxyPayload } from '../../app/components/ProxyFields';
import { PageTable } from '../../app/components/PageTable';
import { SubmitModal } from '../../app/components/SubmitModal';
import { ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { type MessageKey, useI18n } from '../../app/i18n';
import { dashColumn, dateTimeColumn } from '../../app/components/columns';
import { enumOptions } from '../../app/components/enumOptions';
import { OrgUnitSelect } from '../org/api';
import { type Certificate, type SealUse, certApi, certKeys } from './api';
import { SmallTable } from '../../app/components/SmallTable';

/** 证明事项与用印登记 (R-AC-2). */
export default function CertificatesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [modal, setModal] = useState<'item' | 'request' | 'seal' | null>(null);
  return (
    <>
      <PageHeader
        title={t('cert.title')}
        subtitle={t('cert.subtitle')}
        extra={
          <Space wrap>
            {can('certificates.catalogue') ? (
              <Button icon={<PlusOutlined />} onClick={() => setModal('item')}>
                {t('cert.newItem')}
              </Button>
            ) : null}
            {can('certificates.issue') ? (
              <AddButton onClick={() => setModal('request')}>{t('cert.newRequest')}</AddButton>
            ) : null}
            {can('certificates.seal') ? (
              <Button icon={<PlusOutlined />} onClick={() => setModal('seal')}>
                {t('cert.newSeal')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Tabs
        items={[
          { key: 'register', label: t('cert.tab.register'), children: <Register /> },
          { key: 'catalogue', label: t('cert.tab.catalogue'), children: <Catalogue /> },
          { key: 'seals', label: t('cert.tab.seals'), children: <Seals /> },
        ]}
      />
      <ItemModal open={modal === 'item'} onClose={() => setModal(null)} />
      <RequestModal open={modal === 'request'} onClose={() => setModal(null)} />
      <SealModal open={modal === 'seal'} onClose={() => setModal(null)} />
    </>
  );
}

function Catalogue() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: certKeys.catalogue, queryFn: certApi.catalogue });
  return (
    <Card size="small">
      {q.isError ? <ErrorResult error={q.error} onRetry={() => q.refetch()} /> : null}
      <SmallTable
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.items}
        locale={{ emptyText: t('cert.empty') }}
        columns={[
          { title: t('cert.field.name'), dataIndex: 'name' },
          { title: t('cert.field.law'), dataIndex: 'lawName', render: (v: string) => `《${v}》` },
          { title: t('cert.field.clause'), dataIndex: 'clause', width: 200 },
          { title: t('cert.field.keptBy'), dataIndex: 'orgUnitName', width: 140 },
        ]}
      />
    </Card>
  );
}

function Register() {
  const { t } = useI18n();
  const showError = useShowError();
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: certKeys.register(page), queryFn: () => certApi.register(page) });
  return (
    <Card size="small">
      <PageTable<Certificate>
        list={q}
        page={page}
        onPage={setPage}
        empty={t('cert.empty')}
        expandable={{ expandedRowRender: (r) => r.content }}
        columns={[
          { title: t('cert.field.number'), dataIndex: 'number', width: 190 },
          { title: t('cert.field.itemName'), dataIndex: 'itemName' },
          { title: t('cert.field.subjectName'), dataIndex: 'subjectName', width: 90 },
          {
            title: t('cert.field.requesterName'),
            width: 200,
            render: (_: unknown, r) => (
              <>
                {r.requestingBody ?? r.requesterName}
                {r.proxy ? (
                  <div>
                    <Tag color="gold">{t('proxy.tag')}</Tag>
                    {t('proxy.byLine', { name: r.proxy.proxyName })}（
                    {t(`proxy.method.${r.proxy.consent.method}`)}）
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: t('cert.field.basis'),
            dataIndex: 'clause',
            render: (v: string | null, r) =>
              v ? (
                <span>
                  {v}
                  {r.clauseSource ? (
                    <Tag style={{ marginLeft: 4 }}>{t(`cert.source.${r.clauseSource}` as MessageKey)}</Tag>
                  ) : null}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: t('cert.field.status'),
            width: 200,
            render: (_: unknown, r) =>
              r.status === 'issued' ? (
                <Space size={4}>
                  <Tag color="green">{t('cert.status.issued')}</Tag>
                  <Button
                    size="small"
                    type="link"
                    onClick={() => certApi.pdf(r.id).catch((e) => showError(e))}
                  >
                    {t('cert.pdf')}
                  </Button>
                </Space>
              ) : (
                <Space size={4} wrap>
                  <Tag color="red">{t('cert.status.refused')}</Tag>
                  {r.refusalCode ? <span>{t(`cert.reason.${r.refusalCode}` as MessageKey)}</span> : null}
                </Space>
              ),
          },
          dateTimeColumn(t('cert.field.date'), 'createdAt', 150),
        ]}
      />
    </Card>
  );
}

function Seals() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: certKeys.seals(page), queryFn: () => certApi.seals(page) });
  return (
    <Card size="small">
      <PageTable<SealUse>
        list={q}
        page={page}
        onPage={setPage}
        empty={t('cert.empty')}
        columns={[
          { title: t('cert.field.number'), dataIndex: 'number', width: 190 },
          { title: t('cert.field.document'), dataIndex: 'document' },
          { title: t('cert.field.purpose'), dataIndex: 'purpose', width: 180 },
          dashColumn(t('cert.field.legalBasis'), 'legalBasis'),
          { title: t('cert.field.requester'), dataIndex: 'requester', width: 150 },
          { title: t('cert.field.approver'), dataIndex: 'approverName', width: 100 },
          {
            title: t('cert.field.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: string) =>
              s === 'used' ? (
                <Tag color="green">{t('cert.status.used')}</Tag>
              ) : (
                <Tag color="red">{t('cert.seal.refused')}</Tag>
              ),
          },
          dateTimeColumn(t('cert.field.date'), 'usedAt', 150),
        ]}
      />
    </Card>
  );
}

/**
 * A modal form whose OK posts the values (`submit`): on success a toast, the register's lists refreshed, the
 * form emptied and the modal closed; on an error the lists are refreshed too (a refusal is registered) and the
 * error shown on the fields. `form` when the caller watches its fields.
 */
function SaveModal<V>(props: {
  open: boolean;
  title: string;
  width?: number;
  initialValues?: object;
  form?: FormInstance;
  submit: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  return (
    <SubmitModal<V>
      {...props}
      destroyOnHidden={false}
      savedText={t('cert.saved')}
      invalidate={certKeys.all}
      resetOnSave
      // A refusal is registered: refresh the register too.
      onError={() => qc.invalidateQueries({ queryKey: certKeys.all })}
    />
  );
}

function ItemModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const submit = (v: { orgUnitId: string; name: string; lawName: string; clause: string }) =>
    certApi.addItem(v);
  return (
    <SaveModal open={open} title={t('cert.newItem')} submit={submit} onClose={onClose}>
      <Form.Item name="orgUnitId" label={t('cert.field.level')} rules={[{ required: true }]}>
        <OrgUnitSelect selectableKinds={['city', 'district', 'subdistrict']} />
      </Form.Item>
      <Form.Item name="name" label={t('cert.field.name')} rules={[{ required: true }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="lawName" label={t('cert.field.law')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="clause" label={t('cert.field.clause')} rules={[{ required: true }]}>
        <Input maxLength={500} placeholder="第×条" />
      </Form.Item>
    </SaveModal>
  );
}

function RequestModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const catalogue = useQuery({ queryKey: certKeys.catalogue, queryFn: certApi.catalogue, enabled: open });
  const kind = Form.useWatch('requesterKind', form);
  const submit = (v: {
    communityId: string;
    catalogueId?: string;
    itemName?: string;
    requesterKind: 'resident' | 'unit';
    requesterName: string;
    requestingBody?: string;
    citedClause?: string;
    subjectName: string;
    purpose: string;
    content: string;
    withinRequesterDuty?: boolean;
    jointLiability?: boolean;
    proxy?: ProxyFormValues;
  }) =>
    certApi.request({
      ...v,
      proxy: proxyPayload(v.proxy),
      catalogueId: v.catalogueId || null,
      itemName: v.itemName || null,
      requestingBody: v.requestingBody || null,
      citedClause: v.citedClause || null,
      withinRequesterDuty: !!v.withinRequesterDuty,
      jointLiability: !!v.jointLiability,
    });
  return (
    <SaveModal
      open={open}
      title={t('cert.newRequest')}
      width={640}
      initialValues={{ requesterKind: 'resident' }}
      form={form}
      submit={submit}
      onClose={onClose}
    >
      <Form.Item name="communityId" label={t('cert.field.community')} rules={[{ required: true }]}>
        <OrgUnitSelect selectableKinds={['community']} searchKind="community" />
      </Form.Item>
      <Form.Item name="catalogueId" label={t('cert.field.catalogue')} extra={t('cert.field.catalogueHint')}>
        <Select
          allowClear
          options={(catalogue.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.name}（《${c.lawName}》${c.clause}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="itemName" label={t('cert.field.itemName')}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="requesterKind" label={t('cert.field.requesterKind')}>
        <Radio.Group options={enumOptions(t, 'cert.kind', ['resident', 'unit'])} />
      </Form.Item>
      <Form.Item name="requesterName" label={t('cert.field.requesterName')} rules={[{ required: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      {kind === 'unit' ? (
        <>
          <Form.Item name="requestingBody" label={t('cert.field.requestingBody')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="citedClause" label={t('cert.field.citedClause')}>
            <Input maxLength={500} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="subjectName" label={t('cert.field.subjectName')} rules={[{ required: true }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="purpose" label={t('cert.field.purpose')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="content" label={t('cert.field.content')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="withinRequesterDuty" valuePropName="checked">
        <Checkbox>{t('cert.field.withinDuty')}</Checkbox>
      </Form.Item>
      <Form.Item name="jointLiability" valuePropName="checked">
        <Checkbox>{t('cert.field.jointLiability')}</Checkbox>
      </Form.Item>
      {kind === 'resident' ? <ProxyFields /> : null}
    </SaveModal>
  );
}

function SealModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const submit = (v: {
    communityId: string;
    document: string;
    purpose: string;
    legalBasis?: string;
    requester: string;
    jointLiability?: boolean;
    dutyClause?: string;
  }) =>
    certApi.seal({
      ...v,
      legalBasis: v.legalBasis || null,
      dutyClause: v.dutyClause || null,
      jointLiability: !!v.jointLiability,
    });
  return (
    <SaveModal open={open} title={t('cert.newSeal')} submit={submit} onClose={onClose}>
      <Form.Item name="communityId" label={t('cert.field.community')} rules={[{ required: true }]}>
        <OrgUnitSelect selectableKinds={['community']} searchKind="community" />
      </Form.Item>
      <Form.Item name="document" label={t('cert.field.document')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="purpose" label={t('cert.field.purpose')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="legalBasis" label={t('cert.field.legalBasis')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="requester" label={t('cert.field.requester')} rules={[{ required: true }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="jointLiability" valuePropName="checked">
        <Checkbox>{t('cert.field.jointLiability')}</Checkbox>
      </Form.Item>
      <Form.Item name="dutyClause" label={t('cert.field.dutyClause')}>
        <Input maxLength={500} />
      </Form.Item>
    </SaveModal>
  );
}
