import { lazy } from 'react';
import { Route } from 'react-router';
import { definePhoneModule } from '../../phone/phoneModule';
import { surveysEn, surveysZh } from './i18n';
import { useHasOpenSurvey } from './phone/useHasOpenSurvey';

const ListPage = lazy(() => import('./phone/SurveysPhone').then((m) => ({ default: m.MySurveysPage })));
const AnswerPage = lazy(() => import('./phone/SurveysPhone').then((m) => ({ default: m.AnswerSurveyPage })));

/** 问卷调查 on the phone: residents answer the surveys distributed to their home, once each. */
export const surveysPhoneModule = definePhoneModule({
  name: 'surveys',
  i18n: { 'zh-CN': surveysZh, en: surveysEn },
  routes: (
    <>
      <Route path="/m/surveys" element={<ListPage />} />
      <Route path="/m/surveys/:id" element={<AnswerPage />} />
    </>
  ),
  tiles: [
    {
      to: '/m/surveys',
      label: 'surveys.phone.tile',
      text: 'surveys.phone.tileText',
      glyph: '问',
      color: '#1d5e8c',
      size: 'main',
      order: 7,
      permission: 'surveys.answer',
      useAvailable: useHasOpenSurvey,
    },
  ],
});
