import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Image,
  Input,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSaving } from '../../app/components/useSaving';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { timeRange } from './ActivitiesPage';
import { type ActivityDetail, hoursOf, volApi, volKeys } from './api';
import { KindTag, RecordStatus, ThemeTag, TypeTag, VolunteerPicker } from './parts';
import { SmallTable } from '../../app/components/SmallTable';

type Row = ActivityDetail['signups'][number];

const ATT_COLORS: Record<string, string> = {
  checked_in: 'blue',
  checked_out: 'orange',
  confirmed: 'green',
};

export default function ActivityDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [pick, setPick] = useState<string>();
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: volKeys.activity(id), queryFn: () => volApi.activity(id) });
  const toastAndRefresh = { invalidate: volKeys.all, done: () => t('volunteers.done') };
  const act = useSaving(
    ({ volunteerId, action }: { volunteerId: string; action: 'check-in' | 'check-out' | 'confirm' }) =>
      volApi.attendance(id, volunteerId, action),
    toastAndRefresh,
  );
  const signUp = useSaving((volunteerId: string) => volApi.signUp(id, volunteerId), {
    ...toastAndRefresh,
    after: () => setPick(undefined),
  });
  const cancelSignup = useSaving(
    (volunteerId: string) => volApi.cancelSignup(id, volunteerId),
    toastAndRefresh,
  );
  const cancel = useSaving(() => volApi.cancelActivity(id, reason), {
    ...toastAndRefresh,
    after: () => setCancelOpen(false),
  });
  if (!q.isSuccess) return <RecordStatus query={q} />;
  const a = q.data;
  const open = a.status === 'open';
  const busy = act.isPending;
  const actions = (r: Row) => {
    if (!a.canWrite || r.status !== 'signed') return null;
    const st = r.attendance?.status;
    const run = (action: 'check-in' | 'check-out' | 'confirm') =>
      act.mutate({ volunteerId: r.volunteerId, action });
    /** The small primary button that runs a staff step on this row. */
    const stepButton = (action: 'check-in' | 'confirm', label: string, testId: string) => (
      <Button size="small" type="primary" onClick={() => run(action)} loading={busy} data-testid={testId}>
        {label}
      </Button>
    );
    return (
      <Space size={4} wrap>
        {!st && open ? (
          <>
            {stepButton('check-in', t('volunteers.checkIn'), 'att-check-in')}
            <Button
              size="small"
              onClick={() => cancelSignup.mutate(r.volunteerId)}
              data-testid="signup-cancel"
            >
              {t('volunteers.signupCancel')}
            </Button>
          </>
        ) : null}
        {st === 'checked_in' ? (
          <Popconfirm title={t('volunteers.checkOutConfirm')} onConfirm={() => run('check-out')}>
            <Button size="small" loading={busy} data-testid="att-check-out">
              {t('volunteers.checkOut')}
            </Button>
          </Popconfirm>
        ) : null}
        {st === 'checked_out' ? stepButton('confirm', t('volunteers.confirm'), 'att-confirm') : null}
      </Space>
    );
  };
  return (
    <div>
      <PageHeader
        title={
          <Space>
            {a.title}
            <TypeTag type={a.type} />
            <ThemeTag theme={a.theme} />
            {a.status === 'cancelled' ? <Tag>{t('volunteers.activityStatus.cancelled')}</Tag> : null}
          </Space>
        }
        subtitle={`${a.communityName ?? ''} · ${timeRange(a)}`}
        extra={
          a.canWrite && open ? (
            <Button danger onClick={() => setCancelOpen(true)} data-testid="activity-cancel">
              {t('volunteers.activityCancel')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('volunteers.place')}>{a.place}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.time')}>{timeRange(a)}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.signups')}>
            {a.signupCount}/{a.signupLimit}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.organiser')}>{a.organiserName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.radius')}>
            {a.lat != null && a.lng != null
              ? `${a.lat.toFixed(4)}, ${a.lng.toFixed(4)} · ${a.radiusM} m`
              : '—'}
          </Descriptions.Item>
        </Descriptions>
        {a.description ? (
          <Typography.Paragraph style={{ marginTop: 8 }}>{a.description}</Typography.Paragraph>
        ) : null}
      </Card>
      <Card title={t('volunteers.attendance')} style={{ marginTop: 16 }}>
        {a.canWrite ? (
          <Alert type="info" showIcon title={t('volunteers.confirmHint')} style={{ marginBottom: 12 }} />
        ) : null}
        {a.canWrite && open ? (
          <Flex gap={8} style={{ marginBottom: 12 }} wrap>
            <VolunteerPicker value={pick} onChange={setPick} orgUnitId={a.communityId} />
            <Button
              disabled={!pick}
              loading={signUp.isPending}
              onClick={() => pick && signUp.mutate(pick)}
              data-testid="signup-add"
            >
              {t('volunteers.signupAdd')}
            </Button>
          </Flex>
        ) : null}
        <SmallTable<Row>
          rowKey="signupId"
          dataSource={a.signups}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('volunteers.signupsEmpty') }}
          data-testid="activity-signups"
          columns={[
            {
              title: t('volunteers.name'),
              dataIndex: 'name',
              render: (n: string, r) => <Link to={`/volunteers/${r.volunteerId}`}>{n}</Link>,
            },
            { title: t('volunteers.kind'), dataIndex: 'kind', render: (k) => <KindTag kind={k} /> },
            {
              title: t('common.status'),
              render: (_: unknown, r) =>
                r.status === 'cancelled' ? (
                  <Tag>{t('volunteers.signupStatus.cancelled')}</Tag>
                ) : r.attendance ? (
                  <Tag color={ATT_COLORS[r.attendance.status]}>
                    {t(`volunteers.att.${r.attendance.status}`)}
                  </Tag>
                ) : (
                  <Tag>{t('volunteers.att.none')}</Tag>
                ),
            },
            {
              title: t('volunteers.checkIn'),
              render: (_: unknown, r) =>
                r.attendance
                  ? `${formatDateTime(r.attendance.checkInAt)}(${t(`volunteers.att.${r.attendance.checkInMethod as 'self'}`)})`
                  : '',
            },
            {
              title: t('volunteers.checkOut'),
              render: (_: unknown, r) =>
                r.attendance?.checkOutAt ? (
                  <Flex vertical gap={2}>
                    <span>{formatDateTime(r.attendance.checkOutAt)}</span>
                    {r.attendance.checkOutNote ? (
                      <Typography.Text type="secondary" data-testid="att-note">
                        {r.attendance.checkOutNote}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ) : (
                  ''
                ),
            },
            {
              title: t('volunteers.photo'),
              render: (_: unknown, r) =>
                r.attendance?.hasPhoto ? (
                  <Image
                    width={48}
                    height={48}
                    style={{ objectFit: 'cover' }}
                    src={`/api/volunteer-activities/${a.id}/attendance/${r.volunteerId}/photo`}
                    alt={t('volunteers.photo')}
                    data-testid="att-photo"
                  />
                ) : (
                  ''
                ),
            },
            {
              title: t('volunteers.hoursH'),
              align: 'right',
              render: (_: unknown, r) => (r.attendance?.minutes != null ? hoursOf(r.attendance.minutes) : ''),
            },
            {
              title: t('volunteers.confirm'),
              render: (_: unknown, r) =>
                r.attendance?.confirmedAt
                  ? `${r.attendance.confirmedByName ?? ''} ${formatDateTime(r.attendance.confirmedAt)}`
                  : '',
            },
            { title: t('common.actions'), render: (_: unknown, r) => actions(r) },
          ]}
        />
      </Card>
      <Modal
        open={cancelOpen}
        title={t('volunteers.activityCancel')}
        onCancel={() => setCancelOpen(false)}
        onOk={() => cancel.mutate()}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        confirmLoading={cancel.isPending}
      >
        <Input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('volunteers.activityCancelReason')}
          maxLength={200}
        />
      </Modal>
    </div>
  );
}
