import { lazy } from 'react';
import { Route } from 'react-router';
import { definePhoneModule } from '../../phone/phoneModule';
import { socialOrgsEn, socialOrgsZh } from './i18n';

const FundBoardPage = lazy(() => import('./phone/FundBoardPage'));

/** 社区基金公示 on the phone: residents read the donations and spending of their community's fund. */
export const socialOrgsPhoneModule = definePhoneModule({
  name: 'social-orgs',
  i18n: { 'zh-CN': socialOrgsZh, en: socialOrgsEn },
  routes: <Route path="/m/community-fund" element={<FundBoardPage />} />,
  tiles: [
    {
      to: '/m/community-fund',
      label: 'so.phone.tile',
      text: 'so.phone.tileText',
      glyph: '基',
      color: '#1d6b47',
      size: 'more',
      order: 7,
      permission: 'social_orgs.fund_board',
    },
  ],
});
