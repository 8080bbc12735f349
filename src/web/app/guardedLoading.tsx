import { type ReactNode, Suspense } from 'react';
import type { Permission } from '../../shared/permissions';
import { PageLoading } from './components/Status';
import { Guard } from './Guard';

/**
 * Wraps a module's console pages: each shows only to holders of `permission` (403 for others) and has its own
 * PageLoading while its lazy page loads. `const guarded = guardedLoading('surveys.read')`, then `guarded(<Page />)`.
 */
export function guardedLoading(permission: Permission) {
  return (element: ReactNode) => (
    <Guard permission={permission}>
      <Suspense fallback={<PageLoading />}>{element}</Suspense>
    </Guard>
  );
}
