import { lazy } from 'react';
import { Route } from 'react-router';
import { definePhoneModule } from '../../phone/phoneModule';
import { workOrdersEn, workOrdersZh } from './i18n';

const ReportPage = lazy(() => import('./phone/ReportPage'));
const TrackPage = lazy(() => import('./phone/TrackPage'));
const MyRequestsPage = lazy(() => import('./phone/MyRequestsPage'));

/** 诉求工单 on the residents' phone: report a problem without a login, follow it and rate the result. */
export const workOrdersPhoneModule = definePhoneModule({
  name: 'work-orders',
  i18n: { 'zh-CN': workOrdersZh, en: workOrdersEn },
  routes: (
    <>
      <Route path="/report" element={<ReportPage />} />
      <Route path="/track" element={<TrackPage />} />
      <Route path="/track/:number" element={<TrackPage />} />
      <Route path="/m/requests" element={<MyRequestsPage />} />
    </>
  ),
  tiles: [
    {
      to: '/report',
      label: 'pub.report.title',
      text: 'pub.report.tileText',
      glyph: '报',
      color: '#b42318',
      size: 'main',
      order: 5,
    },
    {
      to: '/m/requests',
      label: 'pub.mine.title',
      text: 'pub.mine.text',
      glyph: '诉',
      color: '#8a4b08',
      size: 'more',
      order: 6,
      permission: 'work_orders.report',
    },
  ],
});
