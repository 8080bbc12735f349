import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';

const VolunteersPage = lazy(() => import('./VolunteersPage'));
const VolunteerDetailPage = lazy(() => import('./VolunteerDetailPage'));
const TeamsPage = lazy(() => import('./TeamsPage'));
const ActivitiesPage = lazy(() => import('./ActivitiesPage'));
const ActivityDetailPage = lazy(() => import('./ActivityDetailPage'));
const VolunteerReportsPage = lazy(() => import('./VolunteerReportsPage'));

const read = (page: ReactNode) => <Guard permission="volunteers.read">{page}</Guard>;

/**
 * The volunteers module's routes, contributed by its module.tsx. Console routes render inside the staff layout
 * (paths relative, wrap each page in <Guard permission=...>); the module's phone pages are in phone.tsx.
 */
export const volunteersConsoleRoutes = (
  <>
    <Route path="volunteers" element={read(<VolunteersPage />)} />
    <Route path="volunteers/teams" element={read(<TeamsPage />)} />
    <Route path="volunteers/activities" element={read(<ActivitiesPage />)} />
    <Route path="volunteers/activities/:id" element={read(<ActivityDetailPage />)} />
    <Route path="volunteers/reports" element={read(<VolunteerReportsPage />)} />
    <Route path="volunteers/:id" element={read(<VolunteerDetailPage />)} />
  </>
);

/** The volunteer's phone pages; each sends an unlogged user to /login?next=<path>. */
