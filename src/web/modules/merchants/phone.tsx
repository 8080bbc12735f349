import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { Route } from 'react-router';
import { useAuth } from '../../app/auth';
import { definePhoneModule } from '../../phone/phoneModule';
import { merchantsApi, merchantsKeys } from './api';
import { merchantsEn, merchantsZh } from './i18n';

const RedeemPage = lazy(() => import('./phone/RedeemPage'));

/** Redeeming points needs a volunteer's points account: without one the tile is not shown. */
function useCanRedeem(): boolean | undefined {
  const { me } = useAuth();
  const q = useQuery({ queryKey: merchantsKeys.me, queryFn: merchantsApi.me, enabled: !!me });
  if (!me) return false;
  return q.isPending ? undefined : !!q.data?.volunteerName;
}

/** 积分商户 on the phone: a volunteer shows a redemption code at a point's counter. */
export const merchantsPhoneModule = definePhoneModule({
  name: 'merchants',
  i18n: { 'zh-CN': merchantsZh, en: merchantsEn },
  routes: <Route path="/m/redeem" element={<RedeemPage />} />,
  tiles: [
    {
      to: '/m/redeem',
      label: 'merchants.tile.redeem',
      glyph: '兑',
      color: '#8a4b00',
      size: 'more',
      order: 60,
      useAvailable: useCanRedeem,
    },
  ],
});
