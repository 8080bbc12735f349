import { lazy } from 'react';
import { Navigate, Route } from 'react-router';
import { guardedRoutes } from '../../app/guardedRoute';

const OrdersPage = lazy(() => import('./OrdersPage'));
const OrderDetailPage = lazy(() => import('./OrderDetailPage'));
const ListsPage = lazy(() => import('./ListsPage'));
const DutyPage = lazy(() => import('./DutyPage'));
const ReportsPage = lazy(() => import('./ReportsPage'));
const RecordPage = lazy(() => import('./RecordPage'));

/**
 * The services module's console routes, contributed by its module.tsx: inside the staff layout (whose Suspense
 * shows PageLoading), each page behind services.read; the module's phone pages are in phone.tsx.
 */
export const servicesConsoleRoutes = (
  <>
    <Route path="services" element={<Navigate to="/services/orders" replace />} />
    {guardedRoutes([
      ['services/orders', 'services.read', OrdersPage],
      ['services/orders/:id', 'services.read', OrderDetailPage],
      ['services/lists', 'services.read', ListsPage],
      ['services/duty', 'services.read', DutyPage],
      ['services/reports', 'services.read', ReportsPage],
      ['services/record/:id', 'services.read', RecordPage],
    ])}
  </>
);
