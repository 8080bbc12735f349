import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  FileAddOutlined,
  PieChartOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../shared/permissions';
import { ledgerNav } from '../modules/ledger/nav';
import { merchantsNav } from '../modules/merchants/nav';
import { servicesNav } from '../modules/services/nav';
import { volunteersNav } from '../modules/volunteers/nav';
import type { MessageKey } from './i18n';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon?: ReactNode;
  permission?: Permission;
  children?: NavItem[];
}

/** The side menu; each entry shows only with its permission. People sections: /people/<section>. */
export const PEOPLE_SECTIONS = [
  { section: 'party', label: 'menu.people.party' },
  { section: 'workers', label: 'menu.people.workers' },
  { section: 'deputies', label: 'menu.people.deputies' },
  { section: 'units', label: 'menu.people.units' },
  { section: 'social-orgs', label: 'menu.people.socialOrgs' },
] as const satisfies readonly { section: string; label: MessageKey }[];

/** The pages of the 系统设置 group, in menu order; /settings opens the first one the user may see. */
export const SETTINGS_PAGES = [
  { path: '/settings/open311', label: 'menu.settings.open311', permission: 'open311.manage' },
  { path: '/settings/categories', label: 'menu.settings.categories', permission: 'work_orders.categories' },
  // Anyone who works with deadlines may look up the calendar; only calendar.write may load a year.
  { path: '/settings/calendar', label: 'menu.settings.calendar', permission: 'work_orders.read' },
  { path: '/settings/work-orders', label: 'menu.settings.workOrders', permission: 'work_orders.supervise' },
] as const satisfies readonly { path: string; label: MessageKey; permission: Permission }[];

export const NAV: NavItem[] = [
  { path: '/org', label: 'menu.org', icon: <ApartmentOutlined />, permission: 'org.read' },
  {
    path: '/work-orders',
    label: 'menu.workOrders',
    icon: <SolutionOutlined />,
    permission: 'work_orders.read',
  },
  {
    path: '/work-orders/new',
    label: 'menu.workOrderNew',
    icon: <FileAddOutlined />,
    permission: 'work_orders.intake',
  },
  {
    path: '/work-orders/stats',
    label: 'menu.workOrderStats',
    icon: <PieChartOutlined />,
    permission: 'work_orders.read',
  },
  { path: '/residents', label: 'menu.residents', icon: <UserOutlined />, permission: 'residents.read' },
  {
    path: '/residents/import',
    label: 'menu.import',
    icon: <CloudUploadOutlined />,
    permission: 'residents.import',
  },
  {
    path: '/people',
    label: 'menu.people',
    icon: <TeamOutlined />,
    permission: 'people.read',
    children: PEOPLE_SECTIONS.map((s) => ({
      path: `/people/${s.section}`,
      label: s.label,
      permission: 'people.read',
    })),
  },
  ...servicesNav,
  ...volunteersNav,
  ...ledgerNav,
  ...merchantsNav,
  { path: '/users', label: 'menu.users', icon: <UsergroupAddOutlined />, permission: 'users.read' },
  { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  {
    path: '/reports',
    label: 'menu.reports',
    icon: <BarChartOutlined />,
    permission: 'reports.read',
    children: [{ path: '/reports/staffing', label: 'menu.staffing', permission: 'reports.read' }],
  },
  {
    path: '/settings',
    label: 'menu.settings',
    icon: <SettingOutlined />,
    children: SETTINGS_PAGES.map(({ path, label, permission }) => ({ path, label, permission })),
  },
];

/** The menu entry a location belongs to: the longest matching path. */
export function selectedNavKey(pathname: string): string {
  const all = NAV.flatMap((n) => [n, ...(n.children ?? [])]).map((n) => n.path);
  let best = '/';
  for (const p of all) {
    if (p !== '/' && (pathname === p || pathname.startsWith(`${p}/`)) && p.length > best.length) best = p;
  }
  return best;
}

export const testIdOf = (path: string) => `menu-${path === '/' ? 'home' : path.slice(1).replace(/\//g, '-')}`;
