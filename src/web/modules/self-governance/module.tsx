import { TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { useAuth } from '../../app/auth';
import { type TodoItem, defineWebModule } from '../../app/webModule';
import { sgApi, sgKeys } from './api';
import { selfGovernanceEn, selfGovernanceZh } from './i18n';

const SelfGovernancePage = lazy(() => import('./SelfGovernancePage'));

/** Workbench: posts vacant for more than 30 days (seed 002: 空缺职位补选). */
function useSelfGovernanceTodo(): TodoItem<keyof typeof selfGovernanceZh>[] {
  const { can } = useAuth();
  const enabled = can('self_governance.manage');
  const q = { overdue: 'true', page: 1, pageSize: 1 };
  const vac = useQuery({
    queryKey: sgKeys.vacancies(q),
    queryFn: () => sgApi.vacancies(q),
    enabled,
    staleTime: 60_000,
  });
  return enabled && vac.data?.total
    ? [
        {
          key: 'sg-vacancies',
          label: 'sg.todo.vacancies',
          count: vac.data.total,
          to: '/self-governance?tab=vacancies',
          due: 'overdue',
        },
      ]
    : [];
}

/** 基层自治组织 (issue 16 §3). */
export const selfGovernanceWebModule = defineWebModule({
  name: 'self-governance',
  i18n: { 'zh-CN': selfGovernanceZh, en: selfGovernanceEn },
  routes: (
    <Route
      path="self-governance"
      element={
        <Guard permission="self_governance.read">
          <SelfGovernancePage />
        </Guard>
      }
    />
  ),
  nav: [
    {
      path: '/self-governance',
      label: 'sg.menu',
      icon: <TeamOutlined />,
      permission: 'self_governance.read',
      order: 107,
    },
  ],
  todo: useSelfGovernanceTodo,
});
