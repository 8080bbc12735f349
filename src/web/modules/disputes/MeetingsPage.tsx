import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorResult } from '../../app/components/Status';
import { SubmitModal } from '../../app/components/SubmitModal';
import { type MessageKey, useI18n } from '../../app/i18n';
import { dateTimeColumn } from '../../app/components/columns';
import { type Contact, type Meetings, dsApi, dsKeys } from './api';
import { Field, editColumn, labelOptions } from './meta';
import { SmallTable } from '../../app/components/SmallTable';

/** R-DS-3: the monthly joint meeting (extra meetings on major matters) and each community's leader and contact. */
export default function MeetingsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Contact | null>(null);
  const meetings = useQuery({ queryKey: dsKeys.meetings, queryFn: dsApi.meetings });
  const contacts = useQuery({ queryKey: dsKeys.contacts, queryFn: dsApi.contacts });
  const subdistricts = [
    ...new Map((meetings.data?.months ?? []).map((m) => [m.orgUnitId, m.unitName])).entries(),
  ];
  return (
    <>
      <PageHeader
        title={t('disputes.meetings.title')}
        subtitle={t('disputes.meetings.subtitle')}
        extra={
          can('disputes.dispatch') && subdistricts.length ? (
            <AddButton onClick={() => setCreating(true)}>{t('disputes.meetings.new')}</AddButton>
          ) : null
        }
      />
      {meetings.isError ? <ErrorResult error={meetings.error} onRetry={() => meetings.refetch()} /> : null}
      {subdistricts.map(([id, name]) => (
        <Card key={id} size="small" title={name} style={{ marginBottom: 12 }}>
          <Space wrap>
            {(meetings.data?.months ?? [])
              .filter((m) => m.orgUnitId === id)
              .map((m) => (
                <Tag key={m.month} color={m.monthly ? 'green' : 'red'}>
                  {m.month}
                  {'　'}
                  {m.monthly ? t('disputes.meetings.held') : t('disputes.meetings.missing')}
                  {m.extra ? `　${t('disputes.meetings.extraCount', { n: m.extra })}` : ''}
                </Tag>
              ))}
          </Space>
        </Card>
      ))}
      <Card size="small" title={t('disputes.meetings.list')} style={{ marginBottom: 12 }}>
        <Table
          rowKey="id"
          size="small"
          loading={meetings.isPending}
          dataSource={meetings.data?.items}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          locale={{ emptyText: t('disputes.meetings.empty') }}
          columns={[
            dateTimeColumn(t('disputes.meetings.heldAt'), 'heldAt', 150),
            {
              title: t('disputes.field.kind'),
              dataIndex: 'kind',
              width: 90,
              render: (v: string) => (
                <Tag color={v === 'extra' ? 'orange' : 'blue'}>
                  {t(`disputes.meetings.kind.${v}` as MessageKey)}
                </Tag>
              ),
            },
            {
              title: t('disputes.meetings.attendees'),
              dataIndex: 'attendees',
              render: (v: string[]) => v.join('、'),
            },
            {
              title: t('disputes.meetings.cases'),
              dataIndex: 'cases',
              render: (v: Meetings['items'][number]['cases']) => v.map((c) => c.title).join('、') || '—',
            },
            { title: t('disputes.meetings.decisions'), dataIndex: 'decisions' },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('disputes.contacts.title')}
        extra={<Typography.Text type="secondary">{t('disputes.contacts.hint')}</Typography.Text>}
      >
        <SmallTable
          rowKey="communityId"
          loading={contacts.isPending}
          dataSource={contacts.data?.items}
          columns={[
            { title: t('disputes.field.community'), dataIndex: 'communityName', width: 160 },
            {
              title: t('disputes.contacts.leader'),
              dataIndex: 'leaderName',
              render: (v: string | null, c) =>
                v ? (
                  `${v}${c.leaderTitle ? `（${c.leaderTitle}）` : ''}`
                ) : (
                  <Tag color="red">{t('disputes.contacts.missing')}</Tag>
                ),
            },
            {
              title: t('disputes.contacts.contact'),
              dataIndex: 'contactName',
              render: (v: string | null, c) =>
                v ? `${v}${c.contactInfo ? `（${c.contactInfo}）` : ''}` : '—',
            },
            editColumn<Contact>(t, setEditing),
          ]}
        />
      </Card>
      {creating ? <MeetingModal subdistricts={subdistricts} onClose={() => setCreating(false)} /> : null}
      {editing ? <ContactModal contact={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function MeetingModal({ subdistricts, onClose }: { subdistricts: [string, string][]; onClose: () => void }) {
  const { t } = useI18n();
  const open = useQuery({
    queryKey: dsKeys.list({ view: 'all', pageSize: 200 }),
    queryFn: () => dsApi.list({ view: 'all', pageSize: 200 }),
  });
  const save = (v: Record<string, unknown>) =>
    dsApi.createMeeting({
      orgUnitId: v.orgUnitId as string,
      kind: v.kind as 'monthly',
      heldAt: (v.heldAt as { toISOString(): string }).toISOString(),
      place: (v.place as string) || null,
      host: (v.host as string) || null,
      attendees: String(v.attendees ?? '')
        .split(/[、，,\s]+/)
        .filter(Boolean),
      disputeIds: (v.disputeIds as string[]) ?? [],
      decisions: v.decisions as string,
      minutes: (v.minutes as string) || null,
    });
  return (
    <SubmitModal
      title={t('disputes.meetings.new')}
      width={640}
      initialValues={{ orgUnitId: subdistricts[0]?.[0], kind: 'monthly' }}
      invalidate={dsKeys.meetings}
      savedText={t('disputes.bodies.saved')}
      onClose={onClose}
      submit={save}
    >
      <Space wrap>
        <Field name="orgUnitId" label="disputes.field.unit" required>
          <Select style={{ width: 180 }} options={subdistricts.map(([value, label]) => ({ value, label }))} />
        </Field>
        <Field name="kind" label="disputes.field.kind" required>
          <Select
            style={{ width: 160 }}
            options={labelOptions(t, 'disputes.meetings.kind', ['monthly', 'extra'])}
          />
        </Field>
        <Field name="heldAt" label="disputes.meetings.heldAt" required>
          <DatePicker showTime />
        </Field>
      </Space>
      <Space wrap>
        <Field name="host" label="disputes.meetings.host">
          <Input maxLength={50} />
        </Field>
        <Field name="place" label="disputes.field.place">
          <Input maxLength={200} />
        </Field>
      </Space>
      <Field
        name="attendees"
        label="disputes.meetings.attendees"
        required
        extra={t('disputes.meetings.attendeesHint')}
      >
        <Input.TextArea rows={2} />
      </Field>
      <Field name="disputeIds" label="disputes.meetings.cases">
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={(open.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.number} ${d.title}` }))}
        />
      </Field>
      <Field name="decisions" label="disputes.meetings.decisions" required>
        <Input.TextArea rows={3} maxLength={4000} />
      </Field>
      <Field name="minutes" label="disputes.meetings.minutes">
        <Input.TextArea rows={3} maxLength={8000} />
      </Field>
    </SubmitModal>
  );
}

/** The contact form's fields: name, label, whether required, longest length. */
const CONTACT_FIELDS = [
  ['leaderName', 'disputes.contacts.leader', true, 50],
  ['leaderTitle', 'disputes.contacts.leaderTitle', false, 100],
  ['contactName', 'disputes.contacts.contact', true, 50],
  ['contactInfo', 'disputes.contacts.contactInfo', false, 100],
] as const;

function ContactModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useI18n();
  const save = (v: { leaderName: string; leaderTitle?: string; contactName: string; contactInfo?: string }) =>
    dsApi.setContact(contact.communityId, {
      leaderName: v.leaderName,
      leaderTitle: v.leaderTitle || null,
      contactName: v.contactName,
      contactInfo: v.contactInfo || null,
    });
  return (
    <SubmitModal
      title={contact.communityName}
      initialValues={contact}
      invalidate={dsKeys.contacts}
      savedText={t('disputes.bodies.saved')}
      onClose={onClose}
      submit={save}
    >
      {CONTACT_FIELDS.map(([name, label, required, maxLength]) => (
        <Field key={name} name={name} label={label} required={required}>
          <Input maxLength={maxLength} />
        </Field>
      ))}
    </SubmitModal>
  );
}
