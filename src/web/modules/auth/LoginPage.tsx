import { KeyOutlined, LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, type ButtonProps, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { ENROL_PATH, useAuth } from '../../app/auth';
import { PageLoading } from '../../app/components/Status';
import { useI18n } from '../../app/i18n';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { Redirect, useGo } from '../../app/phonePaths';
import { BrandMark } from '../../app/components/BrandMark';

interface LoginForm {
  username: string;
  password: string;
}

interface SecondForm {
  code?: string;
  recoveryCode?: string;
}

/** A login whose password was right, waiting for the second factor. */
interface Pending {
  pendingToken: string;
  username: string;
}

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useI18n();
  const { me, loading, login, loginSecondFactor } = useAuth();
  const [params] = useSearchParams();
  const go = useGo();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const [form] = Form.useForm<LoginForm>();
  const [secondForm] = Form.useForm<SecondForm>();

  if (loading) return <PageLoading />;
  if (me) return <Redirect to={me.twoFactor.enrolmentRequired ? ENROL_PATH : safeNext(params.get('next'))} />;

  const messageOf = (e: unknown) => (e instanceof ApiError || e instanceof Error ? e.message : String(e));

  const onFinish = async (values: LoginForm) => {
    setError(null);
    setSubmitting(true);
    try {
      const result = await login(values.username, values.password);
      if ('twoFactorRequired' in result) {
        setPending({ pendingToken: result.pendingToken, username: values.username.trim() });
        setUseRecovery(false);
        return;
      }
      go(result.twoFactor.enrolmentRequired ? ENROL_PATH : safeNext(params.get('next')));
    } catch (e) {
      setError(messageOf(e));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  const onSecond = async (values: SecondForm) => {
    if (!pending) return;
    setError(null);
    setSubmitting(true);
    try {
      await loginSecondFactor(
        pending.pendingToken,
        useRecovery ? { recoveryCode: values.recoveryCode ?? '' } : { code: values.code ?? '' },
      );
      go(safeNext(params.get('next')));
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      if (code === 'accounts.two_factor_challenge_expired' || code === 'auth.locked') {
        // The pending login is gone: back to the password.
        setPending(null);
        form.setFieldValue('password', '');
      }
      setError(messageOf(e));
      secondForm.resetFields();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 16,
        background: 'linear-gradient(160deg, #f3f6fb 0%, #e6edf8 55%, #f7efe9 100%)',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 24px rgba(15, 35, 80, 0.08)' }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <BrandMark size={48} radius={12} fontSize={26} style={{ marginBottom: 8 }} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </Flex>
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        ) : null}
        {/* The password form stays mounted (hidden) so "back" keeps the username. */}
        <div hidden={!!pending}>
          <Form<LoginForm>
            form={form}
            layout="vertical"
            onFinish={onFinish}
            requiredMark={false}
            data-testid="login-form"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                size="large"
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
                data-testid="login-password"
              />
            </Form.Item>
            <SubmitButton loading={submitting} data-testid="login-submit">
              {t('login.submit')}
            </SubmitButton>
          </Form>
        </div>
        {pending ? (
          <Form<SecondForm>
            key={useRecovery ? 'recovery' : 'code'}
            form={secondForm}
            layout="vertical"
            onFinish={onSecond}
            preserve={false}
            requiredMark={false}
            data-testid="login-second-form"
          >
            <Flex vertical gap={4} style={{ marginBottom: 16 }}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                <SafetyOutlined style={{ color: '#1d5fbf', marginInlineEnd: 8 }} />
                {t('twofa.title')}
              </Typography.Text>
              <Typography.Text type="secondary" data-testid="login-second-prompt">
                {useRecovery ? t('twofa.recoveryPrompt') : t('twofa.prompt', { username: pending.username })}
              </Typography.Text>
            </Flex>
            {useRecovery ? (
              <Form.Item
                name="recoveryCode"
                label={t('twofa.recoveryCode')}
                rules={[{ required: true, whitespace: true, message: t('twofa.recoveryRequired') }]}
              >
                <Input
                  prefix={<KeyOutlined />}
                  autoComplete="off"
                  autoFocus
                  size="large"
                  placeholder="xxxxx-xxxxx"
                  maxLength={40}
                  data-testid="login-recovery-code"
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="code"
                label={t('twofa.code')}
                normalize={(v: string) => v.replace(/\D/g, '').slice(0, 6)}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('twofa.codeRequired') }]}
                extra={t('twofa.expiresHint')}
              >
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  autoFocus
                  size="large"
                  placeholder="000000"
                  maxLength={6}
                  style={{
                    letterSpacing: '0.5em',
                    fontSize: 22,
                    textAlign: 'center',
                    fontFamily: 'monospace',
                  }}
                  aria-label={t('twofa.code')}
                  data-testid="login-totp-code"
                />
              </Form.Item>
            )}
            <SubmitButton loading={submitting} data-testid="login-second-submit">
              {t('twofa.submit')}
            </SubmitButton>
            <Flex justify="space-between" wrap gap={8} style={{ marginTop: 12 }}>
              <SecondStepLink
                onClick={() => {
                  setError(null);
                  setUseRecovery(!useRecovery);
                }}
                data-testid="login-use-recovery"
              >
                {useRecovery ? t('twofa.useCode') : t('twofa.useRecovery')}
              </SecondStepLink>
              <SecondStepLink
                onClick={() => {
                  setError(null);
                  setPending(null);
                  form.setFieldValue('password', '');
                }}
                data-testid="login-second-back"
              >
                {t('twofa.back')}
              </SecondStepLink>
            </Flex>
          </Form>
        ) : null}
        <Typography.Paragraph
          type="secondary"
          style={{ fontSize: 12, marginTop: 20, marginBottom: 0, textAlign: 'center' }}
        >
          {t('login.footer')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}

/** A login form's wide primary submit button (the password step's and the second factor's). */
function SubmitButton(props: Omit<ButtonProps, 'type' | 'htmlType' | 'block' | 'size'>) {
  return <Button type="primary" htmlType="submit" block size="large" {...props} />;
}

/** A small plain link under the second-factor form (switch to a recovery code, back to the password). */
function SecondStepLink(props: Omit<ButtonProps, 'type' | 'size' | 'style'>) {
  return <Button type="link" size="small" style={{ padding: 0 }} {...props} />;
}
