import { lazy, Suspense } from 'react';
import { Navigate, Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { PageLoading } from '../../app/components/Status';

const OrdersPage = lazy(() => import('./OrdersPage'));
const OrderDetailPage = lazy(() => import('./OrderDetailPage'));
const ListsPage = lazy(() => import('./ListsPage'));
const DutyPage = lazy(() => import('./DutyPage'));
const ReportsPage = lazy(() => import('./ReportsPage'));
const RecordPage = lazy(() => import('./RecordPage'));
const MobileServicesPage = lazy(() => import('./public/ServicesPage'));
const MobileOrdersPage = lazy(() => import('./public/OrdersPage'));
const MobileOrderDetailPage = lazy(() =>
  import('./public/OrdersPage').then((m) => ({ default: m.MobileOrderDetailPage })),
);
const MobileTasksPage = lazy(() => import('./public/TasksPage'));

const guarded = (element: React.ReactNode) => (
  <Guard permission="services.read">
    <Suspense fallback={<PageLoading />}>{element}</Suspense>
  </Guard>
);
const phone = (element: React.ReactNode) => <Suspense fallback={<PageLoading />}>{element}</Suspense>;

/**
 * The services module's routes, contributed by its module.tsx. Console routes render inside the staff layout
 * (paths relative, wrap each page in <Guard permission=...>); public routes are phone pages
 * outside it (absolute paths, wrap lazy pages in <Suspense fallback={<PageLoading />}>).
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

export const servicesPublicRoutes = (
  <>
    <Route path="/m/services" element={phone(<MobileServicesPage />)} />
    <Route path="/m/orders" element={phone(<MobileOrdersPage />)} />
    <Route path="/m/orders/:id" element={phone(<MobileOrderDetailPage />)} />
    <Route path="/m/tasks" element={phone(<MobileTasksPage />)} />
  </>
);
