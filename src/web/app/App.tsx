import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from './api';
import { AuthProvider, useAuth } from './auth';
import { ForbiddenResult, NotFoundResult, PageLoading } from './components/Status';
import { I18nProvider, useI18n } from './i18n';
import { AppLayout } from './Layout';
import { Guard } from './Guard';
import { SETTINGS_PAGES } from './nav';
import { ENROL_PATH, authConsoleRoutes } from '../modules/auth/routes';
import { ledgerConsoleRoutes, ledgerPublicRoutes } from '../modules/ledger/routes';
import { merchantsConsoleRoutes, merchantsPublicRoutes } from '../modules/merchants/routes';
import { servicesConsoleRoutes, servicesPublicRoutes } from '../modules/services/routes';
import { volunteersConsoleRoutes, volunteersPublicRoutes } from '../modules/volunteers/routes';

const LoginPage = lazy(() => import('../modules/auth/LoginPage'));
const HomePage = lazy(() => import('../modules/home/HomePage'));
const OrgTreePage = lazy(() => import('../modules/org/OrgTreePage'));
const ResidentsPage = lazy(() => import('../modules/residents/ResidentsPage'));
const ResidentDetailPage = lazy(() => import('../modules/residents/ResidentDetailPage'));
const ResidentFormPage = lazy(() => import('../modules/residents/ResidentFormPage'));
const ImportWizardPage = lazy(() => import('../modules/imports/ImportWizardPage'));
const UsersPage = lazy(() => import('../modules/users/UsersPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const StaffingReportPage = lazy(() => import('../modules/reports/StaffingReportPage'));
const PeoplePage = lazy(() => import('../modules/people/PeoplePage'));
const WorkOrdersPage = lazy(() => import('../modules/work-orders/WorkOrdersPage'));
const WorkOrderNewPage = lazy(() => import('../modules/work-orders/WorkOrderNewPage'));
const WorkOrderStatsPage = lazy(() => import('../modules/work-orders/WorkOrderStatsPage'));
const WorkOrderDetailPage = lazy(() => import('../modules/work-orders/WorkOrderDetailPage'));
const ReportPage = lazy(() => import('../modules/work-orders/public/ReportPage'));
const TrackPage = lazy(() => import('../modules/work-orders/public/TrackPage'));
const Open311KeysPage = lazy(() => import('../modules/settings/Open311KeysPage'));
const CategoriesPage = lazy(() => import('../modules/settings/CategoriesPage'));
const CalendarPage = lazy(() => import('../modules/settings/CalendarPage'));
const WorkOrderSettingsPage = lazy(() => import('../modules/settings/WorkOrderSettingsPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers (not found, forbidden, bad filter) will not change on retry.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
    mutations: { retry: false },
  },
});

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // A role that requires two-step verification, not set up yet: the server allows nothing else.
  if (me.twoFactor.enrolmentRequired && location.pathname !== ENROL_PATH) {
    return <Navigate to={ENROL_PATH} replace />;
  }
  return children;
}

/** /settings: the first settings page this user may open. */
function SettingsIndex() {
  const { can } = useAuth();
  const first = SETTINGS_PAGES.find((p) => can(p.permission));
  return first ? <Navigate to={first.path} replace /> : <ForbiddenResult />;
}

function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<PageLoading />}>
            <LoginPage />
          </Suspense>
        }
      />
      {/* Residents' phone pages: no login, no staff layout. */}
      <Route
        path="/report"
        element={
          <Suspense fallback={<PageLoading />}>
            <ReportPage />
          </Suspense>
        }
      />
      <Route
        path="/track/:number"
        element={
          <Suspense fallback={<PageLoading />}>
            <TrackPage />
          </Suspense>
        }
      />
      {ledgerPublicRoutes}
      {merchantsPublicRoutes}
      {volunteersPublicRoutes}
      {servicesPublicRoutes}
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="org"
          element={
            <Guard permission="org.read">
              <OrgTreePage />
            </Guard>
          }
        />
        <Route
          path="org/:unitId"
          element={
            <Guard permission="org.read">
              <OrgTreePage />
            </Guard>
          }
        />
        <Route
          path="residents"
          element={
            <Guard permission="residents.read">
              <ResidentsPage />
            </Guard>
          }
        />
        <Route
          path="residents/new"
          element={
            <Guard permission="residents.write">
              <ResidentFormPage />
            </Guard>
          }
        />
        <Route
          path="residents/import"
          element={
            <Guard permission="residents.import">
              <ImportWizardPage />
            </Guard>
          }
        />
        <Route
          path="residents/:id"
          element={
            <Guard permission="residents.read">
              <ResidentDetailPage />
            </Guard>
          }
        />
        <Route
          path="residents/:id/edit"
          element={
            <Guard permission="residents.write">
              <ResidentFormPage />
            </Guard>
          }
        />
        <Route
          path="users"
          element={
            <Guard permission="users.read">
              <UsersPage />
            </Guard>
          }
        />
        <Route
          path="audit"
          element={
            <Guard permission="audit.read">
              <AuditPage />
            </Guard>
          }
        />
        <Route path="reports" element={<Navigate to="/reports/staffing" replace />} />
        <Route
          path="reports/staffing"
          element={
            <Guard permission="reports.read">
              <StaffingReportPage />
            </Guard>
          }
        />
        <Route path="people" element={<Navigate to="/people/party" replace />} />
        <Route
          path="people/:section"
          element={
            <Guard permission="people.read">
              <PeoplePage />
            </Guard>
          }
        />
        <Route
          path="work-orders"
          element={
            <Guard permission="work_orders.read">
              <WorkOrdersPage />
            </Guard>
          }
        />
        <Route
          path="work-orders/new"
          element={
            <Guard permission="work_orders.intake">
              <WorkOrderNewPage />
            </Guard>
          }
        />
        <Route
          path="work-orders/stats"
          element={
            <Guard permission="work_orders.read">
              <WorkOrderStatsPage />
            </Guard>
          }
        />
        <Route
          path="work-orders/:id"
          element={
            <Guard permission="work_orders.read">
              <WorkOrderDetailPage />
            </Guard>
          }
        />
        <Route path="settings" element={<SettingsIndex />} />
        <Route
          path="settings/open311"
          element={
            <Guard permission="open311.manage">
              <Open311KeysPage />
            </Guard>
          }
        />
        <Route
          path="settings/categories"
          element={
            <Guard permission="work_orders.categories">
              <CategoriesPage />
            </Guard>
          }
        />
        <Route
          path="settings/calendar"
          element={
            <Guard permission="work_orders.read">
              <CalendarPage />
            </Guard>
          }
        />
        <Route
          path="settings/work-orders"
          element={
            <Guard permission="work_orders.supervise">
              <WorkOrderSettingsPage />
            </Guard>
          }
        />
        {authConsoleRoutes}
        {ledgerConsoleRoutes}
        {merchantsConsoleRoutes}
        {volunteersConsoleRoutes}
        {servicesConsoleRoutes}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function NotFoundPage() {
  const { t } = useI18n();
  return <NotFoundResult title={t('common.pageNotFound')} text=" " />;
}

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: '#1d5fbf',
          borderRadius: 6,
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <Themed>
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </Themed>
      </QueryClientProvider>
    </I18nProvider>
  );
}
