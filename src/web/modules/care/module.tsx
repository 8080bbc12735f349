import { HeartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { guardedRoute } from '../../app/guardedRoute';
import { useAuth } from '../../app/auth';
import { useListTotal, waitingTodos } from '../../app/todoCounts';
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
  const overdue = useListTotal(careKeys.plans(oq), () => careApi.plans(oq), reader, 30_000);
  const relief = useListTotal(careKeys.relief(rq), () => careApi.relief(rq), approver, 30_000);
  return waitingTodos([
    { key: 'care-overdue', label: 'care.todo.overdue', count: overdue, to: '/care/plans?view=overdue' },
    { key: 'care-relief', label: 'care.todo.relief', count: relief, to: '/care/relief' },
  ]);
}

/** 关爱救助: special-group visit plans and temporary relief (issue 16 §4, R-SV-3). */
export const careWebModule = defineWebModule({
  name: 'care',
  i18n: { 'zh-CN': careZh, en: careEn },
  routes: (
    <>
      {guardedRoute('care/plans', 'care.read', <PlansPage />)}
      {guardedRoute('care/relief', 'care.read', <ReliefPage />)}
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
