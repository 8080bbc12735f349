import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { PageLoading } from '../../app/components/Status';

const TasksPage = lazy(() => import('./TasksPage'));
const GroupsPage = lazy(() => import('./GroupsPage'));

const guarded = (element: React.ReactNode) => (
  <Guard permission="key_tasks.read">
    <Suspense fallback={<PageLoading />}>{element}</Suspense>
  </Guard>
);

/** The key-tasks module's console routes (inside the staff layout). */
export const keyTasksConsoleRoutes = (
  <>
    <Route path="key-tasks" element={guarded(<TasksPage />)} />
    <Route path="key-tasks/groups" element={guarded(<GroupsPage />)} />
  </>
);
