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
      children: (
        [
          ['/disputes', 'tickets'],
          ['/disputes/bodies', 'bodies'],
          ['/disputes/risks', 'risks'],
          ['/disputes/incidents', 'incidents'],
          ['/disputes/meetings', 'meetings'],
          ['/disputes/stats', 'stats'],
          ['/disputes/config', 'config'],
        ] as const
      ).map(([path, page]) => ({
        path,
        label: `disputes.menu.${page}` as const,
        permission: 'disputes.read',
      })),
    },
  ],
  todo: useDisputesTodo,
});
