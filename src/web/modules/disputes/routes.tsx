import { lazy } from 'react';
import { guardedRoutes } from '../../app/guardedRoute';

const TicketsPage = lazy(() => import('./TicketsPage'));
const DetailPage = lazy(() => import('./DetailPage'));
const BodiesPage = lazy(() => import('./BodiesPage'));
const ConfigPage = lazy(() => import('./ConfigPage'));
const MeetingsPage = lazy(() => import('./MeetingsPage'));
const StatsPage = lazy(() => import('./StatsPage'));
const RisksPage = lazy(() => import('./RisksPage'));
const IncidentsPage = lazy(() => import('./IncidentsPage'));

/** The disputes module's console routes (inside the staff layout, whose Suspense shows PageLoading). */
export const disputesConsoleRoutes = (
  <>
    {guardedRoutes([
      ['disputes', 'disputes.read', TicketsPage],
      ['disputes/bodies', 'disputes.read', BodiesPage],
      ['disputes/config', 'disputes.read', ConfigPage],
      ['disputes/meetings', 'disputes.read', MeetingsPage],
      ['disputes/stats', 'disputes.read', StatsPage],
      ['disputes/risks', 'disputes.read', RisksPage],
      ['disputes/incidents', 'disputes.read', IncidentsPage],
      ['disputes/:id', 'disputes.read', DetailPage],
    ])}
  </>
);
