import { HeartOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/nav';

/** The volunteers module's side-menu entries, appended to NAV. */
export const volunteersNav: NavItem[] = [
  {
    path: '/volunteering',
    label: 'volunteers.menu',
    icon: <HeartOutlined />,
    permission: 'volunteers.read',
    children: [
      { path: '/volunteers', label: 'volunteers.menu.list', permission: 'volunteers.read' },
      { path: '/volunteers/teams', label: 'volunteers.menu.teams', permission: 'volunteers.read' },
      { path: '/volunteers/activities', label: 'volunteers.menu.activities', permission: 'volunteers.read' },
      { path: '/volunteers/reports', label: 'volunteers.menu.reports', permission: 'volunteers.read' },
    ],
  },
];
