import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FUNDING_SOURCES } from '../../../shared/contracts/projects';
import { FormModal } from '../../app/components/Registry';
import { enumOptions } from '../../app/components/enumOptions';
import { ErrorResult, BlockSkeleton } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDate, formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { type DisbursementInput, type Money, type SpendInput, moneyApi, moneyKeys } from './moneyApi';
import { SectionCard, fundingColumn, yuan, yuanColumn } from './parts';
import { SmallTable } from '../../app/components/SmallTable';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PHOTO = 5 * 1024 * 1024;

/** 资金使用: a selected project's budget vs received vs spent, its tranches and spends (R-PJ-5). */
export function MoneyTab({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: moneyKeys.money(applicationId),
    queryFn: () => moneyApi.money(applicationId),
  });
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState<'disburse' | 'spend' | null>(null);
  if (q.isPending) return <BlockSkeleton />;
  if (q.isError) return <ErrorResult error={q.error} />;
  const m = q.data;
  const set = (next: Money) => qc.setQueryData(moneyKeys.money(applicationId), next);
  const last = m.disclosures[0];
  /** What the two record forms (a tranche received, a spend) share: refresh, close, yuan sent as fen, toast. */
  const recordModal = {
    invalidate: moneyKeys.money(applicationId),
    onClose: () => setOpen(null),
    fenFields: ['amount'],
    savedText: t('projects.money.saved'),
  };
  return (
    <SectionCard
      title={t('projects.money.title')}
      data-testid="projects-money"
      extra={
        m.canRecord ? (
          <Space wrap>
            <Button size="small" onClick={() => setOpen('disburse')} data-testid="money-disburse">
              {t('projects.money.addDisbursement')}
            </Button>
            <Button size="small" onClick={() => setOpen('spend')} data-testid="money-spend">
              {t('projects.money.addSpend')}
            </Button>
            {m.canDisclose ? (
              <Popconfirm
                title={t('projects.money.discloseConfirm')}
                onConfirm={() =>
                  moneyApi
                    .disclose(applicationId)
                    .then((next) => {
                      set(next);
                      message.success(t('projects.money.disclosed'));
                    })
                    .catch(showError)
                }
              >
                <Button size="small" type="primary" data-testid="money-disclose">
                  {t('projects.money.disclose')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : null
      }
    >
      <Row gutter={16} style={{ marginBottom: 12 }}>
        {(
          [
            ['budget', m.budgetFen],
            ['disbursed', m.disbursedFen],
            ['spent', m.spentFen, m.spentFen > m.disbursedFen],
            ['balance', m.disbursedFen - m.spentFen],
          ] as const
        ).map(([key, fen, over]) => (
          <Col key={key} xs={12} md={6}>
            <Statistic
              title={t(`projects.money.${key}`)}
              value={yuan(fen)}
              suffix={t('projects.money.yuanUnit')}
              valueStyle={over ? { color: '#cf1322' } : undefined}
            />
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary">
        {last
          ? t('projects.money.lastDisclosed', { at: formatDateTime(last.postedAt) })
          : t('projects.money.notDisclosed')}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Typography.Title level={5}>{t('projects.money.byLine')}</Typography.Title>
          <SmallTable
            rowKey="item"
            dataSource={m.lines}
            columns={[
              { title: t('projects.money.item'), dataIndex: 'item' },
              yuanColumn(t('projects.money.budget'), 'budgetFen'),
              yuanColumn(t('projects.money.spent'), 'spentFen'),
              {
                title: t('projects.money.balance'),
                key: 'bal',
                align: 'right',
                render: (_, l) => (
                  <span style={l.spentFen > l.budgetFen ? { color: '#cf1322' } : undefined}>
                    {yuan(l.budgetFen - l.spentFen)}
                  </span>
                ),
              },
            ]}
          />
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Title level={5}>{t('projects.money.bySource')}</Typography.Title>
          <SmallTable
            rowKey="source"
            dataSource={m.sources}
            columns={[
              fundingColumn(t, t('projects.money.source')),
              yuanColumn(t('projects.money.planned'), 'plannedFen'),
              yuanColumn(t('projects.money.disbursed'), 'disbursedFen'),
            ]}
          />
        </Col>
      </Row>
      <MoneyList
        title={t('projects.money.disbursements')}
        rows={m.disbursements}
        columns={[
          { title: t('projects.money.date'), dataIndex: 'receivedOn', width: 120, render: formatDate },
          fundingColumn(t, t('projects.money.source')),
          yuanColumn(t('projects.money.amount'), 'amountFen'),
          { title: t('projects.money.note'), dataIndex: 'note', responsive: ['md'] },
          { title: t('projects.money.by'), dataIndex: 'createdByName', responsive: ['lg'] },
        ]}
      />
      <MoneyList
        title={t('projects.money.spends')}
        rows={m.spends}
        columns={[
          {
            title: t('projects.money.date'),
            dataIndex: 'spentOn',
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(v)}</span>,
          },
          { title: t('projects.money.item'), dataIndex: 'line' },
          {
            title: t('projects.money.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{yuan(v)}</span>,
          },
          {
            title: t('projects.money.receipt'),
            key: 'receipt',
            render: (_, sp) => (
              <Space size={4} wrap={false} style={{ whiteSpace: 'nowrap' }}>
                {sp.receiptRef}
                {sp.hasReceipt ? (
                  <a href={moneyApi.receiptUrl(applicationId, sp.id)} target="_blank" rel="noreferrer">
                    {t('projects.money.viewReceipt')}
                  </a>
                ) : null}
                {m.canRecord ? (
                  <Upload
                    accept=".jpg,.jpeg,.png,.webp"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      if (!PHOTO_TYPES.includes(file.type) || file.size > MAX_PHOTO)
                        message.error(t('projects.money.photoRule'));
                      else
                        moneyApi
                          .uploadReceipt(applicationId, sp.id, file)
                          .then((next) => {
                            set(next);
                            message.success(t('projects.money.saved'));
                          })
                          .catch(showError);
                      return Upload.LIST_IGNORE;
                    }}
                  >
                    <Button size="small" type="link">
                      {t('projects.money.uploadReceipt')}
                    </Button>
                  </Upload>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('projects.money.note'),
            key: 'note',
            responsive: ['md'],
            render: (_, s) => (
              <Space direction="vertical" size={0}>
                {s.note}
                {s.overrunApprovedBy ? (
                  <Tag color="orange" title={s.overrunReason ?? undefined}>
                    {t('projects.money.overrunTag', { who: s.overrunApprovedBy })}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          { title: t('projects.money.by'), dataIndex: 'createdByName', responsive: ['xxl'] },
        ]}
      />
      {open === 'disburse' ? (
        <FormModal
          title={t('projects.money.addDisbursement')}
          {...recordModal}
          initialValues={{ receivedOn: dayjs() }}
          submit={({ amount, ...b }) =>
            moneyApi.disburse(applicationId, { ...b, amountFen: amount } as DisbursementInput)
          }
        >
          <Form.Item name="source" label={t('projects.money.source')} rules={[{ required: true }]}>
            <Select
              options={enumOptions(t, 'projects.funding', FUNDING_SOURCES)}
              data-testid="disburse-source"
            />
          </Form.Item>
          <DateAndAmount dateName="receivedOn" amountTestId="disburse-amount" />
          <Form.Item name="note" label={t('projects.money.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </FormModal>
      ) : null}
      {open === 'spend' ? (
        <FormModal
          title={t('projects.money.addSpend')}
          {...recordModal}
          initialValues={{ spentOn: dayjs() }}
          submit={({ amount, reason, ...b }) =>
            moneyApi.spend(applicationId, {
              ...b,
              amountFen: amount,
              overrun: reason ? { reason } : null,
            } as SpendInput)
          }
        >
          <Form.Item name="line" label={t('projects.money.item')} rules={[{ required: true }]}>
            <Select
              options={m.lines.map((l) => ({ value: l.item, label: l.item }))}
              data-testid="spend-line"
            />
          </Form.Item>
          <DateAndAmount dateName="spentOn" amountTestId="spend-amount" />
          <Form.Item name="receiptRef" label={t('projects.money.receipt')} rules={[{ required: true }]}>
            <Input maxLength={60} data-testid="spend-receipt" />
          </Form.Item>
          <Form.Item name="note" label={t('projects.money.note')}>
            <Input maxLength={200} />
          </Form.Item>
          <Typography.Text strong>{t('projects.money.overrun')}</Typography.Text>
          <Typography.Paragraph type="secondary">{t('projects.money.overrunHint')}</Typography.Paragraph>
          <Form.Item name="reason" label={t('projects.money.reason')}>
            <Input.TextArea maxLength={200} rows={2} />
          </Form.Item>
        </FormModal>
      ) : null}
    </SectionCard>
  );
}

/** A money record's date (`dateName`) and its amount in yuan (`amount`), both required. */
function DateAndAmount({ dateName, amountTestId }: { dateName: string; amountTestId: string }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name={dateName} label={t('projects.money.date')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="amount" label={t('projects.money.amount')} rules={[{ required: true }]}>
        <InputNumber min={0.01} precision={2} style={{ width: 200 }} data-testid={amountTestId} />
      </Form.Item>
    </>
  );
}

/** One of the money card's record lists (disbursements, spends): a heading over a small table of all rows. */
function MoneyList<R extends { id: string }>({
  title,
  rows,
  columns,
}: {
  title: string;
  rows: R[];
  columns: TableColumnsType<R>;
}) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {title}
      </Typography.Title>
      <SmallTable
        rowKey="id"
        locale={{ emptyText: t('projects.money.empty') }}
        dataSource={rows}
        columns={columns}
      />
    </>
  );
}
