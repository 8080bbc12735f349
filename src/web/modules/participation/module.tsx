import { TeamOutlined } from '@ant-design/icons';
import { defineWebModule } from '../../app/webModule';
import { participationEn, participationZh } from './i18n';
import { participationConsoleRoutes } from './routes';
import { useParticipationTodo } from './todo';

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
      children: [
        { path: '/topics', label: 'participation.menu.topics', permission: 'participation.read' },
        { path: '/meetings', label: 'participation.menu.meetings', permission: 'participation.read' },
        { path: '/procedures', label: 'participation.menu.procedures', permission: 'participation.read' },
        { path: '/disclosures', label: 'participation.menu.disclosures', permission: 'participation.read' },
        { path: '/conventions', label: 'participation.menu.conventions', permission: 'participation.read' },
        { path: '/rooms', label: 'participation.menu.rooms', permission: 'participation.read' },
      ],
    },
  ],
  todo: useParticipationTodo,
});
