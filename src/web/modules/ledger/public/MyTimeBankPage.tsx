import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, List, Popconfirm, Progress, Typography } from 'antd';
import { useRef } from 'react';
import { Link } from 'react-router';
import { ErrorResult, PageLoading } from '../../../app/components/Status';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { PublicSection, PublicShell } from '../../../app/components/PublicShell';
import { hours, ledgerApi, ledgerKeys, newKey } from '../api';
import { RequireLogin, StatementList } from './parts';

function Content() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const q = useQuery({ queryKey: ledgerKeys.me, queryFn: ledgerApi.me });
  const [dForm] = Form.useForm<{ name: string; relation: string }>();
  const [gForm] = Form.useForm<{ minutes: number }>();
  const gKey = useRef(newKey());
  const refresh = () => qc.invalidateQueries({ queryKey: ledgerKeys.all });
  const accountId = q.data?.minutes?.id ?? '';
  const add = useMutation({
    mutationFn: (v: { name: string; relation: string }) => ledgerApi.addDesignee(accountId, v),
    onSuccess: () => {
      dForm.resetFields();
      refresh();
    },
    onError: (e) => showError(e, dForm),
  });
  const revoke = useMutation({
    mutationFn: ledgerApi.revokeDesignee,
    onSuccess: refresh,
    onError: (e) => showError(e),
  });
  const donate = useMutation({
    mutationFn: (v: { minutes: number }) =>
      ledgerApi.donate(accountId, { ...v, idempotencyKey: gKey.current }),
    onSuccess: (r) => {
      gKey.current = newKey();
      gForm.resetFields();
      message.success(r.duplicate ? t('ledger.timebank.duplicate') : t('ledger.timebank.done'));
      refresh();
    },
    onError: (e) => showError(e, gForm),
  });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const me = q.data;
  if (!me.minutes)
    return (
      <>
        <Alert
          type="info"
          showIcon
          message={me.volunteer ? t('ledger.m.noAccount') : t('ledger.m.notVolunteer')}
          style={{ marginBottom: 12 }}
        />
        <Link to="/m/points" className="linli-public-link linli-public-card" style={{ display: 'flex' }}>
          <span>{t('ledger.m.toPoints')}</span>
        </Link>
      </>
    );
  const balance = me.minutes.balance;
  const pct = Math.min(100, Math.round((balance / me.capMinutes) * 1000) / 10);
  return (
    <>
      <section className="linli-public-card" style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('ledger.m.minutes')}</Typography.Text>
        <div className="linli-public-number" style={{ fontSize: 40 }} data-testid="m-timebank-balance">
          {hours(balance)} h
        </div>
        <Typography.Text type="secondary">{balance} 分钟</Typography.Text>
        <Progress percent={pct} showInfo={false} style={{ margin: '8px 0 0' }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ledger.m.capUsed', { pct, h: hours(me.capMinutes) })}
        </Typography.Text>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ledger.m.noCash')}
          </Typography.Text>
        </div>
      </section>
      <PublicSection n={1} title={t('ledger.timebank.designees')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('ledger.timebank.designeesHint')}
        </Typography.Paragraph>
        <List
          size="small"
          dataSource={me.designees}
          locale={{ emptyText: t('ledger.timebank.noDesignees') }}
          renderItem={(d) => (
            <List.Item
              data-testid="m-designee"
              actions={[
                <Popconfirm key="r" title={t('ledger.timebank.revoke')} onConfirm={() => revoke.mutate(d.id)}>
                  <Button type="link" danger size="small">
                    {t('ledger.timebank.revoke')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              {d.name}({d.relation})
            </List.Item>
          )}
        />
        <Form form={dForm} layout="vertical" onFinish={(v) => add.mutate(v)} style={{ marginTop: 12 }}>
          <Form.Item
            name="name"
            label={t('ledger.timebank.designeeName')}
            rules={[{ required: true, whitespace: true, max: 50 }]}
          >
            <Input size="large" />
          </Form.Item>
          <Form.Item
            name="relation"
            label={t('ledger.timebank.relation')}
            rules={[{ required: true, whitespace: true, max: 20 }]}
          >
            <Input size="large" placeholder="母亲 / 父亲 / 配偶" />
          </Form.Item>
          <Button htmlType="submit" size="large" block loading={add.isPending}>
            {t('ledger.timebank.addDesignee')}
          </Button>
        </Form>
      </PublicSection>
      <PublicSection n={2} title={t('ledger.timebank.donate')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('ledger.timebank.donateHint')}
        </Typography.Paragraph>
        <Form form={gForm} layout="vertical" onFinish={(v) => donate.mutate(v)}>
          <Form.Item name="minutes" label={t('ledger.timebank.minutes')} rules={[{ required: true }]}>
            <InputNumber
              size="large"
              min={1}
              max={Math.max(1, balance)}
              precision={0}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={donate.isPending}
            disabled={balance <= 0}
            data-testid="m-donate"
          >
            {t('ledger.timebank.donate')}
          </Button>
        </Form>
      </PublicSection>
      <PublicSection n={3} title={t('ledger.m.statement')}>
        <StatementList accountId={me.minutes.id} unit="minutes" />
      </PublicSection>
      <Link to="/m/points" className="linli-public-link linli-public-card" style={{ display: 'flex' }}>
        <span>{t('ledger.m.toPoints')}</span>
      </Link>
    </>
  );
}

/** /m/timebank: my banked minutes, designated family members, donation to the community pool (R-VP-2). */
export default function MyTimeBankPage() {
  const { t } = useI18n();
  return (
    <PublicShell title={t('ledger.m.timebank')}>
      <RequireLogin>
        <Content />
      </RequireLogin>
    </PublicShell>
  );
}
