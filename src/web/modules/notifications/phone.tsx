import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { Route } from 'react-router';
import { useAuth } from '../../app/auth';
import { definePhoneModule } from '../../phone/phoneModule';
import { notificationsApi, notificationsKeys } from './api';
import { notificationsEn, notificationsZh } from './i18n';

const MyMessagesPage = lazy(() => import('./phone/MyMessagesPage'));

/** Signed-in users see the tile; it is a main tile while something is unread. */
function useSignedIn(): boolean | undefined {
  const { me, loading } = useAuth();
  const unread = useQuery({
    queryKey: notificationsKeys.unread,
    queryFn: notificationsApi.unread,
    enabled: !!me,
  });
  if (loading) return undefined;
  return !!me && unread.isSuccess;
}

/** 我的消息 on the phone: what the platform told me (an order accepted, a service done). */
export const notificationsPhoneModule = definePhoneModule({
  name: 'notifications',
  i18n: { 'zh-CN': notificationsZh, en: notificationsEn },
  routes: <Route path="/m/messages" element={<MyMessagesPage />} />,
  tiles: [
    {
      to: '/m/messages',
      label: 'notif.m.tile',
      glyph: '信',
      color: '#7a4b00',
      size: 'more',
      order: 5,
      useAvailable: useSignedIn,
    },
  ],
});
