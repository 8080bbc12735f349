import { HeartOutlined } from '@ant-design/icons';
import { defineWebModule } from '../../app/webModule';
import { volunteersEn, volunteersZh } from './i18n';
import { volunteersConsoleRoutes } from './routes';

/** 志愿服务: volunteers, teams, activities, hours; volunteers see their activities, hours and certificate on the phone. */
export const volunteersWebModule = defineWebModule({
  name: 'volunteers',
  i18n: { 'zh-CN': volunteersZh, en: volunteersEn },
  routes: volunteersConsoleRoutes,
  nav: [
    {
      path: '/volunteering',
      label: 'volunteers.menu',
      icon: <HeartOutlined />,
      permission: 'volunteers.read',
      order: 60,
      children: [
        { path: '/volunteers', label: 'volunteers.menu.list', permission: 'volunteers.read' },
        { path: '/volunteers/teams', label: 'volunteers.menu.teams', permission: 'volunteers.read' },
        {
          path: '/volunteers/activities',
          label: 'volunteers.menu.activities',
          permission: 'volunteers.read',
        },
        { path: '/volunteers/reports', label: 'volunteers.menu.reports', permission: 'volunteers.read' },
      ],
    },
  ],
});
