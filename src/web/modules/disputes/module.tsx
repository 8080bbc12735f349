import { SafetyCertificateOutlined } from '@ant-design/icons';
import { menuGroup } from '../../app/menuGroup';
import { defineWebModule } from '../../app/webModule';
import { disputesEn, disputesZh } from './i18n';
import { disputesConsoleRoutes } from './routes';
import { useDisputesTodo } from './todo';

/** 矛盾纠纷: one-window intake, diversion by the classification lists, tickets, people's mediation. */
export const disputesWebModule = defineWebModule({
  name: 'disputes',
  i18n: { 'zh-CN': disputesZh, en: disputesEn },
  routes: disputesConsoleRoutes,
  nav: [
    menuGroup(
      {
        path: '/disputes-menu',
        label: 'disputes.menu.group',
        icon: <SafetyCertificateOutlined />,
        permission: 'disputes.read',
        order: 25,
      },
      [
        ['/disputes', 'disputes.menu.tickets'],
        ['/disputes/bodies', 'disputes.menu.bodies'],
        ['/disputes/risks', 'disputes.menu.risks'],
        ['/disputes/meetings', 'disputes.menu.meetings'],
        ['/disputes/stats', 'disputes.menu.stats'],
        ['/disputes/config', 'disputes.menu.config'],
      ],
    ),
  ],
  todo: useDisputesTodo,
});
