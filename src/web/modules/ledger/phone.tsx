import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { Route } from 'react-router';
import { useAuth } from '../../app/auth';
import { definePhoneModule } from '../../phone/phoneModule';
import { ledgerApi, ledgerKeys } from './api';
import { ledgerEn, ledgerZh } from './i18n';

const MyPointsPage = lazy(() => import('./phone/MyPointsPage'));
const MyTimeBankPage = lazy(() => import('./phone/MyTimeBankPage'));

/** Points and time bank belong to a volunteer profile: without one the tiles are not shown. */
function useHasVolunteerAccount(): boolean | undefined {
  const { can } = useAuth();
  const q = useQuery({ queryKey: ledgerKeys.me, queryFn: ledgerApi.me, enabled: can('ledger.own') });
  if (!can('ledger.own')) return false;
  return q.isPending ? undefined : !!q.data?.volunteer;
}

/** 积分与时间银行 on the phone: my love points and my time bank (R-VP-1, R-VP-2). */
export const ledgerPhoneModule = definePhoneModule({
  name: 'ledger',
  i18n: { 'zh-CN': ledgerZh, en: ledgerEn },
  routes: (
    <>
      <Route path="/m/points" element={<MyPointsPage />} />
      <Route path="/m/timebank" element={<MyTimeBankPage />} />
    </>
  ),
  tiles: [
    {
      to: '/m/points',
      label: 'ledger.tile.points',
      glyph: '分',
      color: '#a8321f',
      size: 'more',
      order: 40,
      useAvailable: useHasVolunteerAccount,
    },
    {
      to: '/m/timebank',
      label: 'ledger.tile.timebank',
      glyph: '时',
      color: '#1d5fbf',
      size: 'more',
      order: 50,
      useAvailable: useHasVolunteerAccount,
    },
  ],
});
