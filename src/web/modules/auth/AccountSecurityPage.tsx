import {
  CheckCircleFilled,
  CopyOutlined,
  DownloadOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  type FormInstance,
  Input,
  Steps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type {
  RecoveryCodesDto,
  TwoFactorSetupDto,
  TwoFactorStatusDto,
} from '../../../shared/contracts/accounts';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorResult, PageLoading } from '../../app/components/Status';
import { FormSaveModal, useFormSaving } from '../../app/formSaving';
import { useBusyAction } from '../../app/useBusyAction';
import { formatDateTime } from '../../app/format';
import { type TFunction, useI18n } from '../../app/i18n';
import { copyText } from '../../app/copyText';

const STATUS_KEY = ['auth', 'two-factor'] as const;

/** ABCD EFGH …: the base32 secret in groups of four, for typing into an app. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** A 6-digit code field; spaces and other characters are dropped as the user types. */
function CodeInput({ t, testId, autoFocus }: { t: TFunction; testId: string; autoFocus?: boolean }) {
  return (
    <Form.Item
      name="code"
      label={t('twofa.code')}
      normalize={(v: string) => v.replace(/\D/g, '').slice(0, 6)}
      rules={[{ required: true, pattern: /^\d{6}$/, message: t('twofa.codeRequired') }]}
    >
      <Input
        inputMode="numeric"
        autoComplete="one-time-code"
        autoFocus={autoFocus}
        maxLength={6}
        placeholder="000000"
        size="large"
        style={{ width: 200, letterSpacing: '0.4em', fontFamily: 'monospace', fontSize: 18 }}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** Runs `action`; if it fails, the code field is emptied for the next try and the error goes on (to be shown). */
async function clearingCode(form: FormInstance<{ code: string }>, action: () => Promise<void>) {
  try {
    await action();
  } catch (e) {
    form.setFieldValue('code', '');
    throw e;
  }
}

/** Asks for a current code, then calls `run` with it (regenerate the recovery codes, turn off). */
function CodeModal({
  open,
  title,
  hint,
  danger,
  onClose,
  run,
}: {
  open: boolean;
  title: string;
  hint: string;
  danger?: boolean;
  onClose: () => void;
  run: (code: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string }>();
  const [saving, runSave] = useFormSaving(form);
  return (
    <FormSaveModal
      form={form}
      saving={saving}
      okTestId="security-code-submit"
      okDanger={danger}
      open={open}
      title={title}
      onCancel={onClose}
      okText={t('common.confirm')}
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ code }) => runSave(() => clearingCode(form, () => run(code)))}
      >
        <CodeInput t={t} testId="security-code" autoFocus />
      </Form>
    </FormSaveModal>
  );
}

