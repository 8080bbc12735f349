import { FileAddOutlined, PieChartOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
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
      <Route
        path="work-orders"
        element={
          <Guard permission="work_orders.read">
            <WorkOrdersPage />
          </Guard>
        }
      />
      <Route
        path="work-orders/new"
        element={
          <Guard permission="work_orders.intake">
            <WorkOrderNewPage />
          </Guard>
        }
      />
      <Route
        path="work-orders/stats"
        element={
          <Guard permission="work_orders.read">
            <WorkOrderStatsPage />
          </Guard>
        }
      />
      <Route
        path="work-orders/:id"
        element={
          <Guard permission="work_orders.read">
            <WorkOrderDetailPage />
          </Guard>
        }
      />
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
