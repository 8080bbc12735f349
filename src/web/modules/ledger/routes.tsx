import { lazy } from 'react';
import { Navigate, Route } from 'react-router';
import { Guard } from '../../app/Guard';

const AccountsPage = lazy(() => import('./AccountsPage'));
const StatementPage = lazy(() => import('./StatementPage'));
const RulesPage = lazy(() => import('./RulesPage'));
const ReportPage = lazy(() => import('./ReportPage'));

/**
 * The ledger module's routes, contributed by its module.tsx. Console routes render inside the staff layout
 * (paths relative, wrap each page in <Guard permission=...>); the module's phone pages are in phone.tsx.
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
