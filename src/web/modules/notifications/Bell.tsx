import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { notificationsApi, notificationsKeys } from './api';

/** The bell in the console's header: unread count (checked every minute), opens the inbox. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = useQuery({
    queryKey: notificationsKeys.unread,
    queryFn: notificationsApi.unread,
    refetchInterval: 60_000,
  });
  const n = unread.data?.unread ?? 0;
  return (
    <Tooltip title={t('notif.bell')}>
      <Badge count={n} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={n ? `${t('notif.bell')}（${n}）` : t('notif.bell')}
          data-testid="notification-bell"
          onClick={() => navigate('/notifications')}
        />
      </Badge>
    </Tooltip>
  );
}

/** Workbench line: unread notifications. */
export function useNotificationsTodo() {
  const unread = useQuery({ queryKey: notificationsKeys.unread, queryFn: notificationsApi.unread });
  const n = unread.data?.unread ?? 0;
  return n
    ? [{ key: 'notifications', label: 'notif.todo.unread' as const, count: n, to: '/notifications' }]
    : [];
}
