import { lazy } from 'react';
import { Route } from 'react-router';

const AccountSecurityPage = lazy(() => import('./AccountSecurityPage'));

/** Where a user whose role requires two-step verification is sent until it is set up. */
export const ENROL_PATH = '/account/security';

/** 账号安全 (two-step verification), open to every logged-in user; mounted by App.tsx in the console layout. */
export const authConsoleRoutes = <Route path="account/security" element={<AccountSecurityPage />} />;
