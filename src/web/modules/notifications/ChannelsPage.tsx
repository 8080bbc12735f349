import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Switch, Typography } from 'antd';
import { useState } from 'react';
import { USER_CHANNELS, type UserChannel } from '../../../shared/contracts/notifications';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { useFormSaving } from '../../app/formSaving';
import { useI18n } from '../../app/i18n';
import { useBusyAction } from '../../app/useBusyAction';
import { type Channel, type Channels, notificationsApi, notificationsKeys } from './api';

function ChannelCard({
  channel,
  row,
  available,
}: {
  channel: UserChannel;
  row?: Channel;
  available: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<{ target?: string; enabled: boolean }>();
  const [saving, runSave] = useFormSaving(form);
  const done = (next: Channels) => {
    qc.setQueryData(notificationsKeys.channels, next);
    form.resetFields();
    message.success(t('notif.ch.saved'));
  };
  const save = (v: { target?: string; enabled: boolean }) =>
    runSave(async () => {
      done(
        await notificationsApi.setChannel(channel, {
          enabled: v.enabled,
          ...(v.target?.trim() ? { target: v.target.trim() } : {}),
        }),
      );
    });
  return (
    <Card title={t(`notif.ch.${channel}`)} data-testid={`channel-${channel}`}>
      {available ? null : (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('notif.ch.unavailable')} />
      )}
      <Typography.Paragraph>
        {row ? t('notif.ch.current', { target: row.target }) : t('notif.ch.none')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ enabled: row?.enabled ?? true }}>
        <Form.Item
          name="target"
          label={t(`notif.ch.target.${channel}`)}
          rules={row ? [] : [{ required: true, message: t('common.required') }]}
        >
          <Input
            inputMode={channel === 'sms' ? 'tel' : 'email'}
            autoComplete={channel === 'sms' ? 'tel' : 'email'}
            maxLength={200}
            placeholder={row?.target}
          />
        </Form.Item>
        <Form.Item name="enabled" label={t('notif.ch.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('notif.ch.save')}
          </Button>
          {row ? (
            <Popconfirm
              title={t('notif.ch.remove')}
              onConfirm={async () => {
                try {
                  done(await notificationsApi.removeChannel(channel));
                } catch (e) {
                  showError(e);
                }
              }}
            >
              <Button danger>{t('notif.ch.remove')}</Button>
            </Popconfirm>
          ) : null}
        </Flex>
      </Form>
    </Card>
  );
}

/** 日历订阅: a secret iCal address of the meetings in one's scope, shown once when created or rotated. */
function CalendarFeedCard() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['calendar', 'feed'], queryFn: notificationsApi.calendarFeed });
  const [url, setUrl] = useState<string | null>(null);
  const [busy, withBusy] = useBusyAction();
  const rotate = async () => {
    await withBusy(async () => {
      const r = await notificationsApi.rotateCalendarFeed();
      setUrl(`${window.location.origin}${r.path}`);
      await q.refetch();
    });
  };
  const active = q.data?.active ?? false;
  return (
    <Card title={t('notif.cal.title')} data-testid="calendar-feed">
      <Typography.Paragraph>{t('notif.cal.text')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {active ? t('notif.cal.active') : t('notif.cal.none')}
      </Typography.Paragraph>
      {url ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('notif.cal.once')}
          description={<Typography.Text copyable>{url}</Typography.Text>}
        />
      ) : null}
      {active ? (
        <Popconfirm title={t('notif.cal.rotateConfirm')} onConfirm={rotate}>
          <Button loading={busy}>{t('notif.cal.rotate')}</Button>
        </Popconfirm>
      ) : (
        <Button type="primary" loading={busy} onClick={rotate}>
          {t('notif.cal.create')}
        </Button>
      )}
    </Card>
  );
}

/** 通知接收设置: the in-app inbox (always on), and one's own SMS and email. */
export default function ChannelsPage() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: notificationsKeys.channels, queryFn: notificationsApi.channels });
  return (
    <>
      <PageHeader title={t('notif.ch.title')} subtitle={t('notif.ch.subtitle')} />
      {q.isError ? (
        <ErrorResult error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Flex vertical gap={16} style={{ maxWidth: 640 }}>
          <Card title={t('notif.ch.inapp')}>
            <Typography.Text>{t('notif.ch.inappText')}</Typography.Text>
          </Card>
          {q.data
            ? USER_CHANNELS.map((c) => (
                <ChannelCard
                  key={`${c}-${q.data.channels.find((r) => r.channel === c)?.target ?? ''}`}
                  channel={c}
                  row={q.data.channels.find((r) => r.channel === c)}
                  available={q.data.available[c]}
                />
              ))
            : null}
          <CalendarFeedCard />
        </Flex>
      )}
    </>
  );
}
