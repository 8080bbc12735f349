import { QueryClientProvider } from '@tanstack/react-query';
import { Fragment, lazy, Suspense } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { AuthProvider } from '../app/auth';
import { I18nProvider, useI18n } from '../app/i18n';
import { newQueryClient } from '../app/newQueryClient';
import { ElderlyProvider } from './elderly';
import { phoneModules } from './modules';
import { Loading, Shell, ToastProvider } from './ui';

const HomePage = lazy(() => import('./HomePage'));
const LoginPage = lazy(() => import('./LoginPage'));

const queryClient = newQueryClient();

function NotFound() {
  const { t } = useI18n();
  return (
    <Shell title={t('common.pageNotFound')}>
      <div className="ph-card">
        <Link to="/m" className="btn btn-primary btn-block">
          {t('common.backHome')}
        </Link>
      </div>
    </Shell>
  );
}

/** The phone routes: every phone module's pages (src/web/phone/modules.ts), the home and the login. */
function PhoneRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        {phoneModules.map((m) => (m.routes ? <Fragment key={m.name}>{m.routes}</Fragment> : null))}
        <Route path="/m" element={<HomePage />} />
        <Route path="/m/login" element={<LoginPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}

export function PhoneRoot() {
  return (
    <I18nProvider modules={phoneModules}>
      <QueryClientProvider client={queryClient}>
        <ElderlyProvider>
          <BrowserRouter>
            <AuthProvider>
              <ToastProvider>
                <PhoneRoutes />
              </ToastProvider>
            </AuthProvider>
          </BrowserRouter>
        </ElderlyProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
