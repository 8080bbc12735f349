import { HeartOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/nav';

/** The ledger module's side-menu entries, appended to NAV. */
export const ledgerNav: NavItem[] = [
  {
    path: '/ledger',
    label: 'ledger.menu',
    icon: <HeartOutlined />,
    permission: 'ledger.read',
    children: [
      { path: '/ledger/accounts', label: 'ledger.menu.accounts', permission: 'ledger.read' },
      { path: '/ledger/rules', label: 'ledger.menu.rules', permission: 'ledger.read' },
      { path: '/ledger/report', label: 'ledger.menu.report', permission: 'ledger.read' },
    ],
  },
];
