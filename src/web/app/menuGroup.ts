import type { Permission } from '../../shared/permissions';
import type { NavEntry } from './webModule';

/**
 * A side-menu group whose entries all need the group's own `permission`; each entry is `[path, label]`.
 */
export function menuGroup<const K extends string>(
  group: Omit<NavEntry<K>, 'children'> & { permission: Permission },
  entries: [path: string, label: K][],
): NavEntry<K> {
  return {
    ...group,
    children: entries.map(([path, label]) => ({ path, label, permission: group.permission })),
  };
}
