import { lazy } from 'react';
import { Route } from 'react-router';
import { guardedLoading } from '../../app/guardedLoading';

const TasksPage = lazy(() => import('./TasksPage'));
const GroupsPage = lazy(() => import('./GroupsPage'));

const guarded = guardedLoading('key_tasks.read');

/** The key-tasks module's console routes (inside the staff layout). */
export const keyTasksConsoleRoutes = (
  <>
    <Route path="key-tasks" element={guarded(<TasksPage />)} />
    <Route path="key-tasks/groups" element={guarded(<GroupsPage />)} />
  </>
);
