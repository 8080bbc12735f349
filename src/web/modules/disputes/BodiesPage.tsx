import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DS_BODY_KINDS } from '../../../shared/contracts/disputes';
import { ErrorResult } from '../../app/components/Status';
import { SubmitModal } from '../../app/components/SubmitModal';
import { useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { type Body, type BodyInput, dsApi, dsKeys } from './api';
import { Field, editColumn, labelOf, labelOptions } from './meta';
import { AddPageHeader } from '../../app/components/AddPageHeader';

/** The one-window roster (R-DS-2): handling bodies with members, skills and load. */
export default function BodiesPage() {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Body | 'new' | null>(null);
  const q = useQuery({ queryKey: dsKeys.bodies, queryFn: dsApi.bodies });
  return (
    <>
      <AddPageHeader
        title={t('disputes.bodies.title')}
        subtitle={t('disputes.bodies.subtitle')}
        permission="disputes.bodies"
        addLabel={t('disputes.bodies.new')}
        onAdd={() => setEditing('new')}
        addTestId="new-body"
      />
      {q.isError ? (
        <ErrorResult error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          loading={q.isPending}
          dataSource={q.data?.items}
          locale={{ emptyText: t('disputes.bodies.empty') }}
          pagination={false}
          columns={[
            {
              title: t('disputes.field.kind'),
              dataIndex: 'kind',
              width: 150,
              render: (v: string) => (
                <Tag color={v === 'mediation_committee' ? 'blue' : undefined}>
                  {labelOf(t, 'disputes.body', v)}
                </Tag>
              ),
            },
            {
              title: t('disputes.bodies.title'),
              dataIndex: 'name',
              render: (v: string, b) => (
                <Space direction="vertical" size={0}>
                  <span>
                    <Typography.Text strong>{v}</Typography.Text>{' '}
                    {b.active ? null : <Tag>{t('disputes.bodies.inactive')}</Tag>}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[b.unitName, b.contact, b.skills.join('、')].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('disputes.field.members'),
              dataIndex: 'members',
              render: (_: unknown, b) =>
                b.members
                  .map(
                    (m) =>
                      `${m.name}（${labelOf(t, 'disputes.position', m.position)}，${labelOf(t, 'disputes.gender', m.gender)}）`,
                  )
                  .join('、') || '—',
            },
            { title: t('disputes.field.load'), dataIndex: 'load', width: 80 },
            editColumn<Body>(t, setEditing),
          ]}
          data-testid="bodies-table"
        />
      )}
      {editing ? (
        <BodyModal body={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function BodyModal({ body, onClose }: { body: Body | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = (v: BodyInput & { active?: boolean }) =>
    body
      ? dsApi.updateBody(body.id, {
          name: v.name,
          contact: v.contact ?? null,
          active: v.active,
          members: v.members,
        })
      : dsApi.createBody(v);
  return (
    <SubmitModal
      title={body ? body.name : t('disputes.bodies.new')}
      width={680}
      initialValues={
        body
          ? { ...body, members: body.members }
          : { kind: 'mediation_committee', members: [{ position: 'chair', gender: 'male' }] }
      }
      invalidate={dsKeys.all}
      savedText={t('disputes.bodies.saved')}
      onClose={onClose}
      submit={save}
    >
      {body ? null : (
        <Flex gap={12}>
          <Field name="orgUnitId" label="disputes.field.unit" required flex={1}>
            <OrgUnitSelect selectableKinds={['subdistrict', 'community']} searchKind="community" />
          </Field>
          <Field name="kind" label="disputes.field.kind" required flex={1}>
            <Select options={labelOptions(t, 'disputes.body', DS_BODY_KINDS)} />
          </Field>
        </Flex>
      )}
      <Flex gap={12}>
        <Field name="name" label="disputes.bodies.title" required flex={2}>
          <Input maxLength={100} />
        </Field>
        <Field name="contact" label="disputes.field.contact" flex={1}>
          <Input maxLength={100} />
        </Field>
        {body ? (
          <Field
            name="active"
            label="disputes.bodies.inactive"
            valuePropName="checked"
            getValueProps={(v) => ({ checked: !v })}
            getValueFromEvent={(c: boolean) => !c}
          >
            <Switch />
          </Field>
        ) : null}
      </Flex>
      <Alert type="info" showIcon message={t('disputes.bodies.committeeRule')} style={{ marginBottom: 12 }} />
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Flex gap={8} key={f.key} align="start">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true }]} style={{ flex: 1 }}>
                  <Input placeholder={t('disputes.field.name')} maxLength={50} />
                </Form.Item>
                <Form.Item name={[f.name, 'gender']} rules={[{ required: true }]} style={{ width: 90 }}>
                  <Select options={labelOptions(t, 'disputes.gender', ['male', 'female'])} />
                </Form.Item>
                <Form.Item name={[f.name, 'position']} rules={[{ required: true }]} style={{ width: 110 }}>
                  <Select options={labelOptions(t, 'disputes.position', ['chair', 'vice_chair', 'member'])} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={t('disputes.intake.removeParty')}
                />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ position: 'member', gender: 'female' })}>
              {t('disputes.bodies.addMember')}
            </Button>
          </>
        )}
      </Form.List>
    </SubmitModal>
  );
}
