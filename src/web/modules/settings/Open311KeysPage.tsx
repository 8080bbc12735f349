import { CheckOutlined, CopyOutlined, KeyOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import {
  type CreatedOpen311KeyDto,
  type CreateOpen311KeyBody,
  OPEN311_KEY_CHANNELS,
  OPEN311_KEY_UNIT_KINDS,
  type Open311KeyChannel,
  type Open311KeyDto,
} from '../../../shared/contracts/open311';
import type { Wire } from '../../../shared/contracts/wire';
import { AddButton } from '../../app/components/AddButton';
import { api } from '../../app/api';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyHint, ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { FormSaveModal, useFormSaving } from '../../app/formSaving';
import { useI18n } from '../../app/i18n';
import { dashColumn } from '../../app/components/columns';
import { requiredText } from '../../app/formRules';
import { OrgUnitSelect } from '../org/api';
import { copyText } from '../../app/copyText';

type KeyView = Wire<Open311KeyDto>;
type CreatedKeyView = Wire<CreatedOpen311KeyDto>;

const KEYS = ['open311', 'keys'] as const;
const CHANNEL_COLOR: Record<Open311KeyChannel, string> = { open311: 'geekblue', transfer_12345: 'orange' };

interface CreateValues {
  name: string;
  orgUnitId?: string;
  channel: Open311KeyChannel;
}

function CreateKeyModal({ open, onClose }: { open: boolean; onClose: (created?: CreatedKeyView) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateValues>();
  const [saving, runSave] = useFormSaving(form);

  const submit = (v: CreateValues) =>
    runSave(async () => {
      const created = await api.post<CreatedKeyView>('/api/open311/keys', {
        name: v.name.trim(),
        orgUnitId: v.orgUnitId ?? '',
        channel: v.channel,
      } satisfies CreateOpen311KeyBody);
      onClose(created);
    });

  return (
    <FormSaveModal
      form={form}
      saving={saving}
      okTestId="o311-form-submit"
      open={open}
      title={t('o311.createTitle')}
      onCancel={() => onClose()}
      okText={t('o311.generate')}
      width={560}
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{ channel: 'open311' }}
        data-testid="o311-form"
      >
        <Form.Item name="name" label={t('o311.name')} extra={t('o311.nameHint')} rules={requiredText(t)}>
          <Input maxLength={60} autoComplete="off" data-testid="o311-name" />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('o311.unit')}
          extra={t('o311.unitHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <OrgUnitSelect
            selectableKinds={OPEN311_KEY_UNIT_KINDS}
            placeholder={t('o311.unitPlaceholder')}
            style={{ width: '100%' }}
            data-testid="o311-unit"
          />
        </Form.Item>
        <Form.Item name="channel" label={t('o311.channel')} extra={t('o311.channelHint')}>
          <Radio.Group
            data-testid="o311-channel"
            options={OPEN311_KEY_CHANNELS.map((c) => ({ value: c, label: t(`o311.channel.${c}`) }))}
          />
        </Form.Item>
      </Form>
    </FormSaveModal>
  );
}

/** Shows a new key once, with a copy button; closing before copying asks first. */
function CreatedKeyModal({ created, onClose }: { created: CreatedKeyView | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    if (!created) return;
    if (await copyText(created.apiKey)) {
      setCopied(true);
      message.success(t('o311.copied'));
    } else {
      message.warning(t('o311.copyFailed'));
    }
  };
  const close = () => {
    if (copied) {
      setCopied(false);
      onClose();
      return;
    }
    modal.confirm({
      title: t('o311.closeUncopiedTitle'),
      content: t('o311.closeUncopiedText'),
      okText: t('o311.closeAnyway'),
      cancelText: t('o311.backToKey'),
      okButtonProps: { danger: true, 'data-testid': 'o311-close-anyway' } as ButtonProps,
      onOk: () => {
        setCopied(false);
        onClose();
      },
    });
  };

  return (
    <Modal
      open={!!created}
      title={
        <Flex gap={8} align="center">
          <KeyOutlined />
          {t('o311.createdTitle')}
        </Flex>
      }
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      width={600}
      footer={
        <Button type="primary" onClick={close} data-testid="o311-key-done">
          {t('o311.savedIt')}
        </Button>
      }
      data-testid="o311-created"
    >
      {created ? (
        <Flex vertical gap={16}>
          <Alert
            type="warning"
            showIcon
            title={t('o311.onceTitle')}
            description={t('o311.onceText')}
            data-testid="o311-once-warning"
          />
          <Flex gap={8}>
            <Input
              readOnly
              value={created.apiKey}
              onFocus={(e) => e.currentTarget.select()}
              style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
              data-testid="o311-key-value"
            />
            <Button
              type={copied ? 'default' : 'primary'}
              icon={copied ? <CheckOutlined /> : <CopyOutlined />}
              onClick={copy}
              data-testid="o311-key-copy"
            >
              {copied ? t('o311.copiedShort') : t('o311.copy')}
            </Button>
          </Flex>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'name', label: t('o311.name'), children: created.name },
              { key: 'unit', label: t('o311.unit'), children: created.orgUnitName ?? '—' },
              { key: 'channel', label: t('o311.channel'), children: t(`o311.channel.${created.channel}`) },
            ]}
          />
        </Flex>
      ) : null}
    </Modal>
  );
}

