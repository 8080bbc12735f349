import { HeartOutlined, ProfileOutlined, ToolOutlined } from '@ant-design/icons';
import { defineWebModule } from '../../app/webModule';
import { servicesEn, servicesZh } from './i18n';
import { servicesConsoleRoutes, servicesPublicRoutes } from './routes';
import { useServicesTodo } from './todo';

/** 为民服务: service orders, the three lists, duty rosters; residents order and volunteers serve on their phones. */
export const servicesWebModule = defineWebModule({
  name: 'services',
  i18n: { 'zh-CN': servicesZh, en: servicesEn },
  routes: servicesConsoleRoutes,
  publicRoutes: servicesPublicRoutes,
  nav: [
    {
      path: '/services',
      label: 'services.menu.group',
      icon: <HeartOutlined />,
      permission: 'services.read',
      order: 50,
      children: [
        { path: '/services/orders', label: 'services.menu.orders', permission: 'services.read' },
        { path: '/services/lists', label: 'services.menu.lists', permission: 'services.read' },
        { path: '/services/duty', label: 'services.menu.duty', permission: 'services.read' },
        { path: '/services/reports', label: 'services.menu.reports', permission: 'services.read' },
      ],
    },
  ],
  mobileTiles: [
    {
      to: '/m/services',
      label: 'services.m.services',
      text: 'services.m.servicesText',
      icon: <HeartOutlined />,
      color: '#c0392b',
      size: 'main',
      order: 10,
    },
    {
      to: '/m/orders',
      label: 'services.m.orders',
      text: 'services.m.ordersText',
      icon: <ProfileOutlined />,
      color: '#1d5fbf',
      size: 'main',
      order: 20,
    },
    {
      to: '/m/tasks',
      label: 'services.m.tasks',
      text: 'services.m.tasksText',
      icon: <ToolOutlined />,
      color: '#d46b08',
      size: 'main',
      order: 30,
      permission: 'services.serve',
    },
  ],
  todo: useServicesTodo,
});
