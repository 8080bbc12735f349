/**
 * Login by SMS code: POST /api/auth/sms/send {phone}, then POST /api/auth/sms/login {phone, code}.
 * The server side (accounts module) is built separately; until it answers, the server's own error
 * message (404 or any 4xx) is shown as it is.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { MOBILE_NUMBER } from '../../shared/validation/codes';
import { api } from '../app/api';
import { useAuth } from '../app/auth';
import { useI18n } from '../app/i18n';
import { BlockButton, DigitsField, FormSubmit, useFormRequest } from './PhoneForm';
import { Notice, useAfterLogin } from './ui';

export function SmsLogin() {
  const { t } = useI18n();
  const { refreshMe } = useAuth();
  const done = useAfterLogin();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [wait, setWait] = useState(0);
  const [sent, setSent] = useState(false);
  const { error, setError, busy, run } = useFormRequest();
  useEffect(() => {
    if (wait <= 0) return;
    const h = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(h);
  }, [wait]);

  const send = () => {
    if (!MOBILE_NUMBER.test(phone.trim())) {
      setError(t('pub.report.phoneInvalid'));
      return;
    }
    return run(async () => {
      await api.post('/api/auth/sms/send', { phone: phone.trim() });
      setSent(true);
      setWait(60);
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!MOBILE_NUMBER.test(phone.trim())) return setError(t('pub.report.phoneInvalid'));
    if (!/^\d{6}$/.test(code.trim())) return setError(t('phone.login.codeInvalid'));
    return run(async () => {
      await api.post('/api/auth/sms/login', { phone: phone.trim(), code: code.trim() });
      await refreshMe();
      done();
    });
  };
  return (
    <form className="ph-card" onSubmit={submit} data-testid="sms-form" noValidate>
      <DigitsField
        label={t('phone.login.phone')}
        inputMode="tel"
        autoComplete="tel"
        maxLength={11}
        value={phone}
        onChange={setPhone}
        testId="sms-phone"
      />
      <BlockButton onClick={send} disabled={busy || wait > 0} style={{ marginBottom: 14 }} testId="sms-send">
        {wait > 0 ? t('phone.login.resend', { n: wait }) : t('phone.login.send')}
      </BlockButton>
      {sent ? <Notice kind="ok">{t('phone.login.sent')}</Notice> : null}
      <DigitsField
        label={t('phone.login.code')}
        autoComplete="one-time-code"
        maxLength={6}
        value={code}
        onChange={setCode}
        testId="sms-code"
      />
      <FormSubmit error={error} errorTestId="sms-error" busy={busy} testId="sms-submit">
        {t('phone.login.submit')}
      </FormSubmit>
    </form>
  );
}
