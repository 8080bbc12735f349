import { lazy } from 'react';
import { Route } from 'react-router';
import { definePhoneModule } from '../../phone/phoneModule';
import { scheduledReportsEn, scheduledReportsZh } from './i18n';

const ListPage = lazy(() => import('./phone/ReportsPhone').then((m) => ({ default: m.MyReportsPage })));
const ReportPage = lazy(() => import('./phone/ReportsPhone').then((m) => ({ default: m.ReportPhonePage })));

/** 信息报告 on the phone: a community's staff see the reports due and fill in and hand them in (R-RP-1). */
export const scheduledReportsPhoneModule = definePhoneModule({
  name: 'scheduled-reports',
  i18n: { 'zh-CN': scheduledReportsZh, en: scheduledReportsEn },
  routes: (
    <>
      <Route path="/m/reports" element={<ListPage />} />
      <Route path="/m/reports/:id" element={<ReportPage />} />
    </>
  ),
  tiles: [
    {
      to: '/m/reports',
      label: 'scheduledReports.phone.tile',
      text: 'scheduledReports.phone.tileText',
      glyph: '报',
      color: '#1f5f5b',
      size: 'more',
      order: 21,
      permission: 'scheduled_reports.submit',
    },
  ],
});
