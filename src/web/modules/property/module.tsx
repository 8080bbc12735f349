import { HomeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { useAuth } from '../../app/auth';
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
  const none = useQuery({
    queryKey: pmKeys.compounds(nq),
    queryFn: () => pmApi.compounds(nq),
    enabled,
    staleTime: 60_000,
  });
  const open = useQuery({
    queryKey: pmKeys.meetings(oq),
    queryFn: () => pmApi.meetings(oq),
    enabled,
    staleTime: 60_000,
  });
  const items: TodoItem<keyof typeof propertyZh>[] = [];
  if (enabled && none.data?.total)
    items.push({
      key: 'pm-uncovered',
      label: 'pm.todo.uncovered',
      count: none.data.total,
      to: '/property?tab=coverage',
    });
  if (enabled && open.data?.total)
    items.push({
      key: 'pm-open',
      label: 'pm.todo.openIssues',
      count: open.data.total,
      to: '/property?tab=meetings',
    });
  return items;
}

/** 物业与三方联动 (issue 16 §3). */
export const propertyWebModule = defineWebModule({
  name: 'property',
  i18n: { 'zh-CN': propertyZh, en: propertyEn },
  routes: (
    <Route
      path="property"
      element={
        <Guard permission="property.read">
          <PropertyPage />
        </Guard>
      }
    />
  ),
  nav: [
    { path: '/property', label: 'pm.menu', icon: <HomeOutlined />, permission: 'property.read', order: 106 },
  ],
  todo: usePropertyTodo,
});