/** The ten recovery codes, shown once after enrolment or regeneration. */
function RecoveryCodes({
  codes,
  username,
  onDone,
}: {
  codes: string[];
  username: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const text = codes.join('\n');
  const download = () => {
    const blob = new Blob([`Linli ${username}\n\n${text}\n`], { type: 'text/plain;charset=utf-8' });
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = `linli-recovery-codes-${username}.txt`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  };
  return (
    <Flex vertical gap={12} data-testid="security-recovery-codes">
      <Alert type="warning" showIcon title={t('security.codesTitle')} description={t('security.codesHint')} />
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(2, max-content)',
          gap: '8px 24px',
          padding: 16,
          background: '#fafafa',
          border: '1px dashed #d9d9d9',
          borderRadius: 6,
          width: 'fit-content',
        }}
      >
        {codes.map((c) => (
          <Typography.Text key={c} code style={{ fontSize: 16, fontFamily: 'monospace' }}>
            {c}
          </Typography.Text>
        ))}
      </div>
      <Flex gap={8} wrap>
        <Button
          icon={<CopyOutlined />}
          onClick={async () =>
            (await copyText(text))
              ? message.success(t('security.copied'))
              : message.error(t('security.copyFailed'))
          }
        >
          {t('security.copy')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('security.download')}
        </Button>
        <Button type="primary" onClick={onDone} data-testid="security-codes-saved">
          {t('security.saved')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** 账号安全: set up, inspect and turn off two-step verification of one's own account. */
export default function AccountSecurityPage() {
  const { t } = useI18n();
  const { me, refreshMe } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [setup, setSetup] = useState<TwoFactorSetupDto | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [starting, withStarting] = useBusyAction();
  const [modal, setModal] = useState<'regenerate' | 'disable' | null>(null);
  const [codeForm] = Form.useForm<{ code: string }>();
  const [confirming, runConfirm] = useFormSaving(codeForm);
  // Enrolment that the role demands: once the codes are saved, the console opens.
  const [mustEnrol] = useState(() => !!me?.twoFactor.enrolmentRequired);

  const status = useQuery({
    queryKey: STATUS_KEY,
    queryFn: () => api.get<TwoFactorStatusDto>('/api/auth/two-factor'),
  });
  const reload = async () => {
    await qc.invalidateQueries({ queryKey: STATUS_KEY });
    await refreshMe();
  };

  if (status.isPending) return <PageLoading />;
  if (status.isError) return <ErrorResult error={status.error} onRetry={() => status.refetch()} />;
  const s = status.data;

  const start = () =>
    withStarting(async () => setSetup(await api.post<TwoFactorSetupDto>('/api/auth/two-factor/setup')));

  const confirm = ({ code }: { code: string }) =>
    runConfirm(() =>
      clearingCode(codeForm, async () => {
        const res = await api.post<RecoveryCodesDto>('/api/auth/two-factor/enable', { code });
        setCodes(res.recoveryCodes);
        setSetup(null);
        message.success(t('security.enabled'));
        await reload();
      }),
    );

  const stepOf = codes ? 2 : setup ? 1 : 0;
  const enrolling = !s.enabled || codes !== null;

  return (
    <div style={{ maxWidth: 880 }}>
      <PageHeader title={t('security.title')} subtitle={t('security.subtitle')} />
      {s.demo ? (
        <Alert type="info" showIcon title={t('security.demo')} style={{ marginBottom: 16 }} />
      ) : s.required && !s.enabled ? (
        <Alert
          type="warning"
          showIcon
          title={t('security.required')}
          style={{ marginBottom: 16 }}
          data-testid="security-required"
        />
      ) : null}
      <Card
        title={
          <Flex align="center" gap={8}>
            <SafetyCertificateOutlined style={{ color: '#1d5fbf' }} />
            {t('twofa.title')}
          </Flex>
        }
        data-testid="security-card"
      >
        <Descriptions column={{ xs: 1, sm: 3 }} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('security.status')}>
            {s.enabled ? (
              <Tag color="green" icon={<CheckCircleFilled />} data-testid="security-status">
                {t('security.on')}
              </Tag>
            ) : (
              <Tag data-testid="security-status">{t('security.off')}</Tag>
            )}
          </Descriptions.Item>
          {s.enabled && s.enabledAt ? (
            <Descriptions.Item label={t('security.enabledAt')}>
              {formatDateTime(s.enabledAt)}
            </Descriptions.Item>
          ) : null}
          {s.enabled ? (
            <Descriptions.Item label={t('security.codesLeft')}>
              {t('security.codesLeftValue', { n: s.recoveryCodesLeft })}
            </Descriptions.Item>
          ) : null}
        </Descriptions>

        {enrolling && (setup || codes) ? (
          <Steps
            size="small"
            current={stepOf}
            style={{ marginBottom: 24, maxWidth: 640 }}
            items={[
              { title: t('security.step1') },
              { title: t('security.step2') },
              { title: t('security.step3') },
            ]}
          />
        ) : null}

        {codes ? (
          <RecoveryCodes
            codes={codes}
            username={me?.username ?? ''}
            onDone={() => {
              setCodes(null);
              if (mustEnrol) navigate('/', { replace: true });
            }}
          />
        ) : setup ? (
          <Flex gap={32} wrap align="flex-start" data-testid="security-setup">
            <Flex vertical gap={8} align="center">
              <img
                src={setup.qrDataUrl}
                alt={setup.otpauthUrl}
                width={200}
                height={200}
                style={{ border: '1px solid #f0f0f0', borderRadius: 8, imageRendering: 'pixelated' }}
                data-testid="security-qr"
              />
            </Flex>
            <Flex vertical gap={8} style={{ flex: 1, minWidth: 260 }}>
              <Typography.Text strong>1. {t('security.step1')}</Typography.Text>
              <Typography.Text type="secondary">{t('security.step1Hint')}</Typography.Text>
              <Typography.Text type="secondary">{t('security.manual')}</Typography.Text>
              <Typography.Text
                copyable={{ text: setup.secret }}
                code
                style={{ fontSize: 16, fontFamily: 'monospace', wordBreak: 'break-all' }}
                data-testid="security-secret"
              >
                {grouped(setup.secret)}
              </Typography.Text>
              <Typography.Text strong style={{ marginTop: 12 }}>
                2. {t('security.step2')}
              </Typography.Text>
              <Typography.Text type="secondary">{t('security.step2Hint')}</Typography.Text>
              <Form form={codeForm} layout="inline" onFinish={confirm} style={{ rowGap: 8 }}>
                <CodeInput t={t} testId="security-enable-code" autoFocus />
                <Form.Item label=" " colon={false}>
                  <Button
                    type="primary"
                    htmlType="submit"
                    size="large"
                    loading={confirming}
                    data-testid="security-enable-submit"
                  >
                    {t('security.confirm')}
                  </Button>
                </Form.Item>
              </Form>
            </Flex>
          </Flex>
        ) : s.enabled ? (
          <Flex vertical gap={12}>
            {s.recoveryCodesLeft <= 3 ? (
              <Alert type="warning" showIcon title={t('security.codesLow')} />
            ) : null}
            <Flex gap={8} wrap>
              <Button
                icon={<KeyOutlined />}
                onClick={() => setModal('regenerate')}
                data-testid="security-regenerate"
              >
                {t('security.regenerate')}
              </Button>
              <Tooltip title={s.required ? t('security.cannotDisable') : undefined}>
                <Button
                  danger
                  disabled={s.required}
                  onClick={() => setModal('disable')}
                  data-testid="security-disable"
                >
                  {t('security.disable')}
                </Button>
              </Tooltip>
            </Flex>
            <Typography.Text type="secondary">{t('security.lostPhone')}</Typography.Text>
          </Flex>
        ) : s.demo ? null : (
          <Flex vertical gap={12} align="flex-start">
            {s.required ? null : <Typography.Text type="secondary">{t('security.optional')}</Typography.Text>}
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={starting}
              onClick={start}
              data-testid="security-start"
            >
              {t('security.start')}
            </Button>
          </Flex>
        )}
      </Card>

      <CodeModal
        open={modal === 'regenerate'}
        title={t('security.regenerate')}
        hint={t('security.regenerateHint')}
        onClose={() => setModal(null)}
        run={async (code) => {
          const res = await api.post<RecoveryCodesDto>('/api/auth/two-factor/recovery-codes', { code });
          setModal(null);
          setCodes(res.recoveryCodes);
          await reload();
        }}
      />
      <CodeModal
        open={modal === 'disable'}
        title={t('security.disable')}
        hint={t('security.disableHint')}
        danger
        onClose={() => setModal(null)}
        run={async (code) => {
          await api.post('/api/auth/two-factor/disable', { code });
          setModal(null);
          message.success(t('security.disabled'));
          await reload();
        }}
      />
    </div>
  );
}
