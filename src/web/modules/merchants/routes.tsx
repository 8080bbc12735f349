import { lazy } from 'react';
import { Navigate, Route } from 'react-router';
import { Guard } from '../../app/Guard';

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
    <Route
      path="merchants/points"
      element={
        <Guard permission="merchants.manage">
          <PointsPage />
        </Guard>
      }
    />
    <Route
      path="merchants/points/:id"
      element={
        <Guard permission="redemptions.counter">
          <PointDetailPage />
        </Guard>
      }
    />
    <Route
      path="merchants/settlements"
      element={
        <Guard permission="merchants.manage">
          <SettlementsPage />
        </Guard>
      }
    />
    <Route
      path="merchants/report"
      element={
        <Guard permission="merchants.manage">
          <ReportPage />
        </Guard>
      }
    />
    <Route
      path="counter"
      element={
        <Guard permission="redemptions.counter">
          <CounterPage />
        </Guard>
      }
    />
  </>
);
