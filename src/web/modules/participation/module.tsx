import { TeamOutlined } from '@ant-design/icons';
import { defineWebModule } from '../../app/webModule';
import { participationEn, participationZh } from './i18n';
import { participationConsoleRoutes } from './routes';
import { useParticipationTodo } from './todo';

/** The side menu's pages, in order: each at /<page>, labelled participation.menu.<page>, for readers. */
const MENU_PAGES = ['topics', 'meetings', 'procedures', 'disclosures', 'conventions', 'rooms'] as const;

/** 议事协商: meetings and votes with legal quorums, procedures for major matters, 居务公开. */
export const participationWebModule = defineWebModule({
  name: 'participation',
  i18n: { 'zh-CN': participationZh, en: participationEn },
  routes: participationConsoleRoutes,
  nav: [
    {
      path: '/participation-menu',
      label: 'participation.menu.group',
      icon: <TeamOutlined />,
      permission: 'participation.read',
      order: 26,
      children: MENU_PAGES.map((page) => ({
        path: `/${page}`,
        label: `participation.menu.${page}` as const,
        permission: 'participation.read' as const,
      })),
    },
  ],
  todo: useParticipationTodo,
});
