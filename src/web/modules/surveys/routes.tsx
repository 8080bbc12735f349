import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { PageLoading } from '../../app/components/Status';

const SurveysPage = lazy(() => import('./SurveysPage'));
const SurveyPage = lazy(() => import('./SurveyPage'));

const guarded = (element: React.ReactNode) => (
  <Guard permission="surveys.read">
    <Suspense fallback={<PageLoading />}>{element}</Suspense>
  </Guard>
);

/** The surveys module's console routes (inside the staff layout). */
export const surveysConsoleRoutes = (
  <>
    <Route path="surveys" element={guarded(<SurveysPage />)} />
    <Route path="surveys/:id" element={guarded(<SurveyPage />)} />
  </>
);
