import type { ComponentType, ReactNode } from 'react';
import type { Permission } from '../../shared/permissions';

/**
 * What a web module contributes to the staff console, declared once in its
 * `src/web/modules/<m>/module.tsx` as `defineWebModule({ ... })` and listed in `src/web/app/modules.ts`.
 * `K` is the module's own message keys (its `i18n` dictionaries); labels a module contributes are its own keys.
 */
export interface NavItem<K extends string = string> {
  path: string;
  label: K;
  icon?: ReactNode;
  /** The entry shows only with this permission; a group shows when one of its children does. */
  permission?: Permission;
  children?: NavItem<K>[];
}

/** A side-menu entry: `order` places it among every module's entries (lower first). */
export interface NavEntry<K extends string = string> extends NavItem<K> {
  order: number;
  /** Put this entry inside the menu group with this path (e.g. '/settings') instead of the top level. */
  group?: string;
}

/** One line of the staff workbench: how many things wait for the current user and where they are. */
export interface TodoItem<K extends string = string> {
  key: string;
  label: K;
  count: number;
  to: string;
  /**
   * For items with a time limit: the bucket they fall in (already overdue, due before the end of today, due
   * before the end of this week, China time). The workbench sums each bucket into a tile above the list.
   */
  due?: TodoDue;
}

export const TODO_DUE = ['overdue', 'today', 'week'] as const;
export type TodoDue = (typeof TODO_DUE)[number];

export interface WebModuleI18n<K extends string = string> {
  'zh-CN': Record<K, string>;
  en: Record<K, string>;
}

export interface WebModule<K extends string = string> {
  /** The module's folder name under src/web/modules. */
  name: string;
  /** Console pages, rendered inside the staff layout: <Route>s with relative paths, each behind <Guard>. */
  routes?: ReactNode;
  /**
   * Pages outside the staff layout (the console login): <Route>s with absolute paths. The residents' phone
   * pages are not here: a module contributes them through its phone.tsx to the phone app (src/web/phone).
   */
  publicRoutes?: ReactNode;
  nav?: NavEntry<K>[];
  /** The module's UI strings; every key must have both languages. Merged into the app's dictionaries. */
  i18n: WebModuleI18n<K>;
  /**
   * A React hook, called on the staff workbench: the module's pending items for the current user
   * (counts from existing list endpoints), [] when nothing waits or the user lacks the permission.
   */
  todo?: () => TodoItem<K>[];
  /** A panel beside the workbench's to-do list (e.g. today's duty rota); renders nothing when not relevant. */
  workbenchPanel?: ComponentType;
  /** A small widget in the console's header, left of the user menu (e.g. the notification bell). */
  header?: ComponentType;
}

/** Declares a web module; the type checks every contributed label against the module's own i18n keys. */
export function defineWebModule<K extends string>(
  module: { i18n: WebModuleI18n<K> } & Omit<WebModule<NoInfer<K>>, 'i18n'>,
): WebModule<K> {
  return module;
}
