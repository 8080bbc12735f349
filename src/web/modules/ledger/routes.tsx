import { lazy, Suspense } from 'react';
import { Navigate, Route } from 'react-router';
import { PageLoading } from '../../app/components/Status';
import { Guard } from '../../app/Guard';

const AccountsPage = lazy(() => import('./AccountsPage'));
const StatementPage = lazy(() => import('./StatementPage'));
const RulesPage = lazy(() => import('./RulesPage'));
const ReportPage = lazy(() => import('./ReportPage'));
const MyPointsPage = lazy(() => import('./public/MyPointsPage'));
const MyTimeBankPage = lazy(() => import('./public/MyTimeBankPage'));

/**
 * The ledger module's routes, contributed by its module.tsx. Console routes render inside the staff layout
 * (paths relative, wrap each page in <Guard permission=...>); public routes are phone pages
 * outside it (absolute paths, wrap lazy pages in <Suspense fallback={<PageLoading />}>).
 */
export const ledgerConsoleRoutes = (
  <>
    <Route path="ledger" element={<Navigate to="/ledger/accounts" replace />} />
    <Route
      path="ledger/accounts"
      element={
        <Guard permission="ledger.read">
          <AccountsPage />
        </Guard>
      }
    />
    <Route
      path="ledger/accounts/:id"
      element={
        <Guard permission="ledger.read">
          <StatementPage />
        </Guard>
      }
    />
    <Route
      path="ledger/rules"
      element={
        <Guard permission="ledger.read">
          <RulesPage />
        </Guard>
      }
    />
    <Route
      path="ledger/report"
      element={
        <Guard permission="ledger.read">
          <ReportPage />
        </Guard>
      }
    />
  </>
);

export const ledgerPublicRoutes = (
  <>
    <Route
      path="/m/points"
      element={
        <Suspense fallback={<PageLoading />}>
          <MyPointsPage />
        </Suspense>
      }
    />
    <Route
      path="/m/timebank"
      element={
        <Suspense fallback={<PageLoading />}>
          <MyTimeBankPage />
        </Suspense>
      }
    />
  </>
);
