import { lazy } from 'react';
import { Navigate, Route, useParams } from 'react-router';
import { Guard } from '../../app/Guard';

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
    <Route
      path="projects/calls"
      element={
        <Guard permission="projects.read">
          <CallsPage />
        </Guard>
      }
    />
    <Route
      path="projects/calls/:id"
      element={
        <Guard permission="projects.read">
          <CallDetailPage />
        </Guard>
      }
    />
    <Route
      path="projects/applications"
      element={
        <Guard permission="projects.read">
          <ApplicationsPage />
        </Guard>
      }
    />
    <Route
      path="projects/reports"
      element={
        <Guard permission="projects.read">
          <ReportsPage />
        </Guard>
      }
    />
    <Route
      path="projects/applications/new"
      element={
        <Guard permission="projects.apply">
          <ApplicationFormPage />
        </Guard>
      }
    />
    <Route
      path="projects/applications/:id"
      element={
        <Guard permission="projects.read">
          <ApplicationPage />
        </Guard>
      }
    />
    <Route
      path="projects/applications/:id/edit"
      element={
        <Guard permission="projects.apply">
          <ApplicationFormPage />
        </Guard>
      }
    />
    <Route
      path="projects/doorstep/:id?"
      element={
        <Guard permission="projects.read">
          <DoorstepRouter />
        </Guard>
      }
    />
  </>
);

/** 家门口项目: the register, or one project when the path names it. */
function DoorstepRouter() {
  return useParams().id ? <DoorstepDetailPage /> : <DoorstepPage />;
}
