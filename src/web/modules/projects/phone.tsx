import { lazy } from 'react';
import { Route } from 'react-router';
import { definePhoneModule } from '../../phone/phoneModule';
import { projectsEn, projectsZh } from './i18n';
import { moneyEn, moneyZh } from './money.i18n';
import { doorstepEn, doorstepZh } from './i18n.doorstep';

const MyProjectsPage = lazy(() =>
  import('./phone/MyProjectsPage').then((m) => ({ default: m.MyProjectsPage })),
);

/** 社区项目 on the phone: residents see their community's pilot projects and the fund use it published. */
export const projectsPhoneModule = definePhoneModule({
  name: 'projects',
  i18n: {
    'zh-CN': { ...projectsZh, ...moneyZh, ...doorstepZh },
    en: { ...projectsEn, ...moneyEn, ...doorstepEn },
  },
  routes: <Route path="/m/projects" element={<MyProjectsPage />} />,
  tiles: [
    {
      to: '/m/projects',
      label: 'projects.money.phone.title',
      text: 'projects.money.phone.tileText',
      glyph: '项',
      color: '#6b3fa0',
      size: 'more',
      order: 8,
      permission: 'participation.board',
    },
  ],
});
