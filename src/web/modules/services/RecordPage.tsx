import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { useParams, useSearchParams } from 'react-router';
import { ErrorResult, PageLoading } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { dateColumn } from '../../app/components/columns';
import { svcApi, svcKeys } from './api';
import { SmallTable } from '../../app/components/SmallTable';

/** The yearly service record of a reporting party member, printable for their employer unit. */
export default function RecordPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || dayjs().year();
  const { message } = App.useApp();
  const showError = useShowError();
  const q = useQuery({ queryKey: svcKeys.record(id, year), queryFn: () => svcApi.record(id, year) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const r = q.data;
  return (
    <>
      {/* Printed for the employer unit: only the record, without the console around it. */}
      <style>
        {
          '@media print { .ant-layout-sider, .ant-layout-header, header, .no-print { display: none !important; } .ant-layout-content { margin: 0 !important; padding: 0 !important; } }'
        }
      </style>
      <Flex justify="space-between" className="no-print" style={{ marginBottom: 12 }} gap={8} wrap>
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setParams({ year: String(v) })}
          addonAfter="年"
        />
        <Flex gap={8}>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('services.record.print')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              svcApi
                .recordXlsx(id, year)
                .then((n) => message.success(n))
                .catch(showError)
            }
          >
            Excel
          </Button>
        </Flex>
      </Flex>
      <Card style={{ maxWidth: 820, margin: '0 auto' }} data-testid="year-record">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('services.record.title', { year })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('services.record.intro')}
        </Typography.Paragraph>
        <Descriptions bordered column={2} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('services.record.name')}>{r.name}</Descriptions.Item>
          <Descriptions.Item label={t('services.record.employer')}>{r.employer ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('services.record.community')}>{r.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('services.record.orders')}>{r.ordersServed}</Descriptions.Item>
          <Descriptions.Item label={t('services.record.hours')}>
            {t('services.hours', { n: Math.round((r.minutes / 60) * 10) / 10 })}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.record.rating')}>
            {r.averageRating?.toFixed(2) ?? '—'}
          </Descriptions.Item>
        </Descriptions>
        <SmallTable
          rowKey="number"
          dataSource={r.orders}
          columns={[
            dateColumn(t('services.record.date'), 'date', 120),
            { title: t('services.field.number'), dataIndex: 'number', width: 170 },
            { title: t('services.field.title'), dataIndex: 'title' },
            {
              title: t('services.field.served'),
              dataIndex: 'minutes',
              width: 100,
              render: (v: number) => t('services.minutes', { n: v }),
            },
            {
              title: t('services.field.rating'),
              dataIndex: 'rating',
              width: 70,
              render: (v: number | null) => v ?? '—',
            },
          ]}
        />
        <Flex justify="end" style={{ marginTop: 40 }}>
          <Typography.Text>
            {t('services.record.stamp')}:__________ {dayjs().format('YYYY-MM-DD')}
          </Typography.Text>
        </Flex>
      </Card>
    </>
  );
}
