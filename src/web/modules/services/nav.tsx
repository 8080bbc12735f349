import { HeartOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/nav';

/** The services module's side-menu entries, appended to NAV. */
export const servicesNav: NavItem[] = [
  {
    path: '/services',
    label: 'services.menu.group',
    icon: <HeartOutlined />,
    permission: 'services.read',
    children: [
      { path: '/services/orders', label: 'services.menu.orders', permission: 'services.read' },
      { path: '/services/lists', label: 'services.menu.lists', permission: 'services.read' },
      { path: '/services/duty', label: 'services.menu.duty', permission: 'services.read' },
      { path: '/services/reports', label: 'services.menu.reports', permission: 'services.read' },
    ],
  },
];
