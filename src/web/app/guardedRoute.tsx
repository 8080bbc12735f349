import type { ComponentType, ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '../../shared/permissions';
import { Guard } from './Guard';

/** A module's console route whose page shows only to users holding `permission` (others see 403). */
export function guardedRoute(path: string, permission: Permission, page: ReactNode) {
  return <Route key={path} path={path} element={<Guard permission={permission}>{page}</Guard>} />;
}

/** A console page behind a permission: its path (relative, inside the staff layout), the permission, the page. */
export type GuardedPage = [path: string, permission: Permission, Page: ComponentType];

/** The routes of a table of pages, each shown only to holders of its permission (403 for others). */
export function guardedRoutes(pages: GuardedPage[]) {
  return pages.map(([path, permission, Page]) => guardedRoute(path, permission, <Page />));
}
