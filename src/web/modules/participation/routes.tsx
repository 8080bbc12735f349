import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { PageLoading } from '../../app/components/Status';

const MeetingsPage = lazy(() => import('./MeetingsPage'));
const MeetingPage = lazy(() => import('./MeetingPage'));
const ProceduresPage = lazy(() => import('./ProceduresPage'));
const DisclosuresPage = lazy(() => import('./DisclosuresPage'));
const TopicsPage = lazy(() => import('./TopicsPage'));
const TopicPage = lazy(() => import('./TopicPage'));
const RoomsPage = lazy(() => import('./RoomsPage'));
const ConventionsPage = lazy(() => import('./ConventionsPage'));

const guarded = (element: React.ReactNode) => (
  <Guard permission="participation.read">
    <Suspense fallback={<PageLoading />}>{element}</Suspense>
  </Guard>
);

/** The participation module's console routes (inside the staff layout). */
export const participationConsoleRoutes = (
  <>
    <Route path="meetings" element={guarded(<MeetingsPage />)} />
    <Route path="meetings/:id" element={guarded(<MeetingPage />)} />
    <Route path="procedures" element={guarded(<ProceduresPage />)} />
    <Route path="disclosures" element={guarded(<DisclosuresPage />)} />
    <Route path="topics" element={guarded(<TopicsPage />)} />
    <Route path="topics/:id" element={guarded(<TopicPage />)} />
    <Route path="rooms" element={guarded(<RoomsPage />)} />
    <Route path="conventions" element={guarded(<ConventionsPage />)} />
  </>
);
