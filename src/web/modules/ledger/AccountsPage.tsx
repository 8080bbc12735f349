import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Modal, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { OWNER_KINDS } from '../../../shared/contracts/ledger';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { RowLinkTable } from '../../app/components/RowLinkTable';
import { useShowError } from '../../app/errors';
import { formatNumber, formatYuan } from '../../app/format';
import { type MessageKey, useI18n } from '../../app/i18n';
import { linkColumn } from '../../app/components/columns';
import { OrgUnitSelect } from '../org/api';
import { type Account, type AccountFilters, hours, ledgerApi, ledgerKeys, type Verify } from './api';
import { FilterSelect } from '../../app/components/FilterSelect';
import { SmallTable } from '../../app/components/SmallTable';
import { usePaging } from '../../app/usePaging';

export const ownerKey = (k: string) => `ledger.owner.${k}` as MessageKey;
export const unitKey = (u: string) => `ledger.unit.${u}` as MessageKey;
export const kindKey = (k: string) => `ledger.kind.${k}` as MessageKey;

/** A balance in its unit: points as a number, minutes as minutes and hours, fen as yuan with two decimals. */
export function Amount({ value, unit, signed }: { value: number; unit: string; signed?: boolean }) {
  const { t } = useI18n();
  const sign = signed && value > 0 ? '+' : '';
  const color = signed ? (value < 0 ? '#cf1322' : '#389e0d') : undefined;
  return (
    <span style={{ color, fontVariantNumeric: 'tabular-nums' }}>
      {sign}
      {unit === 'fen' ? `${value < 0 ? '-' : ''}¥${formatYuan(Math.abs(value))}` : formatNumber(value)}
      {unit === 'minutes' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
          {t('ledger.minutesAsHours', { h: `${sign}${hours(value)}` })}
        </Typography.Text>
      ) : null}
    </span>
  );
}

export function VerifyButton() {
  const { t } = useI18n();
  const { can } = useAuth();
  const showError = useShowError();
  const [result, setResult] = useState<Verify>();
  const run = useMutation({
    mutationFn: ledgerApi.verify,
    onSuccess: setResult,
    onError: (e) => showError(e),
  });
  if (!can('ledger.write')) return null;
  return (
    <>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={run.isPending}
        onClick={() => run.mutate()}
        data-testid="ledger-verify"
      >
        {t('ledger.verify.button')}
      </Button>
      <Modal
        open={!!result}
        onCancel={() => setResult(undefined)}
        footer={null}
        title={t('ledger.verify.button')}
        width={720}
      >
        {result?.ok ? (
          <Alert
            type="success"
            showIcon
            data-testid="ledger-verify-ok"
            message={t('ledger.verify.ok')}
            description={t('ledger.verify.okText', {
              t: result.transactions,
              e: result.entries,
              a: result.accounts,
            })}
          />
        ) : result ? (
          <>
            <Alert
              type="error"
              showIcon
              data-testid="ledger-verify-bad"
              message={t('ledger.verify.bad', { n: result.discrepancies.length + result.outsideScope })}
              description={
                result.outsideScope > 0 ? t('ledger.verify.outside', { n: result.outsideScope }) : undefined
              }
              style={{ marginBottom: 12 }}
            />
            <SmallTable
              rowKey={(r) => `${r.check}-${r.id}`}
              dataSource={result.discrepancies}
              columns={[
                { title: t('ledger.verify.check'), dataIndex: 'check', width: 180 },
                { title: t('ledger.verify.object'), dataIndex: 'id', ellipsis: true },
                { title: t('ledger.verify.detail'), dataIndex: 'detail' },
              ]}
            />
          </>
        ) : null}
      </Modal>
    </>
  );
}

/** Ledger accounts in the user's area: volunteers, issuing communities, redemption points, time pools. */
export default function AccountsPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<AccountFilters>({});
  const { page, pageSize, setPage, setPaging } = usePaging();
  const list = useQuery({
    queryKey: ledgerKeys.accounts(filters, page, pageSize),
    queryFn: () => ledgerApi.accounts(filters, page, pageSize),
  });
  const set = (f: Partial<AccountFilters>) => {
    setFilters((x) => ({ ...x, ...f }));
    setPage(1);
  };
  const columns: TableColumnsType<Account> = [
    linkColumn<Account>(t('ledger.field.name'), 'name', (r) => `/ledger/accounts/${r.id}`),
    {
      title: t('ledger.field.ownerKind'),
      dataIndex: 'ownerKind',
      width: 130,
      render: (k: string, r) => (
        <Tag color={r.credit ? 'gold' : k === 'pool' ? 'purple' : 'blue'}>{t(ownerKey(k))}</Tag>
      ),
    },
    {
      title: t('ledger.field.unit'),
      dataIndex: 'unit',
      width: 80,
      render: (u: string) => t(unitKey(u)),
    },
    { title: t('ledger.field.community'), dataIndex: 'orgUnitName', width: 140, responsive: ['md'] },
    {
      title: t('ledger.field.balance'),
      dataIndex: 'balance',
      width: 170,
      align: 'right',
      render: (v: number, r) => <Amount value={v} unit={r.unit} />,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('ledger.accounts.title')}
        subtitle={t('ledger.accounts.subtitle')}
        extra={<VerifyButton />}
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('ledger.accounts.search')}
          style={{ width: 200 }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          data-testid="ledger-search"
        />
        <FilterSelect
          width={150}
          placeholder={t('ledger.field.ownerKind')}
          value={filters.ownerKind}
          onChange={(v) => set({ ownerKind: v })}
          options={OWNER_KINDS.map((k) => ({ value: k, label: t(ownerKey(k)) }))}
        />
        <FilterSelect
          width={100}
          placeholder={t('ledger.field.unit')}
          value={filters.unit}
          onChange={(v) => set({ unit: v })}
          options={['points', 'minutes'].map((u) => ({ value: u, label: t(unitKey(u)) }))}
        />
        <OrgUnitSelect
          allowClear
          placeholder={t('ledger.accounts.unitFilter')}
          style={{ width: 220 }}
          value={filters.orgUnitId}
          onChange={(v) => set({ orgUnitId: v })}
        />
      </Flex>
      <RowLinkTable<Account>
        list={list}
        columns={columns}
        empty={t('ledger.accounts.empty')}
        rowTestId="ledger-account-row"
        rowPath={(r) => `/ledger/accounts/${r.id}`}
        page={page}
        pageSize={pageSize}
        onPaging={setPaging}
      />
    </>
  );
}
