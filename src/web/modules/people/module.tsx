import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Navigate, Route } from 'react-router';
import { guardedRoute } from '../../app/guardedRoute';
import { defineWebModule } from '../../app/webModule';
import { peopleEn, peopleZh } from './i18n';
import { PEOPLE_SECTIONS } from './sections';

const PeoplePage = lazy(() => import('./PeoplePage'));

/** 队伍与组织: party organisations, community workers, deputies, resident units, social organisations. */
export const peopleWebModule = defineWebModule({
  name: 'people',
  i18n: { 'zh-CN': peopleZh, en: peopleEn },
  routes: (
    <>
      <Route path="people" element={<Navigate to="/people/party" replace />} />
      {guardedRoute('people/:section', 'people.read', <PeoplePage />)}
    </>
  ),
  nav: [
    {
      path: '/people',
      label: 'menu.people',
      icon: <TeamOutlined />,
      permission: 'people.read',
      order: 40,
      children: PEOPLE_SECTIONS.map((s) => ({
        path: `/people/${s.section}`,
        label: s.label,
        permission: 'people.read' as const,
      })),
    },
  ],
});
