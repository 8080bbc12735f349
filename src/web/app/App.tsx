import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Fragment, lazy, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AuthProvider, ENROL_PATH, useAuth } from './auth';
import { ForbiddenResult, NotFoundResult, PageLoading } from './components/Status';
import { DemoLoadingBanner } from './DemoLoadingBanner';
import { I18nProvider, useI18n } from './i18n';
import { AppLayout } from './Layout';
import { SETTINGS_PAGES } from './nav';
import { webModules } from './modules';
import { newQueryClient } from './newQueryClient';

const HomePage = lazy(() => import('./HomePage'));

const queryClient = newQueryClient();

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
  const first = SETTINGS_PAGES.find((p) => !p.permission || can(p.permission));
  return first ? <Navigate to={first.path} replace /> : <ForbiddenResult />;
}

/**
 * The routes: every module's public pages (the console login) and console pages (src/web/app/modules.ts) plus
 * the app's own. The residents' phone pages (/report, /track, /m/**) are the other entry, phone.html.
 */
function AppRoutes() {
  return (
    <Routes>
      {webModules.map((m) => (m.publicRoutes ? <Fragment key={m.name}>{m.publicRoutes}</Fragment> : null))}
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="workbench" element={<Navigate to="/" replace />} />
        <Route path="settings" element={<SettingsIndex />} />
        {webModules.map((m) => (m.routes ? <Fragment key={m.name}>{m.routes}</Fragment> : null))}
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
    <I18nProvider modules={webModules}>
      <QueryClientProvider client={queryClient}>
        <Themed>
          <DemoLoadingBanner />
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
