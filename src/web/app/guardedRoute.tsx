import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '../../shared/permissions';
import { Guard } from './Guard';

/** A console page `<Route>` whose page shows only to users holding `permission` (others see 403). */
export function guardedRoute(path: string, permission: Permission, page: ReactNode) {
  return <Route path={path} element={<Guard permission={permission}>{page}</Guard>} />;
}
