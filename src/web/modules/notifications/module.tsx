import { ApiOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router';
import { guardedRoute } from '../../app/guardedRoute';
import { defineWebModule } from '../../app/webModule';
import { NotificationBell, useNotificationsTodo } from './Bell';
import { notificationsEn, notificationsZh } from './i18n';

const InboxPage = lazy(() => import('./InboxPage'));
const ChannelsPage = lazy(() => import('./ChannelsPage'));
const RobotsPage = lazy(() => import('./RobotsPage'));
const DeliveriesPage = lazy(() => import('./DeliveriesPage'));

/** 通知: everyone's inbox (the bell in the header) and channels; managers' group robots and delivery log. */
export const notificationsWebModule = defineWebModule({
  name: 'notifications',
  i18n: { 'zh-CN': notificationsZh, en: notificationsEn },
  header: NotificationBell,
  todo: useNotificationsTodo,
  routes: (
    <>
      <Route path="notifications" element={<InboxPage />} />
      <Route path="notifications/settings" element={<ChannelsPage />} />
      {guardedRoute('settings/robots', 'notifications.manage', <RobotsPage />)}
      {guardedRoute('settings/notification-log', 'notifications.manage', <DeliveriesPage />)}
    </>
  ),
  nav: [
    {
      path: '/settings/robots',
      label: 'notif.menu.robots',
      icon: <ApiOutlined />,
      permission: 'notifications.manage',
      group: '/settings',
      order: 50,
    },
    {
      path: '/settings/notification-log',
      label: 'notif.menu.deliveries',
      permission: 'notifications.manage',
      group: '/settings',
      order: 51,
    },
  ],
});
