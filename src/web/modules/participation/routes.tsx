import { lazy } from 'react';
import { guardedRoutes } from '../../app/guardedRoute';

const MeetingsPage = lazy(() => import('./MeetingsPage'));
const MeetingPage = lazy(() => import('./MeetingPage'));
const ProceduresPage = lazy(() => import('./ProceduresPage'));
const DisclosuresPage = lazy(() => import('./DisclosuresPage'));
const TopicsPage = lazy(() => import('./TopicsPage'));
const TopicPage = lazy(() => import('./TopicPage'));
const RoomsPage = lazy(() => import('./RoomsPage'));
const ConventionsPage = lazy(() => import('./ConventionsPage'));

/** The participation module's console routes (inside the staff layout). */
export const participationConsoleRoutes = (
  <>
    {guardedRoutes([
      ['meetings', 'participation.read', MeetingsPage],
      ['meetings/:id', 'participation.read', MeetingPage],
      ['procedures', 'participation.read', ProceduresPage],
      ['disclosures', 'participation.read', DisclosuresPage],
      ['topics', 'participation.read', TopicsPage],
      ['topics/:id', 'participation.read', TopicPage],
      ['rooms', 'participation.read', RoomsPage],
      ['conventions', 'participation.read', ConventionsPage],
    ])}
  </>
);
