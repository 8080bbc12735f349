import { ProjectOutlined } from '@ant-design/icons';
import { defineWebModule } from '../../app/webModule';
import { projectsEn, projectsZh } from './i18n';
import { milestonesEn, milestonesZh } from './i18n.milestones';
import { moneyEn, moneyZh } from './money.i18n';
import { evaluationEn, evaluationZh } from './i18n.evaluation';
import { doorstepEn, doorstepZh } from './i18n.doorstep';
import { projectsConsoleRoutes } from './routes';
import { useProjectsTodo } from './todo';

/** 共建项目: calls for co-building projects, applications, review and seal, scoring and selection. */
export const projectsWebModule = defineWebModule({
  name: 'projects',
  i18n: {
    'zh-CN': { ...projectsZh, ...moneyZh, ...milestonesZh, ...evaluationZh, ...doorstepZh },
    en: { ...projectsEn, ...moneyEn, ...milestonesEn, ...evaluationEn, ...doorstepEn },
  },
  routes: projectsConsoleRoutes,
  nav: [
    {
      path: '/projects',
      label: 'projects.menu',
      icon: <ProjectOutlined />,
      permission: 'projects.read',
      order: 55,
      children: [
        { path: '/projects/calls', label: 'projects.menu.calls', permission: 'projects.read' },
        { path: '/projects/applications', label: 'projects.menu.applications', permission: 'projects.read' },
        { path: '/projects/reports', label: 'projects.menu.reports', permission: 'projects.read' },
        { path: '/projects/doorstep', label: 'projects.menu.doorstep', permission: 'projects.read' },
      ],
    },
  ],
  todo: useProjectsTodo,
});
