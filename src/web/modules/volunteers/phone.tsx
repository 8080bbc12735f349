import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { Route } from 'react-router';
import { useAuth } from '../../app/auth';
import { definePhoneModule } from '../../phone/phoneModule';
import { volApi, volKeys } from './api';
import { volunteersEn, volunteersZh } from './i18n';

const MyActivitiesPage = lazy(() => import('./phone/MyActivitiesPage'));
const MyHoursPage = lazy(() => import('./phone/MyHoursPage'));
const MyCertificatePage = lazy(() => import('./phone/MyCertificatePage'));

/** The three pages need a volunteer profile linked to the login: without one the tiles are not shown. */
function useHasProfile(): boolean | undefined {
  const { me } = useAuth();
  const q = useQuery({ queryKey: volKeys.me, queryFn: () => volApi.me(), enabled: !!me });
  if (!me) return false;
  return q.isPending ? undefined : !!q.data?.profile;
}

/** What every tile of the module shares: on the "more" row, shown only to a volunteer with a profile. */
const more = { size: 'more', useAvailable: useHasProfile } as const;

/** 志愿服务 on the phone: a volunteer's activities (sign up, check in and out), hours and certificate. */
export const volunteersPhoneModule = definePhoneModule({
  name: 'volunteers',
  i18n: { 'zh-CN': volunteersZh, en: volunteersEn },
  routes: (
    <>
      <Route path="/m/activities" element={<MyActivitiesPage />} />
      <Route path="/m/hours" element={<MyHoursPage />} />
      <Route path="/m/certificate" element={<MyCertificatePage />} />
    </>
  ),
  tiles: [
    {
      to: '/m/activities',
      label: 'volunteers.tile.activities',
      glyph: '活',
      color: '#1e6b2f',
      order: 10,
      ...more,
    },
    { to: '/m/hours', label: 'volunteers.tile.hours', glyph: '时', color: '#0b5e66', order: 20, ...more },
    {
      to: '/m/certificate',
      label: 'volunteers.tile.certificate',
      glyph: '证',
      color: '#5b34b5',
      order: 30,
      ...more,
    },
  ],
});
