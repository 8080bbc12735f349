import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '../../shared/permissions';
import { Guard } from './Guard';

/** A module's console route whose page shows only to users holding `permission` (others see 403). */
export function guardedRoute(path: string, permission: Permission, page: ReactNode) {
  return <Route key={path} path={path} element={<Guard permission={permission}>{page}</Guard>} />;
}
