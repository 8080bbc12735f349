import { enumOptions } from '../../app/components/enumOptions';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { FormSaveModal } from '../../app/formSaving';
import {
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { STAR_THRESHOLD_HOURS, VOLUNTEER_KINDS } from '../../../shared/contracts/volunteers';
import { useExported } from '../../app/components/ExportButton';
import { DownloadButton } from '../../app/components/DownloadButton';
import { PageHeader } from '../../app/components/PageHeader';
import { useSaving } from '../../app/components/useSaving';
import { formatDateTime } from '../../app/format';
import { type MessageKey, useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { hoursOf, type VolunteerDetail, volApi, volKeys } from './api';
import { KindTag, RecordStatus, Stars, TypeTag } from './parts';
import { availabilityOf, NotesField, OfferFields, UniversityField } from './profileFields';

type Entry = VolunteerDetail['hours'][number];

function EditModal({ v, open, onClose }: { v: VolunteerDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const save = useSaving(
    (values: Record<string, unknown>) =>
      volApi.update(v.id, {
        version: v.version,
        kind: values.kind as VolunteerDetail['kind'],
        university: (values.university as string) || null,
        orgUnitId: values.orgUnitId as string,
        skills: values.skills as string[],
        availability: availabilityOf(values),
        status: values.status as 'active' | 'inactive',
        notes: (values.notes as string) || null,
        username: (values.username as string)?.trim() || null,
      }),
    { invalidate: volKeys.all, done: () => t('common.saved'), form, after: onClose },
  );
  return (
    <FormSaveModal
      form={form}
      saving={save.isPending}
      open={open}
      title={t('volunteers.edit')}
      onCancel={onClose}
      okText={t('common.save')}
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate(values)}
        initialValues={{
          kind: v.kind,
          university: v.university,
          orgUnitId: v.orgUnitId,
          skills: v.skills,
          availability: { weekdays: v.availability.weekdays, slots: v.availability.slots },
          status: v.status,
          notes: v.notes,
          username: '',
        }}
      >
        <Flex gap={12}>
          <Form.Item name="kind" label={t('volunteers.kind')} style={{ flex: 1 }}>
            <Select options={enumOptions(t, 'volunteers.kind', VOLUNTEER_KINDS)} />
          </Form.Item>
          <UniversityField kind={kind} />
          <Form.Item name="status" label={t('common.status')} style={{ width: 120 }}>
            <Select
              options={(['active', 'inactive'] as const).map((s) => ({
                value: s,
                label: t(`volunteers.status.${s}`),
              }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="orgUnitId" label={t('volunteers.unit')}>
          <OrgUnitSelect selectableKinds={['community', 'grid']} />
        </Form.Item>
        <OfferFields />
        <Form.Item
          name="username"
          label={t('volunteers.login')}
          extra={v.userId ? `${t('volunteers.loginHint')}(✓)` : t('volunteers.loginHint')}
        >
          <Input maxLength={50} placeholder="zhiyuan" />
        </Form.Item>
        <NotesField />
      </Form>
    </FormSaveModal>
  );
}

function CorrectModal({ entry, onClose }: { entry: Entry | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const save = useSaving((values: { minutes: number; reason: string }) => volApi.correct(entry!.id, values), {
    invalidate: volKeys.all,
    done: () => t('volunteers.corrected'),
    form,
    after: onClose,
  });
  return (
    <FormSaveModal
      form={form}
      saving={save.isPending}
      open={!!entry}
      title={t('volunteers.correctTitle')}
      onCancel={onClose}
    >
      {entry ? (
        <Typography.Paragraph type="secondary">
          {entry.activityTitle ?? ''} · {entry.minutes} min · {formatDateTime(entry.occurredAt)}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="minutes" label={t('volunteers.correctMinutes')} rules={[{ required: true }]}>
          <InputNumber
            min={-1440}
            max={1440}
            step={10}
            style={{ width: 200 }}
            data-testid="correct-minutes"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('volunteers.reason')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="correct-reason" />
        </Form.Item>
      </Form>
    </FormSaveModal>
  );
}

export default function VolunteerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const exported = useExported();
  const [editing, setEditing] = useState(false);
  const [correcting, setCorrecting] = useState<Entry | null>(null);
  const q = useQuery({ queryKey: volKeys.detail(id), queryFn: () => volApi.detail(id) });
  if (!q.isSuccess) return <RecordStatus query={q} />;
  const v = q.data;
  const hours = hoursOf(v.minutes);
  const next = v.nextStarHours;
  const prev = [0, ...STAR_THRESHOLD_HOURS][v.stars] ?? 0;
  const download = () => exported(() => volApi.certificate(v.id));
  return (
    <div>
      <PageHeader
        title={
          <Space>
            {v.name}
            <KindTag kind={v.kind} />
            {v.status === 'inactive' ? <Tag>{t('volunteers.status.inactive')}</Tag> : null}
          </Space>
        }
        subtitle={t('volunteers.detail')}
        extra={
          <>
            <DownloadButton download={download} data-testid="volunteer-certificate">
              {t('volunteers.certificate')}
            </DownloadButton>
            {v.canWrite ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="volunteer-edit">
                {t('volunteers.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={16} wrap align="stretch">
        <Card style={{ flex: '2 1 420px' }}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('volunteers.unit')}>{v.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('volunteers.community')}>{v.communityName}</Descriptions.Item>
            <Descriptions.Item label={t('volunteers.phone')}>{v.phone ?? '—'}</Descriptions.Item>
            {v.university ? (
              <Descriptions.Item label={t('volunteers.university')}>{v.university}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('volunteers.skills')}>
              {v.skills.length ? v.skills.map((s) => <Tag key={s}>{s}</Tag>) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteers.availability')}>
              {[
                ...v.availability.weekdays.map((d) => t(`volunteers.weekday.${d}` as MessageKey)),
                ...v.availability.slots.map((s) => t(`volunteers.slot.${s}` as MessageKey)),
              ].join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteers.teams')}>
              {v.teams.length
                ? v.teams.map((tm) => (
                    <Tag key={tm.id} color={tm.kind === 'emergency' ? 'red' : 'blue'}>
                      <Link to={`/volunteers/teams?team=${tm.id}`}>{tm.name}</Link>
                      {tm.role === 'leader' ? ` · ${t('volunteers.role.leader')}` : ''}
                    </Tag>
                  ))
                : t('volunteers.noTeams')}
            </Descriptions.Item>
            {v.notes ? <Descriptions.Item label={t('volunteers.notes')}>{v.notes}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
        <Card style={{ flex: '1 1 260px' }} data-testid="volunteer-stars">
          <Typography.Text type="secondary">{t('volunteers.hours')}</Typography.Text>
          <Typography.Title level={2} style={{ margin: '4px 0' }}>
            {hours}
          </Typography.Title>
          <Stars n={v.stars} />
          <Progress
            percent={next ? Math.min(100, Math.round(((hours - prev) / (next - prev)) * 100)) : 100}
            showInfo={false}
            style={{ marginTop: 8 }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {next
              ? t('volunteers.nextStar', { hours: next, left: Math.round((next - hours) * 10) / 10 })
              : t('volunteers.topStar')}
          </Typography.Text>
        </Card>
      </Flex>
      <Card title={t('volunteers.hourEntries')} style={{ marginTop: 16 }}>
        <Table<Entry>
          rowKey="id"
          size="small"
          dataSource={v.hours}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('volunteers.noHours') }}
          data-testid="volunteer-hours"
          columns={[
            {
              title: t('volunteers.occurredAt'),
              dataIndex: 'occurredAt',
              width: 160,
              render: formatDateTime,
            },
            {
              title: t('volunteers.activityTitle'),
              dataIndex: 'activityTitle',
              render: (title: string | null, r) =>
                r.activityId ? <Link to={`/volunteers/activities/${r.activityId}`}>{title}</Link> : '—',
            },
            {
              title: t('volunteers.activityType'),
              dataIndex: 'activityType',
              render: (ty: Entry['activityType']) => <TypeTag type={ty as 'other'} />,
            },
            {
              title: t('volunteers.kind'),
              dataIndex: 'kind',
              render: (k: Entry['kind']) => (
                <Tag color={k === 'correction' ? 'gold' : 'default'}>{t(`volunteers.hourKind.${k}`)}</Tag>
              ),
            },
            {
              title: t('volunteers.minutes'),
              dataIndex: 'minutes',
              align: 'right',
              render: (m: number) => (
                <Typography.Text type={m < 0 ? 'danger' : undefined}>{m > 0 ? m : m}</Typography.Text>
              ),
            },
            { title: t('volunteers.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '' },
            { title: t('volunteers.community'), dataIndex: 'communityName' },
            { title: t('volunteers.recordedBy'), dataIndex: 'createdByName' },
            {
              title: t('common.actions'),
              render: (_: unknown, r) =>
                v.canWrite && r.kind !== 'correction' ? (
                  <Button size="small" onClick={() => setCorrecting(r)} data-testid="hours-correct">
                    {t('volunteers.correct')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {editing ? <EditModal v={v} open={editing} onClose={() => setEditing(false)} /> : null}
      <CorrectModal entry={correcting} onClose={() => setCorrecting(null)} />
    </div>
  );
}
