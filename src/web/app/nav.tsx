import { DesktopOutlined, SettingOutlined } from '@ant-design/icons';
import type { Permission } from '../../shared/permissions';
import type { MessageKey } from './i18n';
import { webModules } from './modules';
import type { NavEntry, NavItem as ModuleNavItem } from './webModule';

export type NavItem = ModuleNavItem<MessageKey>;

/**
 * The entries the app owns: the workbench (工作台, "/", first for everyone) and the menu groups modules put
 * entries in with `group` (系统设置 holds the settings pages).
 */
const APP_GROUPS: NavEntry<MessageKey>[] = [
  { path: '/', label: 'menu.home', icon: <DesktopOutlined />, order: 0 },
  { path: '/settings', label: 'menu.settings', icon: <SettingOutlined />, order: 130 },
];

/**
 * The side menu, built from every module's `nav` (src/web/app/modules.ts): top-level entries by
 * `order`, entries with a `group` appended (by `order`) to that group's children. Each entry shows
 * only with its permission.
 */
export function buildNav(entries: readonly NavEntry<MessageKey>[]): NavItem[] {
  const byOrder = (a: NavEntry<MessageKey>, b: NavEntry<MessageKey>) => a.order - b.order;
  const top = entries.filter((e) => !e.group);
  const grouped = entries.filter((e) => e.group).sort(byOrder);
  return top.sort(byOrder).map(({ order: _order, group: _group, ...item }) => {
    const extra = grouped
      .filter((g) => g.group === item.path)
      .map(({ order: _o, group: _g, ...child }) => child);
    return extra.length ? { ...item, children: [...(item.children ?? []), ...extra] } : item;
  });
}

export const NAV: NavItem[] = buildNav([...APP_GROUPS, ...webModules.flatMap((m) => m.nav ?? [])]);

/** The pages of the 系统设置 group, in menu order; /settings opens the first one the user may see. */
export const SETTINGS_PAGES: { path: string; label: MessageKey; permission?: Permission }[] =
  NAV.find((n) => n.path === '/settings')?.children ?? [];

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

/** The header widgets modules contribute (`header`), in module order: shown left of the user menu. */
export const HEADER_WIDGETS = webModules.flatMap((m) =>
  m.header ? [{ name: m.name, Widget: m.header }] : [],
);
