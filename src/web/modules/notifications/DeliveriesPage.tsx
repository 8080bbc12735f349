import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES } from '../../../shared/contracts/notifications';
import { PageHeader } from '../../app/components/PageHeader';
import { fixedPaging } from '../../app/components/QueryTable';
import { EmptyHint, ErrorResult } from '../../app/components/Status';
import { useI18n } from '../../app/i18n';
import { dateTimeColumn } from '../../app/components/columns';
import { FilterSelect } from '../../app/components/FilterSelect';
import { refilterOf } from '../../app/usePaging';
import { type Delivery, notificationsApi, notificationsKeys } from './api';

const STATUS_COLOR = { pending: 'gold', sent: 'green', failed: 'red' } as const;
const CHANNEL_LABEL = {
  sms: 'notif.ch.sms',
  email: 'notif.ch.email',
  wecom: 'notif.robots.kind.wecom',
  dingtalk: 'notif.robots.kind.dingtalk',
} as const;

/** 通知发送记录: what went out by SMS, email and robots in the manager's subtree, with failures and retries. */
export default function DeliveriesPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const refilter = refilterOf(setPage);
  const [status, setStatus] = useState<string | undefined>();
  const [channel, setChannel] = useState<string | undefined>();
  const q = { page, pageSize: 20, status, channel };
  const list = useQuery({
    queryKey: notificationsKeys.deliveries(q),
    queryFn: () => notificationsApi.deliveries(q),
  });
  const columns: TableColumnsType<Delivery> = [
    dateTimeColumn(t('notif.del.time'), 'createdAt', 170),
    { title: t('notif.del.event'), dataIndex: 'title' },
    {
      title: t('notif.del.channel'),
      dataIndex: 'channel',
      render: (c: Delivery['channel']) => t(CHANNEL_LABEL[c]),
    },
    { title: t('notif.del.target'), dataIndex: 'target' },
    {
      title: t('notif.del.status'),
      dataIndex: 'status',
      render: (s: Delivery['status']) => <Tag color={STATUS_COLOR[s]}>{t(`notif.del.st.${s}`)}</Tag>,
    },
    { title: t('notif.del.attempts'), dataIndex: 'attempts', width: 90 },
    { title: t('notif.del.error'), dataIndex: 'lastError', ellipsis: true },
  ];
  return (
    <>
      <PageHeader title={t('notif.del.title')} subtitle={t('notif.del.subtitle')} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <FilterSelect
            width={160}
            placeholder={t('notif.del.allStatus')}
            value={status}
            onChange={refilter(setStatus)}
            options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`notif.del.st.${s}`) }))}
          />
          <FilterSelect
            width={160}
            placeholder={t('notif.del.allChannels')}
            value={channel}
            onChange={refilter(setChannel)}
            options={DELIVERY_CHANNELS.map((c) => ({ value: c, label: t(CHANNEL_LABEL[c]) }))}
          />
        </Flex>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<Delivery>
            rowKey="id"
            loading={list.isLoading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 900 }}
            locale={{ emptyText: <EmptyHint text={t('notif.empty')} /> }}
            pagination={fixedPaging(list, page, 20, setPage)}
          />
        )}
      </Card>
    </>
  );
}
