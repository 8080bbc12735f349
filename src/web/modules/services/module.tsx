import { HeartOutlined } from '@ant-design/icons';
import { menuGroup } from '../../app/menuGroup';
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
    menuGroup(
      {
        path: '/services',
        label: 'services.menu.group',
        icon: <HeartOutlined />,
        permission: 'services.read',
        order: 50,
      },
      [
        ['/services/orders', 'services.menu.orders'],
        ['/services/lists', 'services.menu.lists'],
        ['/services/duty', 'services.menu.duty'],
        ['/services/reports', 'services.menu.reports'],
      ],
    ),
  ],
  todo: useServicesTodo,
  workbenchPanel: DutyPanel,
});
