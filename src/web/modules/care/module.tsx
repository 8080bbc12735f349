import { HeartOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { useAuth } from '../../app/auth';
import { type TodoItem, defineWebModule } from '../../app/webModule';
import { careApi, careKeys } from './api';
import { careEn, careZh } from './i18n';

const PlansPage = lazy(() => import('./CarePage').then((m) => ({ default: m.PlansPage })));
const ReliefPage = lazy(() => import('./CarePage').then((m) => ({ default: m.ReliefPage })));

/** Workbench: people overdue for a visit (staff over them) and relief cases awaiting the subdistrict's approval. */
function useCareTodo(): TodoItem<keyof typeof careZh>[] {
  const { can } = useAuth();
  const reader = can('care.read');
  const approver = can('care.approve');
  const oq = { view: 'overdue', page: 1, pageSize: 1 };
  const rq = { state: 'applied', page: 1, pageSize: 1 };
  const overdue = useQuery({
    queryKey: careKeys.plans(oq),
    queryFn: () => careApi.plans(oq),
    enabled: reader,
    staleTime: 30_000,
  });
  const relief = useQuery({
    queryKey: careKeys.relief(rq),
    queryFn: () => careApi.relief(rq),
    enabled: approver,
    staleTime: 30_000,
  });
  const items: TodoItem<keyof typeof careZh>[] = [];
  if (reader && overdue.data?.total)
    items.push({
      key: 'care-overdue',
      label: 'care.todo.overdue',
      count: overdue.data.total,
      to: '/care/plans?view=overdue',
    });
  if (approver && relief.data?.total)
    items.push({
      key: 'care-relief',
      label: 'care.todo.relief',
      count: relief.data.total,
      to: '/care/relief',
    });
  return items;
}

/** 关爱救助: special-group visit plans and temporary relief (issue 16 §4, R-SV-3). */
export const careWebModule = defineWebModule({
  name: 'care',
  i18n: { 'zh-CN': careZh, en: careEn },
  routes: (
    <>
      <Route
        path="care/plans"
        element={
          <Guard permission="care.read">
            <PlansPage />
          </Guard>
        }
      />
      <Route
        path="care/relief"
        element={
          <Guard permission="care.read">
            <ReliefPage />
          </Guard>
        }
      />
    </>
  ),
  nav: [
    {
      path: '/care',
      label: 'care.menu',
      icon: <HeartOutlined />,
      permission: 'care.read',
      order: 27,
      children: [
        { path: '/care/plans', label: 'care.menu.plans', permission: 'care.read' },
        { path: '/care/relief', label: 'care.menu.relief', permission: 'care.read' },
      ],
    },
  ],
  todo: useCareTodo,
});
