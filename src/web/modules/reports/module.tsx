import { BarChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Navigate, Route } from 'react-router';
import { guardedRoute } from '../../app/guardedRoute';
import { defineWebModule } from '../../app/webModule';
import { reportsEn, reportsZh } from './i18n';

const StaffingReportPage = lazy(() => import('./StaffingReportPage'));
const UrbanVillageProfilePage = lazy(() => import('./UrbanVillageProfilePage'));

/** 统计报表: the staffing report, with its urban villages and each village's governance file. */
export const reportsWebModule = defineWebModule({
  name: 'reports',
  i18n: { 'zh-CN': reportsZh, en: reportsEn },
  routes: (
    <>
      <Route path="reports" element={<Navigate to="/reports/staffing" replace />} />
      {guardedRoute('reports/staffing', 'reports.read', <StaffingReportPage />)}
      {guardedRoute('reports/urban-villages/:id', 'reports.read', <UrbanVillageProfilePage />)}
    </>
  ),
  nav: [
    {
      path: '/reports',
      label: 'menu.reports',
      icon: <BarChartOutlined />,
      permission: 'reports.read',
      order: 110,
      children: [{ path: '/reports/staffing', label: 'menu.staffing', permission: 'reports.read' }],
    },
  ],
});
