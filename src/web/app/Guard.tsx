import type { ReactNode } from 'react';
import type { Permission } from '../../shared/permissions';
import { useAuth } from './auth';
import { ForbiddenResult } from './components/Status';

/** Shows its children only to users holding `permission`; others see 403. */
export function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? children : <ForbiddenResult />;
}
