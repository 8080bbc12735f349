import { lazy } from 'react';
import { Navigate, Route } from 'react-router';
import { guardedRoutes } from '../../app/guardedRoute';

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
    {guardedRoutes([
      ['ledger/accounts', 'ledger.read', AccountsPage],
      ['ledger/accounts/:id', 'ledger.read', StatementPage],
      ['ledger/rules', 'ledger.read', RulesPage],
      ['ledger/report', 'ledger.read', ReportPage],
    ])}
  </>
);
