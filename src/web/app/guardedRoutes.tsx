import type { ComponentType } from 'react';
import { Route } from 'react-router';
import type { Permission } from '../../shared/permissions';
import { Guard } from './Guard';

/** A console page behind a permission: its path (relative, inside the staff layout), the permission, the page. */
export type GuardedPage = [path: string, permission: Permission, Page: ComponentType];

/** The routes of a table of pages, each shown only to holders of its permission (403 for others). */
export function guardedRoutes(pages: GuardedPage[]) {
  return pages.map(([path, permission, Page]) => (
    <Route
      key={path}
      path={path}
      element={
        <Guard permission={permission}>
          <Page />
        </Guard>
      }
    />
  ));
}
