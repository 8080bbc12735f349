import { lazy } from 'react';
import { Navigate, Route } from 'react-router';
import { guardedRoutes } from '../../app/guardedRoute';

const PointsPage = lazy(() => import('./PointsPage'));
const PointDetailPage = lazy(() => import('./PointDetailPage'));
const CounterPage = lazy(() => import('./CounterPage'));
const SettlementsPage = lazy(() => import('./SettlementsPage'));
const ReportPage = lazy(() => import('./ReportPage'));

/**
 * The merchants module's routes, contributed by its module.tsx. Console routes render inside the staff layout
 * (paths relative, wrap each page in <Guard permission=...>); the module's phone pages are in phone.tsx.
 */
export const merchantsConsoleRoutes = (
  <>
    <Route path="merchants" element={<Navigate to="/merchants/points" replace />} />
    {guardedRoutes([
      ['merchants/points', 'merchants.manage', PointsPage],
      ['merchants/points/:id', 'redemptions.counter', PointDetailPage],
      ['merchants/settlements', 'merchants.manage', SettlementsPage],
      ['merchants/report', 'merchants.manage', ReportPage],
      ['counter', 'redemptions.counter', CounterPage],
    ])}
  </>
);
