import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { guardedRoute } from '../../app/guardedRoute';
import { useAuth } from '../../app/auth';
import { useListTotal, waitingTodos } from '../../app/todoCounts';
import { type TodoItem, defineWebModule } from '../../app/webModule';
import { pmApi, pmKeys } from './api';
import { propertyEn, propertyZh } from './i18n';

const PropertyPage = lazy(() => import('./PropertyPage'));

/** Workbench: compounds without property service (seed 003 wants full coverage) and joint meetings with open issues. */
function usePropertyTodo(): TodoItem<keyof typeof propertyZh>[] {
  const { can } = useAuth();
  const enabled = can('property.manage');
  const nq = { management: 'none', page: 1, pageSize: 1 };
  const oq = { open: 'true', page: 1, pageSize: 1 };
  const none = useListTotal(pmKeys.compounds(nq), () => pmApi.compounds(nq), enabled, 60_000);
  const open = useListTotal(pmKeys.meetings(oq), () => pmApi.meetings(oq), enabled, 60_000);
  return waitingTodos([
    { key: 'pm-uncovered', label: 'pm.todo.uncovered', count: none, to: '/property?tab=coverage' },
    { key: 'pm-open', label: 'pm.todo.openIssues', count: open, to: '/property?tab=meetings' },
  ]);
}

/** 物业与三方联动 (issue 16 §3). */
export const propertyWebModule = defineWebModule({
  name: 'property',
  i18n: { 'zh-CN': propertyZh, en: propertyEn },
  routes: guardedRoute('property', 'property.read', <PropertyPage />),
  nav: [
    { path: '/property', label: 'pm.menu', icon: <HomeOutlined />, permission: 'property.read', order: 106 },
  ],
  todo: usePropertyTodo,
});
