import { lazy } from 'react';
import { Route } from 'react-router';
import { useAuth } from '../../app/auth';
import { definePhoneModule } from '../../phone/phoneModule';
import { careEn, careZh } from './i18n';

const MyVisitsPage = lazy(() => import('./phone/MyVisitsPage'));
const VisitPage = lazy(() => import('./phone/VisitPage'));

/** Grid workers and volunteers with visit plans assigned see the tile. */
function useVisitor(): boolean | undefined {
  const { me, loading } = useAuth();
  if (loading) return undefined;
  return !!me?.permissions.includes('care.visit_own');
}

/** 走访关爱 on the phone: my visit plans, log a visit on the spot with time and place (R-SV-3). */
export const carePhoneModule = definePhoneModule({
  name: 'care',
  i18n: { 'zh-CN': careZh, en: careEn },
  routes: (
    <>
      <Route path="/m/care" element={<MyVisitsPage />} />
      <Route path="/m/care/:id" element={<VisitPage />} />
    </>
  ),
  tiles: [
    {
      to: '/m/care',
      label: 'care.m.tile',
      text: 'care.m.tileText',
      glyph: '访',
      color: '#8a2d52',
      size: 'main',
      order: 3,
      useAvailable: useVisitor,
    },
  ],
});
