import { lazy } from 'react';
import { Route } from 'react-router';
import { guardedLoading } from '../../app/guardedLoading';

const TemplatesPage = lazy(() => import('./TemplatesPage'));
const BoardPage = lazy(() => import('./BoardPage'));
const SubmissionsPage = lazy(() => import('./SubmissionsPage'));
const SubmissionPage = lazy(() => import('./SubmissionPage'));

const guarded = guardedLoading('scheduled_reports.read');

/** The scheduled-reports module's console routes (inside the staff layout). */
export const scheduledReportsConsoleRoutes = (
  <>
    <Route path="scheduled-reports" element={guarded(<TemplatesPage />)} />
    <Route path="scheduled-reports/board" element={guarded(<BoardPage />)} />
    <Route path="scheduled-reports/submissions" element={guarded(<SubmissionsPage />)} />
    <Route path="scheduled-reports/submissions/:id" element={guarded(<SubmissionPage />)} />
  </>
);
