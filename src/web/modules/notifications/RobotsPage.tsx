import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Radio,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { type CreateWebhookBody, WEBHOOK_KINDS } from '../../../shared/contracts/notifications';
import { AddButton } from '../../app/components/AddButton';
import { PageHeader } from '../../app/components/PageHeader';
import { fixedPaging } from '../../app/components/QueryTable';
import { EmptyHint, ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { FormSaveModal, useFormSaving } from '../../app/formSaving';
import { useI18n } from '../../app/i18n';
import { requiredText } from '../../app/formRules';
import { OrgUnitSelect } from '../org/api';
import { type Webhook, notificationsApi, notificationsKeys } from './api';

type Values = Omit<CreateWebhookBody, 'events' | 'enabled'>;

function AddRobotModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [saving, runSave] = useFormSaving(form);
  const submit = (v: Values) =>
    runSave(async () => {
      await notificationsApi.createWebhook({
        ...v,
        secret: v.secret?.trim() || null,
        events: [],
        enabled: true,
      });
      await qc.invalidateQueries({ queryKey: notificationsKeys.all });
      onClose();
    });
  return (
    <FormSaveModal
      form={form}
      saving={saving}
      open={open}
      title={t('notif.robots.add')}
      onCancel={onClose}
      width={600}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{ kind: 'wecom', subtree: true }}
      >
        <Form.Item
          name="orgUnitId"
          label={t('notif.robots.unit')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <OrgUnitSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('notif.robots.kind')}>
          <Radio.Group
            options={WEBHOOK_KINDS.map((k) => ({ value: k, label: t(`notif.robots.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('notif.robots.name')} rules={requiredText(t)}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('notif.robots.url')}
          extra={t('notif.robots.urlHint')}
          rules={requiredText(t)}
        >
          <Input maxLength={500} autoComplete="off" />
        </Form.Item>
        {kind === 'dingtalk' ? (
          <Form.Item name="secret" label={t('notif.robots.secret')}>
            <Input.Password maxLength={200} autoComplete="off" />
          </Form.Item>
        ) : null}
        <Form.Item name="subtree" label={t('notif.robots.subtree')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormSaveModal>
  );
}

/** 群机器人: a unit's WeCom / DingTalk group robots (notifications.manage). */
export default function RobotsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const showError = useShowError();
  const [adding, setAdding] = useState(false);
  const [page, setPage] = useState(1);
  const q = { page, pageSize: 20 };
  const list = useQuery({
    queryKey: notificationsKeys.webhooks(q),
    queryFn: () => notificationsApi.webhooks(q),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: notificationsKeys.all });
  const act = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) message.success(done);
      await refresh();
    } catch (e) {
      showError(e);
    }
  };
  const columns: TableColumnsType<Webhook> = [
    { title: t('notif.robots.name'), dataIndex: 'name' },
    { title: t('notif.robots.unit'), dataIndex: 'orgUnitName' },
    {
      title: t('notif.robots.kind'),
      dataIndex: 'kind',
      render: (k: Webhook['kind'], r) => (
        <Space size={4}>
          <Tag color={k === 'wecom' ? 'green' : 'blue'}>{t(`notif.robots.kind.${k}`)}</Tag>
          {r.signed ? <Tag>{t('notif.robots.signed')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('notif.robots.url'), dataIndex: 'url', ellipsis: true, width: 240 },
    {
      title: t('notif.robots.subtree'),
      dataIndex: 'subtree',
      render: (v: boolean) => (v ? t('notif.robots.scope.subtree') : t('notif.robots.scope.self')),
    },
    {
      title: t('notif.robots.enabled'),
      dataIndex: 'enabled',
      render: (v: boolean, r) => (
        <Switch
          checked={v}
          size="small"
          onChange={(enabled) => act(() => notificationsApi.updateWebhook(r.id, { enabled }))}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space>
          <Button
            size="small"
            onClick={() => act(() => notificationsApi.testWebhook(r.id), t('notif.robots.tested'))}
          >
            {t('notif.robots.test')}
          </Button>
          <Popconfirm
            title={t('notif.robots.deleteConfirm')}
            onConfirm={() => act(() => notificationsApi.deleteWebhook(r.id))}
          >
            <Button size="small" danger>
              {t('notif.robots.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('notif.robots.title')}
        subtitle={t('notif.robots.subtitle')}
        extra={
          <AddButton onClick={() => setAdding(true)} data-testid="robot-add">
            {t('notif.robots.add')}
          </AddButton>
        }
      />
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<Webhook>
            rowKey="id"
            loading={list.isLoading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyHint text={t('notif.robots.empty')} /> }}
            pagination={fixedPaging(list, page, 20, setPage)}
          />
        )}
      </Card>
      <AddRobotModal open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
