import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { PageLoading } from '../../app/components/Status';

const TicketsPage = lazy(() => import('./TicketsPage'));
const DetailPage = lazy(() => import('./DetailPage'));
const BodiesPage = lazy(() => import('./BodiesPage'));
const ConfigPage = lazy(() => import('./ConfigPage'));
const MeetingsPage = lazy(() => import('./MeetingsPage'));
const StatsPage = lazy(() => import('./StatsPage'));
const RisksPage = lazy(() => import('./RisksPage'));

const guarded = (element: React.ReactNode) => (
  <Guard permission="disputes.read">
    <Suspense fallback={<PageLoading />}>{element}</Suspense>
  </Guard>
);

/** The disputes module's console routes (inside the staff layout). */
export const disputesConsoleRoutes = (
  <>
    <Route path="disputes" element={guarded(<TicketsPage />)} />
    <Route path="disputes/bodies" element={guarded(<BodiesPage />)} />
    <Route path="disputes/config" element={guarded(<ConfigPage />)} />
    <Route path="disputes/meetings" element={guarded(<MeetingsPage />)} />
    <Route path="disputes/stats" element={guarded(<StatsPage />)} />
    <Route path="disputes/risks" element={guarded(<RisksPage />)} />
    <Route path="disputes/:id" element={guarded(<DetailPage />)} />
  </>
);
