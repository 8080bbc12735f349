import { lazy, Suspense } from 'react';
import { Navigate, Route } from 'react-router';
import { PageLoading } from '../../app/components/Status';
import { Guard } from '../../app/Guard';

const PointsPage = lazy(() => import('./PointsPage'));
const PointDetailPage = lazy(() => import('./PointDetailPage'));
const CounterPage = lazy(() => import('./CounterPage'));
const SettlementsPage = lazy(() => import('./SettlementsPage'));
const ReportPage = lazy(() => import('./ReportPage'));
const RedeemPage = lazy(() => import('./RedeemPage'));

/**
 * The merchants module's routes, contributed by its module.tsx. Console routes render inside the staff layout
 * (paths relative, wrap each page in <Guard permission=...>); public routes are phone pages
 * outside it (absolute paths, wrap lazy pages in <Suspense fallback={<PageLoading />}>).
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

export const merchantsPublicRoutes = (
  <Route
    path="/m/redeem"
    element={
      <Suspense fallback={<PageLoading />}>
        <RedeemPage />
      </Suspense>
    }
  />
);
