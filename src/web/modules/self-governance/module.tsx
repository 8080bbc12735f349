import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { guardedRoute } from '../../app/guardedRoute';
import { useAuth } from '../../app/auth';
import { useListTotal, waitingTodos } from '../../app/todoCounts';
import { type TodoItem, defineWebModule } from '../../app/webModule';
import { sgApi, sgKeys } from './api';
import { selfGovernanceEn, selfGovernanceZh } from './i18n';

const SelfGovernancePage = lazy(() => import('./SelfGovernancePage'));

/** Workbench: posts vacant for more than 30 days (seed 002: 空缺职位补选). */
function useSelfGovernanceTodo(): TodoItem<keyof typeof selfGovernanceZh>[] {
  const { can } = useAuth();
  const enabled = can('self_governance.manage');
  const q = { overdue: 'true', page: 1, pageSize: 1 };
  const vacancies = useListTotal(sgKeys.vacancies(q), () => sgApi.vacancies(q), enabled, 60_000);
  return waitingTodos([
    {
      key: 'sg-vacancies',
      label: 'sg.todo.vacancies',
      count: vacancies,
      to: '/self-governance?tab=vacancies',
      due: 'overdue',
    },
  ]);
}

/** 基层自治组织 (issue 16 §3). */
export const selfGovernanceWebModule = defineWebModule({
  name: 'self-governance',
  i18n: { 'zh-CN': selfGovernanceZh, en: selfGovernanceEn },
  routes: guardedRoute('self-governance', 'self_governance.read', <SelfGovernancePage />),
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
