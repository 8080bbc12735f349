import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { TIME_BANK_CAP_HOURS } from '../../../shared/contracts/ledger';
import { DownloadButton } from '../../app/components/DownloadButton';
import { PageHeader } from '../../app/components/PageHeader';
import { useSaving } from '../../app/components/useSaving';
import { ErrorResult, NotFoundResult, PageLoading } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { ConfirmDangerLink } from '../../app/components/ConfirmDangerLink';
import { useI18n } from '../../app/i18n';
import { dateTimeColumn } from '../../app/components/columns';
import { Amount, kindKey, ownerKey, unitKey } from './AccountsPage';
import {
  type Account,
  type Designee,
  ledgerApi,
  ledgerKeys,
  newKey,
  type Posting,
  type StatementLine,
} from './api';
import { refilterOf, usePaging } from '../../app/usePaging';
import { sizePickerPaging } from '../../app/components/QueryTable';

/** One account: header, period filter, statement with running balance, export, reversal; time-bank tools. */
export default function StatementPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const { page, pageSize, setPage, setPaging } = usePaging();
  const refilter = refilterOf(setPage);
  const [reversing, setReversing] = useState<StatementLine>();
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const q = useQuery({
    queryKey: ledgerKeys.statement(id, from, to, page, pageSize),
    queryFn: () => ledgerApi.statement(id, { from, to, page, pageSize }),
  });
  if (q.isPending) return <PageLoading />;
  if (q.isError) {
    const nf = (q.error as { status?: number }).status === 404;
    return nf ? <NotFoundResult /> : <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  }
  const s = q.data;
  const acc = s.account;
  const timeBank = acc.unit === 'minutes' && acc.ownerKind === 'volunteer';
  const columns: TableColumnsType<StatementLine> = [
    dateTimeColumn(t('ledger.field.time'), 'createdAt', 150),
    {
      title: t('ledger.field.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: string, r) => (
        <Space size={4} wrap>
          <span>{t(kindKey(k))}</span>
          {r.reversedById ? <Tag color="red">{t('ledger.statement.reversed')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('ledger.field.memo'), dataIndex: 'memo', ellipsis: true },
    {
      title: t('ledger.field.counterpart'),
      dataIndex: 'counterparts',
      width: 140,
      responsive: ['lg'],
      render: (v: string[]) => v.join('、'),
    },
    {
      title: t('ledger.field.amount'),
      dataIndex: 'amount',
      width: 150,
      align: 'right',
      render: (v: number) => <Amount value={v} unit={acc.unit} signed />,
    },
    {
      title: t('ledger.field.balanceAfter'),
      dataIndex: 'balanceAfter',
      width: 150,
      align: 'right',
      render: (v: number) => <Amount value={v} unit={acc.unit} />,
    },
    { title: t('ledger.field.actor'), dataIndex: 'actorName', width: 90, responsive: ['xl'] },
    ...(s.abilities.reverse
      ? [
          {
            key: 'actions',
            width: 80,
            render: (_: unknown, r: StatementLine) =>
              r.reversedById || !r.reversible ? null : (
                <Button
                  size="small"
                  danger
                  type="link"
                  onClick={() => setReversing(r)}
                  data-testid="ledger-reverse"
                >
                  {t('ledger.reverse.button')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Link to="/ledger/accounts">
        <ArrowLeftOutlined /> {t('ledger.statement.back')}
      </Link>
      <PageHeader
        title={`${acc.name} · ${t(unitKey(acc.unit))}`}
        subtitle={t('ledger.statement.title')}
        extra={
          <DownloadButton download={() => ledgerApi.exportStatement(id, { from, to })}>
            {t('ledger.statement.export')}
          </DownloadButton>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('ledger.field.ownerKind')}>
            {t(ownerKey(acc.ownerKind))}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.field.community')}>{acc.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('ledger.field.balance')}>
            <Typography.Text strong data-testid="ledger-balance">
              <Amount value={acc.balance} unit={acc.unit} />
            </Typography.Text>
          </Descriptions.Item>
          {acc.cap !== null ? (
            <Descriptions.Item label={t('ledger.field.cap')}>
              <Amount value={acc.cap} unit={acc.unit} />
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {timeBank ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            message={t('ledger.statement.capHint', { h: TIME_BANK_CAP_HOURS })}
          />
        ) : null}
      </Card>
      {timeBank ? <TimeBankTools account={acc} abilities={s.abilities} /> : null}
      {acc.ownerKind === 'pool' && s.abilities.withdraw ? <PoolTools account={acc} /> : null}
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('ledger.statement.period')}</Typography.Text>
        <DatePicker.RangePicker value={range} onChange={refilter(setRange)} />
        {from ? (
          <Typography.Text type="secondary">
            {t('ledger.statement.opening')}: <Amount value={s.openingBalance} unit={acc.unit} />
          </Typography.Text>
        ) : null}
      </Flex>
      <Table<StatementLine>
        rowKey="seq"
        size="middle"
        columns={columns}
        dataSource={s.items}
        loading={q.isFetching}
        onRow={() => ({ 'data-testid': 'ledger-line' }) as React.HTMLAttributes<HTMLElement>}
        pagination={sizePickerPaging(s.total, page, pageSize, setPaging)}
      />
      <ReverseModal
        line={reversing}
        onClose={() => setReversing(undefined)}
        onDone={() => {
          setReversing(undefined);
          qc.invalidateQueries({ queryKey: ledgerKeys.all });
        }}
        onError={showError}
      />
    </>
  );
}

function ReverseModal({
  line,
  onClose,
  onDone,
  onError,
}: {
  line?: StatementLine;
  onClose: () => void;
  onDone: () => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const key = useRef(newKey());
  const m = useMutation({
    mutationFn: (reason: string) => ledgerApi.reverse(line!.transactionId, reason, key.current),
    onSuccess: () => {
      message.success(t('ledger.reverse.done'));
      key.current = newKey();
      form.resetFields();
      onDone();
    },
    onError: (e) => onError(e),
  });
  return (
    <Modal
      open={!!line}
      title={t('ledger.reverse.title')}
      onCancel={onClose}
      okButtonProps={{ danger: true, loading: m.isPending }}
      okText={t('ledger.reverse.button')}
      onOk={() => form.validateFields().then((v) => m.mutate(v.reason))}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ledger.reverse.text')}</Typography.Paragraph>
      {line ? (
        <Typography.Paragraph>
          {formatDateTime(line.createdAt)} · {t(kindKey(line.kind))} · {line.memo}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('ledger.reverse.reason')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input.TextArea rows={2} maxLength={200} data-testid="ledger-reverse-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * A time-bank posting sent with the form's idempotency key: on success a new key, the form cleared, a toast
 * (done, or already recorded) and the ledger refreshed; an error lands on the form's fields.
 */
function usePosting<V>(form: FormInstance, post: (v: V, idempotencyKey: string) => Promise<Posting>) {
  const { t } = useI18n();
  const key = useRef(newKey());
  return useSaving((v: V) => post(v, key.current), {
    invalidate: ledgerKeys.all,
    done: (r) => (r.duplicate ? t('ledger.timebank.duplicate') : t('ledger.timebank.done')),
    form,
    after: () => {
      key.current = newKey();
      form.resetFields();
    },
  });
}

/** Designees, staff-recorded withdrawals and donations to the community pool (R-VP-2). */
function TimeBankTools({
  account,
  abilities,
}: {
  account: Account;
  abilities: { withdraw: boolean; donate: boolean };
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const designees = useQuery({
    queryKey: ledgerKeys.designees(account.id),
    queryFn: () => ledgerApi.designees(account.id),
  });
  const [dForm] = Form.useForm<{ name: string; relation: string }>();
  const [wForm] = Form.useForm<{ beneficiary: string; minutes: number; memo: string }>();
  const [gForm] = Form.useForm<{ minutes: number }>();
  const refresh = () => qc.invalidateQueries({ queryKey: ledgerKeys.all });
  const add = useMutation({
    mutationFn: (v: { name: string; relation: string }) => ledgerApi.addDesignee(account.id, v),
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
  const withdraw = usePosting(
    wForm,
    (v: { beneficiary: string; minutes: number; memo: string }, idempotencyKey) =>
      ledgerApi.withdraw(account.id, { ...v, idempotencyKey }),
  );
  const donate = usePosting(gForm, (v: { minutes: number }, idempotencyKey) =>
    ledgerApi.donate(account.id, { ...v, idempotencyKey }),
  );
  const list: Designee[] = designees.data ?? [];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={abilities.withdraw ? 8 : 12}>
        <Card size="small" title={t('ledger.timebank.designees')} style={{ height: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('ledger.timebank.designeesHint')}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={list}
            locale={{ emptyText: t('ledger.timebank.noDesignees') }}
            renderItem={(d) => (
              <List.Item
                actions={[
                  d.consent ? null : <ConsentButton key="c" designee={d} onDone={refresh} />,
                  <ConfirmDangerLink
                    key="r"
                    title={t('ledger.timebank.revoke')}
                    onConfirm={() => revoke.mutate(d.id)}
                  >
                    {t('ledger.timebank.revoke')}
                  </ConfirmDangerLink>,
                ]}
              >
                <Space size={4} wrap>
                  {d.name}({d.relation})
                  {d.link === 'household' ? <Tag>{t('ledger.family.household')}</Tag> : null}
                  {d.consent ? (
                    <Tag color="green" title={d.consent.note ?? undefined}>
                      {t(
                        d.consent.by === 'holder'
                          ? 'ledger.family.consentHolder'
                          : 'ledger.family.consentStaff',
                      )}
                    </Tag>
                  ) : (
                    <Tag color="orange">{t('ledger.family.noConsent')}</Tag>
                  )}
                </Space>
              </List.Item>
            )}
          />
          <Form
            form={dForm}
            layout="inline"
            onFinish={(v) => add.mutate(v)}
            style={{ marginTop: 8, rowGap: 8 }}
          >
            <Form.Item name="name" rules={[{ required: true, whitespace: true, max: 50 }]}>
              <Input placeholder={t('ledger.timebank.designeeName')} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="relation" rules={[{ required: true, whitespace: true, max: 20 }]}>
              <Input placeholder={t('ledger.timebank.relation')} style={{ width: 80 }} />
            </Form.Item>
            <Button htmlType="submit" loading={add.isPending}>
              {t('ledger.timebank.addDesignee')}
            </Button>
          </Form>
        </Card>
      </Col>
      {abilities.withdraw ? (
        <Col xs={24} lg={8}>
          <Card size="small" title={t('ledger.timebank.withdraw')} style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('ledger.timebank.withdrawHint')}
            </Typography.Paragraph>
            <Form
              form={wForm}
              layout="vertical"
              initialValues={{ beneficiary: 'holder' }}
              onFinish={(v) => withdraw.mutate(v)}
            >
              <Form.Item
                name="beneficiary"
                label={t('ledger.timebank.beneficiary')}
                rules={[{ required: true }]}
              >
                <Select
                  options={[
                    { value: 'holder', label: `${account.name}(${t('ledger.timebank.holder')})` },
                    ...list.map((d) => ({ value: d.id, label: `${d.name}(${d.relation})` })),
                  ]}
                />
              </Form.Item>
              <Form.Item name="minutes" label={t('ledger.timebank.minutes')} rules={[{ required: true }]}>
                <InputNumber min={1} max={1440} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="memo"
                label={t('ledger.timebank.service')}
                rules={[{ required: true, whitespace: true, max: 200 }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={withdraw.isPending}
                data-testid="ledger-withdraw"
              >
                {t('ledger.timebank.withdraw')}
              </Button>
            </Form>
          </Card>
        </Col>
      ) : null}
      {abilities.donate ? (
        <Col xs={24} lg={abilities.withdraw ? 8 : 12}>
          <Card size="small" title={t('ledger.timebank.donate')} style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('ledger.timebank.donateHint')}
            </Typography.Paragraph>
            <Form form={gForm} layout="vertical" onFinish={(v) => donate.mutate(v)}>
              <Form.Item name="minutes" label={t('ledger.timebank.minutes')} rules={[{ required: true }]}>
                <InputNumber
                  min={1}
                  max={Math.max(1, account.balance)}
                  precision={0}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Button htmlType="submit" loading={donate.isPending} disabled={account.balance <= 0}>
                {t('ledger.timebank.donate')}
              </Button>
            </Form>
          </Card>
        </Col>
      ) : null}
    </Row>
  );
}

/** Staff spend the community pool's minutes on a service for an elderly person living alone. */
function PoolTools({ account }: { account: Account }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ beneficiaryName: string; minutes: number; memo: string }>();
  const m = usePosting(
    form,
    (v: { beneficiaryName: string; minutes: number; memo: string }, idempotencyKey) =>
      ledgerApi.poolWithdraw({ ...v, communityId: account.ownerId, idempotencyKey }),
  );
  return (
    <Card size="small" title={t('ledger.pool.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('ledger.pool.hint')}
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => m.mutate(v)} style={{ rowGap: 8 }}>
        <Form.Item
          name="beneficiaryName"
          label={t('ledger.pool.beneficiary')}
          rules={[{ required: true, whitespace: true, max: 50 }]}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="minutes" label={t('ledger.timebank.minutes')} rules={[{ required: true }]}>
          <InputNumber min={1} max={1440} precision={0} />
        </Form.Item>
        <Form.Item
          name="memo"
          label={t('ledger.timebank.service')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={m.isPending}
          disabled={account.balance <= 0}
          data-testid="ledger-pool-withdraw"
        >
          {t('ledger.pool.title')}
        </Button>
      </Form>
    </Card>
  );
}

/** Staff record the holder's consent to a family member spending the time bank, stating how it was given. */
function ConsentButton({ designee, onDone }: { designee: Designee; onDone: () => void }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: () => ledgerApi.consent(designee.id, note.trim() || null),
    onSuccess: () => {
      setOpen(false);
      onDone();
    },
    onError: (e) => showError(e),
  });
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)}>
        {t('ledger.family.recordConsent')}
      </Button>
      <Modal
        open={open}
        title={t('ledger.family.recordConsentTitle', { name: designee.name })}
        onCancel={() => setOpen(false)}
        onOk={() => m.mutate()}
        okButtonProps={{ disabled: note.trim().length < 2, loading: m.isPending }}
      >
        <Typography.Paragraph type="secondary">{t('ledger.family.recordConsentHelp')}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}
