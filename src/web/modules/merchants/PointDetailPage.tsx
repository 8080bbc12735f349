import { EditOutlined, PlusOutlined, ShopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorResult, NotFoundResult, QueryBoundary } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDate } from '../../app/format';
import { ConfirmDangerLink } from '../../app/components/ConfirmDangerLink';
import { useI18n } from '../../app/i18n';
import { dateTimeColumn } from '../../app/components/columns';
import {
  type Item,
  merchantsApi,
  linesText,
  merchantsKeys,
  newIdempotencyKey,
  type PointDetail,
  type Redemption,
} from './api';
import { categoryKey, ItemFormModal, KindTag, PointFormModal, StatusTag, yuan } from './parts';
import { SmallTable } from '../../app/components/SmallTable';

export default function PointDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const point = useQuery({ queryKey: merchantsKeys.point(id), queryFn: () => merchantsApi.point(id) });
  if (point.isError && point.error instanceof ApiError && point.error.notFound)
    return <NotFoundResult title={t('common.pageNotFound')} text=" " />;
  return <QueryBoundary query={point}>{(p) => <Detail point={p} />}</QueryBoundary>;
}

function Detail({ point }: { point: PointDetail }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [itemModal, setItemModal] = useState<{ item?: Item } | null>(null);
  const [settling, setSettling] = useState(false);

  const itemColumns: TableColumnsType<Item> = [
    { title: t('merchants.item.name'), dataIndex: 'name' },
    {
      title: t('merchants.item.category'),
      dataIndex: 'category',
      width: 100,
      render: (c: Item['category']) => t(categoryKey(c)),
      responsive: ['sm'],
    },
    { title: t('merchants.item.price'), dataIndex: 'pricePoints', width: 90, align: 'right' },
    {
      title: t('merchants.item.stock'),
      dataIndex: 'stock',
      width: 80,
      align: 'right',
      render: (s: number) => (s === 0 ? <Typography.Text type="danger">0</Typography.Text> : s),
    },
    {
      title: t('merchants.item.active'),
      dataIndex: 'active',
      width: 80,
      render: (a: boolean) =>
        a ? <Tag color="green">{t('merchants.item.on')}</Tag> : <Tag>{t('merchants.item.off')}</Tag>,
    },
    ...(point.abilities.edit
      ? [
          {
            key: 'edit',
            width: 60,
            render: (_: unknown, r: Item) => (
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                aria-label={t('merchants.item.edit')}
                onClick={() => setItemModal({ item: r })}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span>{point.name}</span>
            <KindTag kind={point.kind} />
            <StatusTag status={point.status} />
          </Space>
        }
        subtitle={point.orgUnitName}
        extra={
          <>
            {point.abilities.counter ? (
              <Button icon={<ShopOutlined />} onClick={() => navigate(`/counter?point=${point.id}`)}>
                {t('merchants.detail.openCounter')}
              </Button>
            ) : null}
            {point.abilities.settle ? (
              <Button
                onClick={() => setSettling(true)}
                disabled={point.unsettledPoints === 0}
                data-testid="settle"
              >
                {t('merchants.detail.settle')}
              </Button>
            ) : null}
            {point.abilities.edit ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('merchants.detail.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('merchants.field.address')}>{point.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('merchants.field.contactName')}>
            {point.contactName ?? '—'} {point.contactPhone ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('merchants.field.uscc')}>{point.uscc ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('merchants.field.registeredOn')}>
            {formatDate(point.registeredOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('merchants.field.fenPerPoint')}>
            {point.fenPerPoint
              ? t('merchants.fenPerPointValue', { fen: point.fenPerPoint })
              : t('merchants.noCash')}
          </Descriptions.Item>
          <Descriptions.Item label={t('merchants.field.unsettled')}>
            <Typography.Text strong data-testid="unsettled-points">
              {point.unsettledPoints}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('merchants.detail.catalogue')}
        style={{ marginBottom: 16 }}
        extra={
          point.abilities.edit ? (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setItemModal({})}
              data-testid="item-new"
            >
              {t('merchants.detail.addItem')}
            </Button>
          ) : null
        }
      >
        <SmallTable<Item>
          rowKey="id"
          columns={itemColumns}
          dataSource={point.items}
          data-testid="catalogue"
        />
      </Card>
      {point.abilities.edit ? <Operators point={point} /> : null}
      <PointRedemptions pointId={point.id} />
      <PointFormModal
        open={editing}
        point={point}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
      <ItemFormModal
        open={!!itemModal}
        pointId={point.id}
        item={itemModal?.item}
        onClose={() => setItemModal(null)}
      />
      <SettleModal open={settling} point={point} onClose={() => setSettling(false)} />
    </>
  );
}

function Operators({ point }: { point: PointDetail }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const [username, setUsername] = useState('');
  const done = () => qc.invalidateQueries({ queryKey: merchantsKeys.point(point.id) });
  const link = useMutation({
    mutationFn: () => merchantsApi.link(point.id, username.trim()),
    onSuccess: () => {
      setUsername('');
      done();
    },
    onError: (e) => showError(e),
  });
  const unlink = useMutation({
    mutationFn: (userId: string) => merchantsApi.unlink(point.id, userId),
    onSuccess: done,
    onError: (e) => showError(e),
  });
  return (
    <Card size="small" title={t('merchants.detail.operators')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('merchants.detail.operatorsHelp')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={point.operators}
        locale={{ emptyText: t('merchants.detail.noOperators') }}
        renderItem={(o) => (
          <List.Item
            actions={[
              <ConfirmDangerLink
                key="unlink"
                title={t('merchants.detail.unlinkConfirm')}
                onConfirm={() => unlink.mutate(o.userId)}
              >
                {t('merchants.detail.unlink')}
              </ConfirmDangerLink>,
            ]}
          >
            {o.displayName} ({o.username})
          </List.Item>
        )}
      />
      <Space.Compact style={{ marginTop: 8, maxWidth: 360, width: '100%' }}>
        <Input
          placeholder={t('merchants.detail.username')}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          onPressEnter={() => username.trim() && link.mutate()}
        />
        <Button
          type="primary"
          disabled={!username.trim()}
          loading={link.isPending}
          onClick={() => link.mutate()}
        >
          {t('merchants.detail.link')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

export function RedemptionLines({ r }: { r: Redemption }) {
  return <>{linesText(r.lines)}</>;
}

function PointRedemptions({ pointId }: { pointId: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const q = { pointId, page, pageSize: 10 };
  const list = useQuery({
    queryKey: merchantsKeys.redemptions(q),
    queryFn: () => merchantsApi.redemptions(q),
  });
  const columns: TableColumnsType<Redemption> = [
    dateTimeColumn(t('merchants.redemption.at'), 'redeemedAt', 150),
    { title: t('merchants.redemption.volunteer'), dataIndex: 'volunteerName', width: 110 },
    { title: t('merchants.redemption.items'), key: 'lines', render: (_, r) => <RedemptionLines r={r} /> },
    { title: t('merchants.redemption.points'), dataIndex: 'totalPoints', width: 80, align: 'right' },
    {
      key: 'settled',
      width: 170,
      render: (_, r) =>
        r.reversal ? (
          <Typography.Text>
            <Tag color="red">{t('merchants.redemption.reversed')}</Tag>
            <Typography.Text type="secondary">{r.reversal.reason}</Typography.Text>
          </Typography.Text>
        ) : r.settlementId ? (
          <Tag color="green">{t('merchants.redemption.settled')}</Tag>
        ) : (
          <Tag color="orange">{t('merchants.redemption.unsettled')}</Tag>
        ),
    },
    { title: t('merchants.redemption.number'), dataIndex: 'number', width: 170, responsive: ['lg'] },
    {
      key: 'reverse',
      width: 80,
      render: (_, r) => (r.abilities.reverse ? <ReverseButton r={r} /> : null),
    },
  ];
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card size="small" title={t('merchants.detail.redemptions')}>
      <Table<Redemption>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: t('merchants.redemption.empty') }}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage }}
        data-testid="point-redemptions"
      />
    </Card>
  );
}

/** 冲正: staff reverse a redemption made in error, with a reason (the points go back to the holder). */
function ReverseButton({ r }: { r: Redemption }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const m = useMutation({
    mutationFn: (reason: string) => merchantsApi.reverse(r.id, reason),
    onSuccess: async () => {
      message.success(t('merchants.reverse.done', { points: r.totalPoints }));
      setOpen(false);
      await qc.invalidateQueries({ queryKey: ['merchants'] });
    },
    onError: (e) => showError(e, form),
  });
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        {t('merchants.reverse.action')}
      </Button>
      <Modal
        open={open}
        title={t('merchants.reverse.title', { number: r.number })}
        okText={t('merchants.reverse.action')}
        okButtonProps={{ danger: true, loading: m.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => form.validateFields().then((v) => m.mutate(v.reason))}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('merchants.reverse.help', { name: r.volunteerName, points: r.totalPoints })}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('merchants.reverse.reason')}
            rules={[{ required: true, min: 2, max: 200, message: t('merchants.reverse.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function SettleModal({ open, point, onClose }: { open: boolean; point: PointDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<{ upTo: dayjs.Dayjs; note?: string }>();
  const [key, setKey] = useState(newIdempotencyKey);
  useEffect(() => {
    if (open) {
      setKey(newIdempotencyKey());
      form.setFieldsValue({ upTo: dayjs(point.today), note: undefined });
    }
  }, [open, form, point.today]);
  const settle = useMutation({
    mutationFn: (v: { upTo: dayjs.Dayjs; note?: string }) =>
      merchantsApi.settle(point.id, {
        upTo: v.upTo.format('YYYY-MM-DD'),
        note: v.note ?? null,
        idempotencyKey: key,
      }),
    onSuccess: (s) => {
      message.success(t('merchants.settle.done', { count: s.redemptionCount, points: s.pointsTotal }));
      qc.invalidateQueries({ queryKey: merchantsKeys.all });
      onClose();
    },
    onError: (e) => {
      showError(e, form);
      // As at the counter: only a refusal frees the key; an unknown outcome is retried with the same key.
      if (e instanceof ApiError && e.status >= 400 && e.status < 500) setKey(newIdempotencyKey());
    },
  });
  return (
    <Modal
      open={open}
      title={t('merchants.settle.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={settle.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text>
          {t('merchants.settle.unsettled', { points: point.unsettledPoints })}
        </Typography.Text>
        {point.fenPerPoint ? (
          <Typography.Text type="secondary">
            {t('merchants.fenPerPointValue', { fen: point.fenPerPoint })} ≈ ¥
            {yuan(point.unsettledPoints * point.fenPerPoint)}
          </Typography.Text>
        ) : null}
      </Flex>
      <Form form={form} layout="vertical" onFinish={(v) => settle.mutate(v)}>
        <Form.Item name="upTo" label={t('merchants.settle.upTo')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(point.today), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('merchants.settle.note')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </Form>
      <Link to="/merchants/settlements">{t('merchants.menu.settlements')}</Link>
    </Modal>
  );
}
