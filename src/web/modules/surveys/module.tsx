import { FormOutlined } from '@ant-design/icons';
import { defineWebModule } from '../../app/webModule';
import { surveysEn, surveysZh } from './i18n';
import { surveysConsoleRoutes } from './routes';
import { useSurveysTodo } from './todo';

/** 民意调查: questionnaires, distribution, paper entry, quotas and the R-AS-5 rates. */
export const surveysWebModule = defineWebModule({
  name: 'surveys',
  i18n: { 'zh-CN': surveysZh, en: surveysEn },
  routes: surveysConsoleRoutes,
  nav: [
    {
      path: '/surveys',
      label: 'surveys.menu',
      icon: <FormOutlined />,
      permission: 'surveys.read',
      order: 57.5,
    },
  ],
  todo: useSurveysTodo,
});
