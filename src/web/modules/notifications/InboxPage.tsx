import { SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Flex, List, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyHint, ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { type InboxItem, notificationsApi, notificationsKeys } from './api';

/** 我的通知: newest first; opening one marks it read and goes to its page. */
export default function InboxPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const showError = useShowError();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const q = { page, pageSize: 20, ...(unreadOnly ? { unread: 'true' } : {}) };
  const list = useQuery({ queryKey: notificationsKeys.inbox(q), queryFn: () => notificationsApi.inbox(q) });
  const refresh = () => qc.invalidateQueries({ queryKey: notificationsKeys.all });
  const readAll = useMutation({
    mutationFn: notificationsApi.readAll,
    onSuccess: refresh,
    onError: (e) => showError(e),
  });
  const open = async (item: InboxItem) => {
    try {
      if (!item.read) await notificationsApi.read(item.id);
      refresh();
      if (item.link?.startsWith('/')) navigate(item.link);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <PageHeader
        title={t('notif.title')}
        subtitle={t('notif.subtitle')}
        extra={
          <>
            <Button
              onClick={() => readAll.mutate()}
              loading={readAll.isPending}
              data-testid="notifications-read-all"
            >
              {t('notif.readAll')}
            </Button>
            <Button icon={<SettingOutlined />} onClick={() => navigate('/notifications/settings')}>
              {t('notif.settings')}
            </Button>
          </>
        }
      />
      <Card>
        <Segmented
          style={{ marginBottom: 12 }}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'unread', label: t('notif.unreadOnly') },
          ]}
        />
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <List<InboxItem>
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <EmptyHint text={t('notif.empty')} /> }}
            data-testid="notifications-list"
            pagination={
              (list.data?.total ?? 0) > 20
                ? {
                    current: page,
                    pageSize: 20,
                    total: list.data?.total ?? 0,
                    onChange: setPage,
                    showSizeChanger: false,
                  }
                : false
            }
            renderItem={(item) => (
              <List.Item
                style={{ cursor: 'pointer' }}
                onClick={() => open(item)}
                actions={item.link ? [<Typography.Link key="open">{t('notif.open')}</Typography.Link>] : []}
              >
                <List.Item.Meta
                  title={
                    <Flex gap={8} align="center">
                      {item.read ? null : <Badge status="processing" aria-label={t('notif.unread')} />}
                      <Typography.Text strong={!item.read}>{item.title}</Typography.Text>
                    </Flex>
                  }
                  description={
                    <Flex vertical gap={2}>
                      <Typography.Text style={{ color: '#434343' }}>{item.body}</Typography.Text>
                      <Typography.Text style={{ color: '#595959', fontSize: 12 }}>
                        {formatDateTime(item.createdAt)}
                      </Typography.Text>
                    </Flex>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
