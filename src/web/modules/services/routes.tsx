import { lazy } from 'react';
import { Navigate, Route } from 'react-router';
import { guardedLoading } from '../../app/guardedLoading';

const OrdersPage = lazy(() => import('./OrdersPage'));
const OrderDetailPage = lazy(() => import('./OrderDetailPage'));
const ListsPage = lazy(() => import('./ListsPage'));
const DutyPage = lazy(() => import('./DutyPage'));
const ReportsPage = lazy(() => import('./ReportsPage'));
const RecordPage = lazy(() => import('./RecordPage'));

const guarded = guardedLoading('services.read');

/**
 * The services module's routes, contributed by its module.tsx. Console routes render inside the staff layout
 * (paths relative, wrap each page in <Guard permission=...>); the module's phone pages are in phone.tsx.
 */
export const servicesConsoleRoutes = (
  <>
    <Route path="services" element={<Navigate to="/services/orders" replace />} />
    <Route path="services/orders" element={guarded(<OrdersPage />)} />
    <Route path="services/orders/:id" element={guarded(<OrderDetailPage />)} />
    <Route path="services/lists" element={guarded(<ListsPage />)} />
    <Route path="services/duty" element={guarded(<DutyPage />)} />
    <Route path="services/reports" element={guarded(<ReportsPage />)} />
    <Route path="services/record/:id" element={guarded(<RecordPage />)} />
  </>
);
