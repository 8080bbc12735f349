import { HeartOutlined } from '@ant-design/icons';
import { defineWebModule } from '../../app/webModule';
import { servicesEn, servicesZh } from './i18n';
import { servicesConsoleRoutes } from './routes';
import { DutyPanel } from './DutyPanel';
import { useServicesTodo } from './todo';

/** 为民服务: service orders, the three lists, duty rosters; residents order and volunteers serve on their phones. */
export const servicesWebModule = defineWebModule({
  name: 'services',
  i18n: { 'zh-CN': servicesZh, en: servicesEn },
  routes: servicesConsoleRoutes,
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
  todo: useServicesTodo,
  workbenchPanel: DutyPanel,
});
