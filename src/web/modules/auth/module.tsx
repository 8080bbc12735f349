import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { PageLoading } from '../../app/components/Status';
import { defineWebModule } from '../../app/webModule';
import { authEn, authZh } from './i18n';

const LoginPage = lazy(() => import('./LoginPage'));
const AccountSecurityPage = lazy(() => import('./AccountSecurityPage'));

/** Login and 账号安全 (two-step verification, open to every logged-in user at ENROL_PATH). */
export const authWebModule = defineWebModule({
  name: 'auth',
  i18n: { 'zh-CN': authZh, en: authEn },
  routes: <Route path="account/security" element={<AccountSecurityPage />} />,
  publicRoutes: (
    <Route
      path="/login"
      element={
        <Suspense fallback={<PageLoading />}>
          <LoginPage />
        </Suspense>
      }
    />
  ),
});
