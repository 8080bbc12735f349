import { lazy } from 'react';
import { Navigate, Route } from 'react-router';
import { guardedRoutes } from '../../app/guardedRoute';

const FrameworksPage = lazy(() => import('./FrameworksPage'));
const RoundsPage = lazy(() => import('./RoundsPage'));
const RoundPage = lazy(() => import('./RoundPage'));
const SheetPage = lazy(() => import('./SheetPage'));

/** The assessments module's console routes (relative paths inside the staff layout). */
export const assessmentsConsoleRoutes = (
  <>
    <Route path="assessments" element={<Navigate to="/assessments/rounds" replace />} />
    {guardedRoutes([
      ['assessments/frameworks', 'assessments.read', FrameworksPage],
      ['assessments/rounds', 'assessments.read', RoundsPage],
      ['assessments/rounds/:id', 'assessments.read', RoundPage],
      ['assessments/sheets/:id', 'assessments.read', SheetPage],
    ])}
  </>
);
