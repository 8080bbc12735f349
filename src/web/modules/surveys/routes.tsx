import { lazy } from 'react';
import { Route } from 'react-router';
import { guardedLoading } from '../../app/guardedLoading';

const SurveysPage = lazy(() => import('./SurveysPage'));
const SurveyPage = lazy(() => import('./SurveyPage'));

const guarded = guardedLoading('surveys.read');

/** The surveys module's console routes (inside the staff layout). */
export const surveysConsoleRoutes = (
  <>
    <Route path="surveys" element={guarded(<SurveysPage />)} />
    <Route path="surveys/:id" element={guarded(<SurveyPage />)} />
  </>
);
