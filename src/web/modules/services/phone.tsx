import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { Route } from 'react-router';
import { useAuth } from '../../app/auth';
import { svcApi, svcKeys } from './api';
import { definePhoneModule } from '../../phone/phoneModule';
import { servicesEn, servicesZh } from './i18n';

const ServicesPage = lazy(() => import('./phone/ServicesPage'));
const OrdersPage = lazy(() => import('./phone/OrdersPage'));
const OrderDetailPage = lazy(() => import('./phone/OrderDetailPage'));
const TasksPage = lazy(() => import('./phone/TasksPage'));
const DutyPage = lazy(() => import('./phone/DutyPage'));

/** The 我的值班 tile shows for a logged-in person with a duty slot (past week to next week). */
function useOnDuty(): boolean | undefined {
  const { me, loading } = useAuth();
  const q = useQuery({ queryKey: svcKeys.myDuty, queryFn: svcApi.myDuty, enabled: !!me });
  if (loading || (me && q.isPending)) return undefined;
  return (q.data?.length ?? 0) > 0;
}

/** 为民服务 on the phone: residents order a service, follow and rate it; volunteers serve their orders. */
export const servicesPhoneModule = definePhoneModule({
  name: 'services',
  i18n: { 'zh-CN': servicesZh, en: servicesEn },
  routes: (
    <>
      <Route path="/m/services" element={<ServicesPage />} />
      <Route path="/m/orders" element={<OrdersPage />} />
      <Route path="/m/orders/:id" element={<OrderDetailPage />} />
      <Route path="/m/tasks" element={<TasksPage />} />
      <Route path="/m/duty" element={<DutyPage />} />
    </>
  ),
  tiles: [
    {
      to: '/m/services',
      label: 'services.m.services',
      text: 'services.m.servicesText',
      glyph: '助',
      color: '#a8321f',
      size: 'main',
      order: 10,
      permission: 'services.order',
    },
    {
      to: '/m/orders',
      label: 'services.m.orders',
      text: 'services.m.ordersText',
      glyph: '单',
      color: '#1d5fbf',
      size: 'main',
      order: 20,
      permission: 'services.order',
    },
    {
      to: '/m/tasks',
      label: 'services.m.tasks',
      text: 'services.m.tasksText',
      glyph: '务',
      color: '#8a4b00',
      size: 'main',
      order: 30,
      permission: 'services.serve',
    },
    {
      to: '/m/duty',
      label: 'services.m.duty',
      text: 'services.m.dutyText',
      glyph: '值',
      color: '#2f6b3a',
      size: 'more',
      order: 35,
      useAvailable: useOnDuty,
    },
  ],
});
