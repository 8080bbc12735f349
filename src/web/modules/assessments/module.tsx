import { TrophyOutlined } from '@ant-design/icons';
import { defineWebModule } from '../../app/webModule';
import { assessmentsEn, assessmentsZh } from './i18n';
import { assessmentsConsoleRoutes } from './routes';
import { useAssessmentsTodo } from './todo';

/** 社区测评 (seed 004): frameworks as data, rounds, scoring sheets, results. */
export const assessmentsWebModule = defineWebModule({
  name: 'assessments',
  i18n: { 'zh-CN': assessmentsZh, en: assessmentsEn },
  routes: assessmentsConsoleRoutes,
  nav: [
    {
      path: '/assessments',
      label: 'assessments.menu',
      icon: <TrophyOutlined />,
      permission: 'assessments.read',
      order: 57,
      children: [
        { path: '/assessments/rounds', label: 'assessments.menu.rounds', permission: 'assessments.read' },
        {
          path: '/assessments/frameworks',
          label: 'assessments.menu.frameworks',
          permission: 'assessments.read',
        },
      ],
    },
  ],
  todo: useAssessmentsTodo,
});
