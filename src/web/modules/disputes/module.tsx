import { SafetyCertificateOutlined } from '@ant-design/icons';
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
    {
      path: '/disputes-menu',
      label: 'disputes.menu.group',
      icon: <SafetyCertificateOutlined />,
      permission: 'disputes.read',
      order: 25,
      children: [
        { path: '/disputes', label: 'disputes.menu.tickets', permission: 'disputes.read' },
        { path: '/disputes/bodies', label: 'disputes.menu.bodies', permission: 'disputes.read' },
        { path: '/disputes/risks', label: 'disputes.menu.risks', permission: 'disputes.read' },
        { path: '/disputes/meetings', label: 'disputes.menu.meetings', permission: 'disputes.read' },
        { path: '/disputes/stats', label: 'disputes.menu.stats', permission: 'disputes.read' },
        { path: '/disputes/config', label: 'disputes.menu.config', permission: 'disputes.read' },
      ],
    },
  ],
  todo: useDisputesTodo,
});
