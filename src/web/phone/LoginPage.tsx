import { type FormEvent, useEffect, useState } from 'react';
import { useAuth } from '../app/auth';
import { useI18n } from '../app/i18n';
import { SmsLogin } from './SmsLogin';
import { FormSubmit, useFormRequest } from './PhoneForm';
import { Shell, useAfterLogin } from './ui';
import { TextField } from './PhoneInputs';
import { Segmented } from './Segmented';

/** /m/login: residents and volunteers log in on the phone (password today; SMS code below). */
export default function LoginPage() {
  const { t } = useI18n();
  const [mode, setMode] = useState<'password' | 'sms'>('password');
  const { me, loading } = useAuth();
  const done = useAfterLogin();
  // Already logged in (a second tab, the back button): straight on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the session is known
  useEffect(() => {
    if (!loading && me) done();
  }, [loading, me]);
  return (
    <Shell title={t('phone.login.title')}>
      <Segmented
        group
        ariaLabel={t('phone.login.title')}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'password', label: t('phone.login.byPassword') },
          { value: 'sms', label: t('phone.login.bySms'), testId: 'login-mode-sms' },
        ]}
        value={mode}
        onChange={setMode}
      />
      {mode === 'password' ? <PasswordLogin /> : <SmsLogin />}
      <p className="center muted">
        <a href="/login">{t('phone.login.staff')}</a>
      </p>
    </Shell>
  );
}

function PasswordLogin() {
  const { t } = useI18n();
  const { login } = useAuth();
  const done = useAfterLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { error, setError, busy, run } = useFormRequest();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('phone.login.missing'));
      return;
    }
    return run(async () => {
      const result = await login(username.trim(), password);
      if ('twoFactorRequired' in result) setError(t('phone.login.twoFactor'));
      else done();
    });
  };
  return (
    <form className="ph-card" onSubmit={submit} data-testid="login-form" noValidate>
      <TextField
        label={t('phone.login.username')}
        autoComplete="username"
        autoCapitalize="none"
        value={username}
        onChange={setUsername}
        data-testid="login-username"
      />
      <TextField
        label={t('phone.login.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        data-testid="login-password"
      />
      <FormSubmit error={error} errorTestId="login-error" busy={busy} testId="login-submit">
        {busy ? t('app.loading') : t('phone.login.submit')}
      </FormSubmit>
    </form>
  );
}
