import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import type { LoginChallengeDto, MeDto } from '../../shared/contracts/accounts';
import type { Locale } from '../../shared/i18n/errors';
import type { Permission } from '../../shared/permissions';
import { ApiError, api, apiSession } from './api';
import { useI18n } from './i18n';

interface AuthValue {
  me: MeDto | null;
  loading: boolean;
  can: (permission: Permission) => boolean;
  /** The password step: the session, or a pending login awaiting the second factor. */
  login: (username: string, password: string) => Promise<MeDto | LoginChallengeDto>;
  /** The second step: a 6-digit code or a recovery code for a pending login. */
  loginSecondFactor: (
    pendingToken: string,
    factor: { code: string } | { recoveryCode: string },
  ) => Promise<MeDto>;
  /** Reloads the current user (after two-step verification was turned on or off). */
  refreshMe: () => Promise<void>;
  logout: () => Promise<void>;
  /** Changes the UI language and, when logged in, the user's saved language. */
  changeLocale: (locale: Locale) => void;
}

const AuthContext = createContext<AuthValue | null>(null);
/** Where a user whose role requires two-step verification is sent until it is set up (auth module's page). */
export const ENROL_PATH = '/account/security';

export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<MeDto | null> {
  try {
    return await api.get<MeDto>('/api/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { setLocale } = useI18n();
  const meQuery = useQuery({
    queryKey: ME_KEY,
    queryFn: fetchMe,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const me = meQuery.data ?? null;

  useEffect(() => {
    apiSession.setCsrfToken(me?.csrfToken ?? null);
  }, [me]);

  useEffect(() => {
    apiSession.onUnauthenticated(() => {
      // The session ended (idle expiry, logout elsewhere): back to the login page.
      apiSession.setCsrfToken(null);
      qc.setQueryData(ME_KEY, null);
    });
  }, [qc]);

  const startSession = useCallback(
    (result: MeDto) => {
      apiSession.setCsrfToken(result.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, result);
      return result;
    },
    [qc],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await api.post<MeDto | LoginChallengeDto>('/api/auth/login', { username, password });
      return 'twoFactorRequired' in result ? result : startSession(result);
    },
    [startSession],
  );

  const loginSecondFactor = useCallback(
    async (pendingToken: string, factor: { code: string } | { recoveryCode: string }) =>
      startSession(await api.post<MeDto>('/api/auth/login/totp', { pendingToken, ...factor })),
    [startSession],
  );

  const refreshMe = useCallback(async () => {
    qc.setQueryData(ME_KEY, await fetchMe());
  }, [qc]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      apiSession.setCsrfToken(null);
      // Not qc.clear(): that drops the query the AuthProvider observes, which then keeps the old user.
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    }
  }, [qc]);

  const changeLocale = useCallback(
    (next: Locale) => {
      setLocale(next);
      if (me) {
        api
          .patch<MeDto>('/api/auth/me', { locale: next })
          .then((updated) => qc.setQueryData(ME_KEY, updated))
          .catch(() => undefined);
      }
      // Server-made texts (labels in lists, messages) follow the new language.
      qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
    [me, qc, setLocale],
  );

  const value = useMemo<AuthValue>(
    () => ({
      me,
      loading: meQuery.isPending,
      can: (p) => !!me?.permissions.includes(p),
      login,
      loginSecondFactor,
      refreshMe,
      logout,
      changeLocale,
    }),
    [me, meQuery.isPending, login, loginSecondFactor, refreshMe, logout, changeLocale],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
