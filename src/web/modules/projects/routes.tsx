import { lazy } from 'react';
import { Navigate, Route, useParams } from 'react-router';
import { guardedRoutes } from '../../app/guardedRoute';

const CallsPage = lazy(() => import('./CallsPage'));
const CallDetailPage = lazy(() => import('./CallDetailPage'));
const ApplicationsPage = lazy(() => import('./ApplicationsPage'));
const ApplicationPage = lazy(() => import('./ApplicationPage'));
const ApplicationFormPage = lazy(() => import('./ApplicationFormPage'));
const ReportsPage = lazy(() => import('./ReportsPage'));
const DoorstepPage = lazy(() => import('./DoorstepPage'));
const DoorstepDetailPage = lazy(() => import('./DoorstepDetailPage'));

/** The projects module's console routes (relative paths inside the staff layout). */
export const projectsConsoleRoutes = (
  <>
    <Route path="projects" element={<Navigate to="/projects/calls" replace />} />
    {guardedRoutes([
      ['projects/calls', 'projects.read', CallsPage],
      ['projects/calls/:id', 'projects.read', CallDetailPage],
      ['projects/applications', 'projects.read', ApplicationsPage],
      ['projects/reports', 'projects.read', ReportsPage],
      ['projects/applications/new', 'projects.apply', ApplicationFormPage],
      ['projects/applications/:id', 'projects.read', ApplicationPage],
      ['projects/applications/:id/edit', 'projects.apply', ApplicationFormPage],
      ['projects/doorstep/:id?', 'projects.read', DoorstepRouter],
    ])}
  </>
);

/** 家门口项目: the register, or one project when the path names it. */
function DoorstepRouter() {
  return useParams().id ? <DoorstepDetailPage /> : <DoorstepPage />;
}
