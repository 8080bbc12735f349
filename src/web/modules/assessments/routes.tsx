import { lazy } from 'react';
import { Navigate, Route } from 'react-router';
import { Guard } from '../../app/Guard';

const FrameworksPage = lazy(() => import('./FrameworksPage'));
const RoundsPage = lazy(() => import('./RoundsPage'));
const RoundPage = lazy(() => import('./RoundPage'));
const SheetPage = lazy(() => import('./SheetPage'));

/** The assessments module's console routes (relative paths inside the staff layout). */
export const assessmentsConsoleRoutes = (
  <>
    <Route path="assessments" element={<Navigate to="/assessments/rounds" replace />} />
    <Route
      path="assessments/frameworks"
      element={
        <Guard permission="assessments.read">
          <FrameworksPage />
        </Guard>
      }
    />
    <Route
      path="assessments/rounds"
      element={
        <Guard permission="assessments.read">
          <RoundsPage />
        </Guard>
      }
    />
    <Route
      path="assessments/rounds/:id"
      element={
        <Guard permission="assessments.read">
          <RoundPage />
        </Guard>
      }
    />
    <Route
      path="assessments/sheets/:id"
      element={
        <Guard permission="assessments.read">
          <SheetPage />
        </Guard>
      }
    />
  </>
);
