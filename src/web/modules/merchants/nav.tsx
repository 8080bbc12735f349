import { ShopOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/nav';

/** The merchants module's side-menu entries, appended to NAV. */
export const merchantsNav: NavItem[] = [
  {
    path: '/merchants',
    label: 'merchants.menu',
    icon: <ShopOutlined />,
    children: [
      { path: '/merchants/points', label: 'merchants.menu.points', permission: 'merchants.manage' },
      { path: '/counter', label: 'merchants.menu.counter', permission: 'redemptions.counter' },
      { path: '/merchants/settlements', label: 'merchants.menu.settlements', permission: 'merchants.manage' },
      { path: '/merchants/report', label: 'merchants.menu.report', permission: 'merchants.manage' },
    ],
  },
];
