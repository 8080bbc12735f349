import { FileAddOutlined, PieChartOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { guardedRoute } from '../../app/guardedRoute';
import { defineWebModule } from '../../app/webModule';
import { workOrdersEn, workOrdersZh } from './i18n';
import { useWorkOrdersTodo } from './todo';

const WorkOrdersPage = lazy(() => import('./WorkOrdersPage'));
const WorkOrderNewPage = lazy(() => import('./WorkOrderNewPage'));
const WorkOrderStatsPage = lazy(() => import('./WorkOrderStatsPage'));
const WorkOrderDetailPage = lazy(() => import('./WorkOrderDetailPage'));

/** 诉求工单: intake, dispatch, handling, statistics (residents report and track in the phone app: phone.tsx). */
export const workOrdersWebModule = defineWebModule({
  name: 'work-orders',
  i18n: { 'zh-CN': workOrdersZh, en: workOrdersEn },
  routes: (
    <>
      {guardedRoute('work-orders', 'work_orders.read', <WorkOrdersPage />)}
      {guardedRoute('work-orders/new', 'work_orders.intake', <WorkOrderNewPage />)}
      {guardedRoute('work-orders/stats', 'work_orders.read', <WorkOrderStatsPage />)}
      {guardedRoute('work-orders/:id', 'work_orders.read', <WorkOrderDetailPage />)}
    </>
  ),
  nav: [
    {
      path: '/work-orders',
      label: 'menu.workOrders',
      icon: <SolutionOutlined />,
      permission: 'work_orders.read',
      order: 20,
    },
    {
      path: '/work-orders/new',
      label: 'menu.workOrderNew',
      icon: <FileAddOutlined />,
      permission: 'work_orders.intake',
      order: 21,
    },
    {
      path: '/work-orders/stats',
      label: 'menu.workOrderStats',
      icon: <PieChartOutlined />,
      permission: 'work_orders.read',
      order: 22,
    },
  ],
  todo: useWorkOrdersTodo,
});