export default function Open311KeysPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedKeyView | null>(null);
  const [filter, setFilter] = useState<'active' | 'all'>('active');
  const [revoking, setRevoking] = useState<string | null>(null);

  const list = useQuery({ queryKey: KEYS, queryFn: () => api.get<KeyView[]>('/api/open311/keys') });
  const keys = list.data ?? [];
  const activeCount = keys.filter((k) => k.active).length;
  const shown = filter === 'active' ? keys.filter((k) => k.active) : keys;
  const endpoint = `${window.location.origin}/open311/v2/`;

  const revoke = async (k: KeyView) => {
    setRevoking(k.id);
    try {
      await api.post<KeyView>(`/api/open311/keys/${encodeURIComponent(k.id)}/revoke`);
      message.success(t('o311.revoked', { name: k.name }));
    } catch (e) {
      showError(e);
    } finally {
      setRevoking(null);
      await qc.invalidateQueries({ queryKey: KEYS });
    }
  };

  const columns: TableColumnsType<KeyView> = [
    {
      title: t('o311.name'),
      dataIndex: 'name',
      width: 180,
      render: (v: string, k) => (
        <Typography.Text strong={k.active} type={k.active ? undefined : 'secondary'}>
          {v}
        </Typography.Text>
      ),
    },
    {
      title: t('o311.prefix'),
      dataIndex: 'keyPrefix',
      width: 130,
      render: (v: string) => <Typography.Text code>{`${v}…`}</Typography.Text>,
    },
    {
      title: t('o311.channel'),
      dataIndex: 'channel',
      width: 130,
      render: (c: Open311KeyChannel) => <Tag color={CHANNEL_COLOR[c]}>{t(`o311.channel.${c}`)}</Tag>,
    },
    { ...dashColumn(t('o311.unit'), 'orgUnitName'), ellipsis: true, minWidth: 160 },
    {
      title: t('common.status'),
      width: 150,
      render: (_, k) =>
        k.active ? (
          <Tag color="green">{t('o311.active')}</Tag>
        ) : (
          <Flex vertical gap={2}>
            <span>
              <Tag>{t('o311.inactive')}</Tag>
            </span>
            {k.revokedAt ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(k.revokedAt)}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
    },
    {
      title: t('o311.createdAt'),
      width: 180,
      render: (_, k) => (
        <Flex vertical gap={2}>
          <span>{formatDateTime(k.createdAt)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {k.createdByName ?? '—'}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('o311.lastUsed'),
      dataIndex: 'lastUsedAt',
      width: 160,
      render: (v: string | null) =>
        v ? formatDateTime(v) : <Typography.Text type="secondary">{t('o311.neverUsed')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, k) =>
        k.active ? (
          <Popconfirm
            title={t('o311.revokeConfirm', { name: k.name })}
            description={<div style={{ maxWidth: 300 }}>{t('o311.revokeConfirmText')}</div>}
            okText={t('o311.revoke')}
            okButtonProps={{ danger: true, 'data-testid': 'o311-revoke-confirm' } as ButtonProps}
            onConfirm={() => revoke(k)}
          >
            <Button
              type="link"
              size="small"
              danger
              icon={<StopOutlined />}
              loading={revoking === k.id}
              data-testid="o311-revoke"
            >
              {t('o311.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('o311.title')}
        subtitle={t('o311.subtitle')}
        extra={
          <AddButton onClick={() => setCreating(true)} data-testid="o311-create">
            {t('o311.create')}
          </AddButton>
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="o311-endpoint"
        title={
          <span>
            {t('o311.endpoint')}
            <Typography.Text code copyable={{ text: endpoint }}>
              {endpoint}
            </Typography.Text>
          </span>
        }
        description={t('o311.endpointHint')}
      />
      <Card styles={{ body: { padding: 16 } }}>
        {list.isError && !list.data ? (
          <ErrorResult error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <>
            <Segmented
              disabled={list.isPending}
              value={filter}
              onChange={(v) => setFilter(v as 'active' | 'all')}
              options={[
                { value: 'active', label: t('o311.filterActive', { n: list.data ? activeCount : '…' }) },
                { value: 'all', label: t('o311.filterAll', { n: list.data ? keys.length : '…' }) },
              ]}
              style={{ marginBottom: 16 }}
              data-testid="o311-filter"
            />
            <Table<KeyView>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={shown}
              loading={list.isFetching}
              scroll={{ x: 1100 }}
              pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              locale={{
                emptyText: list.isPending ? (
                  ' '
                ) : (
                  <EmptyHint text={keys.length > 0 ? t('o311.noActive') : t('o311.empty')}>
                    {keys.length === 0 ? (
                      <AddButton onClick={() => setCreating(true)}>{t('o311.create')}</AddButton>
                    ) : null}
                  </EmptyHint>
                ),
              }}
              onRow={(k) =>
                ({
                  'data-testid': 'o311-key-row',
                  'data-active': String(k.active),
                }) as HTMLAttributes<HTMLElement>
              }
            />
          </>
        )}
      </Card>
      <CreateKeyModal
        open={creating}
        onClose={async (key) => {
          setCreating(false);
          if (key) {
            setCreated(key);
            setFilter('active');
            await qc.invalidateQueries({ queryKey: KEYS });
          }
        }}
      />
      <CreatedKeyModal created={created} onClose={() => setCreated(null)} />
    </div>
  );
}
