import { EnvironmentOutlined, FieldTimeOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorResult, PageLoading } from '../../../app/components/Status';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { PublicSection } from '../../../app/components/PublicShell';
import { timeRange } from '../ActivitiesPage';
import { hoursOf, type MyActivity, volApi, volKeys } from '../api';
import { TypeTag } from '../parts';
import { MyShell } from './MyShell';

/** The browser's position, or an error the page can show. */
function currentPosition(): Promise<{ lat: number; lng: number }> {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) return reject(new Error('no geolocation'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      (e) => reject(e),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    );
  });
}

function ActivityCard({ a }: { a: MyActivity }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [locating, setLocating] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: volKeys.me });
  const signUp = useMutation({
    mutationFn: () => volApi.mySignUp(a.id),
    onSuccess: () => {
      message.success(t('volunteers.m.signedUp'));
      refresh();
    },
    onError: (e) => {
      showError(e);
      refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: () => volApi.myCancel(a.id),
    onSuccess: refresh,
    onError: (e) => showError(e),
  });
  const check = useMutation({
    mutationFn: async (what: 'check-in' | 'check-out') => {
      setLocating(true);
      let pos: { lat: number; lng: number };
      try {
        pos = await currentPosition();
      } catch {
        throw new Error(t('volunteers.m.noGeo'));
      } finally {
        setLocating(false);
      }
      return volApi.myCheck(a.id, what, pos);
    },
    onSuccess: () => {
      message.success(t('volunteers.done'));
      refresh();
    },
    onError: (e) => (e instanceof Error && !('status' in e) ? message.error(e.message) : showError(e)),
  });
  const att = a.attendance;
  const ended = dayjs(a.endsAt).isBefore(dayjs());
  const full = a.signupCount >= a.signupLimit;
  return (
    <PublicSection title={a.title} extra={<TypeTag type={a.type} />} testId="m-activity">
      <Space direction="vertical" size={4} style={{ width: '100%', fontSize: 15 }}>
        <span>
          <FieldTimeOutlined /> {timeRange(a)}
        </span>
        <span>
          <EnvironmentOutlined /> {a.place}
        </span>
        <span>
          <TeamOutlined /> {t('volunteers.m.places', { count: a.signupCount, limit: a.signupLimit })}
        </span>
        {a.description ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis={{ rows: 3 }}>
            {a.description}
          </Typography.Paragraph>
        ) : null}
      </Space>
      <div style={{ marginTop: 12 }}>
        {att?.status === 'confirmed' ? (
          <Tag color="green" style={{ fontSize: 15, padding: '4px 10px' }}>
            {t('volunteers.m.confirmed', { hours: hoursOf(att.minutes ?? 0) })}
          </Tag>
        ) : att?.status === 'checked_out' ? (
          <Tag color="orange" style={{ fontSize: 15, padding: '4px 10px' }}>
            {t('volunteers.m.checkedOut', { hours: hoursOf(att.minutes ?? 0) })}
          </Tag>
        ) : att?.status === 'checked_in' ? (
          <Flex vertical gap={8}>
            <Tag color="blue" style={{ fontSize: 15, padding: '4px 10px' }}>
              {t('volunteers.m.checkedIn', { time: dayjs(att.checkInAt).format('HH:mm') })}
            </Tag>
            <Button
              block
              size="large"
              className="linli-public-submit"
              loading={check.isPending}
              onClick={() => check.mutate('check-out')}
              data-testid="m-check-out"
            >
              {locating ? t('volunteers.m.locating') : t('volunteers.m.checkOut')}
            </Button>
          </Flex>
        ) : a.signedUp ? (
          <Flex vertical gap={8}>
            <Button
              type="primary"
              block
              size="large"
              className="linli-public-submit"
              disabled={ended}
              loading={check.isPending}
              onClick={() => check.mutate('check-in')}
              data-testid="m-check-in"
            >
              {locating ? t('volunteers.m.locating') : t('volunteers.m.checkIn')}
            </Button>
            <Button
              type="link"
              onClick={() => cancel.mutate()}
              loading={cancel.isPending}
              data-testid="m-cancel"
            >
              {t('volunteers.m.cancel')}
            </Button>
          </Flex>
        ) : (
          <Button
            type="primary"
            block
            size="large"
            className="linli-public-submit"
            disabled={full || ended}
            loading={signUp.isPending}
            onClick={() => signUp.mutate()}
            data-testid="m-sign-up"
          >
            {full ? t('volunteers.m.full') : t('volunteers.m.signUp')}
          </Button>
        )}
      </div>
    </PublicSection>
  );
}

function ActivityList() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: volKeys.myActivities, queryFn: () => volApi.myActivities() });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  if (q.data.length === 0)
    return (
      <section className="linli-public-card">
        <Empty description={t('volunteers.m.none')} />
      </section>
    );
  return (
    <>
      {q.data.map((a) => (
        <ActivityCard key={a.id} a={a} />
      ))}
    </>
  );
}

export default function MyActivitiesPage() {
  const { t } = useI18n();
  return <MyShell title={t('volunteers.m.activities')}>{() => <ActivityList />}</MyShell>;
}
