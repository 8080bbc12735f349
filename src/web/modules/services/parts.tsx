import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormSaveModal } from '../../app/formSaving';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Rate,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { SERVICE_CATEGORIES } from '../../../shared/contracts/services';
import { ProxyFields, type ProxyFormValues, proxyPayload } from '../../app/components/ProxyFields';
import { applyFormErrors, useShowError } from '../../app/errors';
import { useSaving } from '../../app/components/useSaving';
import { type MessageKey, useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { type Candidate, type Order, type OrderDetail, type SoAction, svcApi, svcKeys } from './api';
import { actionLabel, labelOf, newRequestKey, useOwnCommunity } from './meta';

/** The form's community field (`communityId`), picked among the communities; required unless told. */
export function CommunityField({ required = true }: { required?: boolean }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="communityId"
      label={t('services.field.community')}
      rules={required ? [{ required: true }] : undefined}
    >
      <OrgUnitSelect selectableKinds={['community']} searchKind="community" />
    </Form.Item>
  );
}

/** Candidate suggestions for an order, with a button to dispatch (or reassign) to each. */
export function CandidatesDrawer({
  order,
  onClose,
  onDone,
}: {
  order: Pick<Order, 'id' | 'number' | 'title' | 'status'> | null;
  onClose: () => void;
  onDone?: (o: OrderDetail) => void;
}) {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: svcKeys.candidates(order?.id ?? ''),
    queryFn: () => svcApi.candidates(order!.id),
    enabled: !!order,
  });
  const action: SoAction = order?.status === 'ordered' ? 'dispatch' : 'reassign';
  const dispatch = useSaving(
    (c: Candidate) =>
      svcApi.act(order!.id, { action, assigneeType: c.assigneeType, assigneeId: c.assigneeId }),
    {
      invalidate: ['services'],
      done: () => t('services.action.done'),
      after: (o) => {
        onDone?.(o);
        onClose();
      },
    },
  );
  return (
    <Drawer
      open={!!order}
      onClose={onClose}
      size={520}
      title={`${t('services.candidates.title')} · ${order?.title ?? ''}`}
      data-testid="candidates-drawer"
    >
      <Typography.Paragraph type="secondary">{t('services.candidates.hint')}</Typography.Paragraph>
      {list.isPending ? (
        <Skeleton active />
      ) : list.data?.length ? (
        <List
          dataSource={list.data}
          renderItem={(c, i) => (
            <List.Item
              data-testid="candidate"
              actions={[
                <Button
                  key="go"
                  type={i === 0 ? 'primary' : 'default'}
                  loading={dispatch.isPending && dispatch.variables?.assigneeId === c.assigneeId}
                  onClick={() => dispatch.mutate(c)}
                  data-testid={`dispatch-${c.name}`}
                >
                  {t('services.candidates.pick')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Typography.Text strong>{c.name}</Typography.Text>
                    <Tag>{labelOf(t, 'services.provider', c.assigneeType)}</Tag>
                    {c.kind === 'party_member' ? <Tag color="red">在职党员</Tag> : null}
                  </Space>
                }
                description={
                  <Space wrap size={4}>
                    <Tag color={c.distance === 'community' ? 'default' : 'green'}>
                      {t(`services.distance.${c.distance}` as MessageKey)}
                    </Tag>
                    <Tag color={c.skillMatch ? 'blue' : 'default'}>
                      {t('services.candidates.skillMatch', { n: c.skillMatch })}
                    </Tag>
                    <Tag color={c.load > 1 ? 'orange' : 'default'}>
                      {t('services.candidates.load', { n: c.load })}
                    </Tag>
                    {c.skills.length ? (
                      <Typography.Text type="secondary">
                        {c.skills.map((s) => labelOf(t, 'services.category', s)).join('、')}
                      </Typography.Text>
                    ) : null}
                    {!c.hasLogin ? (
                      <Typography.Text type="secondary">{t('services.candidates.noLogin')}</Typography.Text>
                    ) : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty description={t('services.candidates.empty')} />
      )}
    </Drawer>
  );
}

interface OrderFormValues {
  communityId?: string;
  projectId?: string;
  title?: string;
  category?: string;
  beneficiaryName: string;
  beneficiaryPhone?: string;
  beneficiaryAddress?: string;
  gridId?: string;
  preferredAt?: Dayjs;
  description?: string;
  proxy?: ProxyFormValues;
}

/** Staff order a service on a resident's behalf (audited; the beneficiary is recorded). */
export function NewOrderModal({
  open,
  onClose,
  preset,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  preset?: {
    communityId?: string;
    needId?: string;
    title?: string;
    category?: string | null;
    raisedBy?: string | null;
  };
  onCreated?: (o: OrderDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<OrderFormValues>();
  const showError = useShowError();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const communityId = Form.useWatch('communityId', form);
  const proxyOn = !!Form.useWatch(['proxy', 'enabled'], form);
  const [mode, setMode] = useState<'project' | 'need'>(preset?.needId ? 'need' : 'project');
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const ownCommunity = useOwnCommunity();
  useEffect(() => {
    if (open) {
      setRequestKey(newRequestKey());
      form.resetFields();
      form.setFieldsValue({
        communityId: preset?.communityId ?? ownCommunity,
        title: preset?.title,
        category: preset?.category ?? undefined,
        beneficiaryName: preset?.raisedBy ?? '',
      });
      setMode(preset?.needId ? 'need' : 'project');
    }
  }, [open, preset, form, ownCommunity]);
  const projects = useQuery({
    queryKey: svcKeys.projects({ communityId, published: 'true', pageSize: 100 }),
    queryFn: () => svcApi.projects({ communityId, published: 'true', pageSize: 100 }),
    enabled: !!communityId && mode === 'project',
  });
  const create = useMutation({
    mutationFn: (v: OrderFormValues) =>
      svcApi.createOrder({
        forSelf: false,
        ...(mode === 'project'
          ? { projectId: v.projectId }
          : { communityId: v.communityId, title: v.title, category: v.category as 'other' }),
        ...(preset?.needId ? { needId: preset.needId, communityId: v.communityId } : {}),
        // 帮办代办: a registry resident with consent; no name or contact typed in (read from the registry).
        ...(v.proxy?.enabled
          ? { proxy: proxyPayload(v.proxy) }
          : {
              beneficiaryName: v.beneficiaryName,
              beneficiaryPhone: v.beneficiaryPhone || null,
              beneficiaryAddress: v.beneficiaryAddress || null,
            }),
        gridId: v.gridId || null,
        preferredAt: v.preferredAt?.toISOString() ?? null,
        description: v.description || null,
        requestKey,
      } as never),
    onSuccess: (o) => {
      message.success(t('services.m.submitted'));
      qc.invalidateQueries({ queryKey: ['services'] });
      onCreated?.(o);
      onClose();
    },
    onError: (e) => {
      if (applyFormErrors(form, e).applied === 0) showError(e);
    },
  });
  return (
    <FormSaveModal
      form={form}
      saving={create.isPending}
      open={open}
      title={t('services.orders.new')}
      onCancel={onClose}
      width={560}
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} data-testid="new-order-form">
        <CommunityField />
        {!preset?.needId ? (
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            style={{ marginBottom: 16 }}
            optionType="button"
            options={[
              { value: 'project', label: t('services.lists.projects') },
              { value: 'need', label: t('services.m.postNeed') },
            ]}
          />
        ) : null}
        {mode === 'project' ? (
          <Form.Item name="projectId" label={t('services.field.title')} rules={[{ required: true }]}>
            <Select
              loading={projects.isFetching}
              options={projects.data?.items.map((p) => ({ value: p.id, label: p.title }))}
              data-testid="order-project"
            />
          </Form.Item>
        ) : (
          <Flex gap={12}>
            <Form.Item
              name="title"
              label={t('services.m.needTitle')}
              rules={[{ required: true }]}
              style={{ flex: 2 }}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="category"
              label={t('services.field.category')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <Select
                options={SERVICE_CATEGORIES.map((c) => ({
                  value: c,
                  label: labelOf(t, 'services.category', c),
                }))}
              />
            </Form.Item>
          </Flex>
        )}
        <ProxyFields />
        {proxyOn ? null : (
          <>
            <Flex gap={12}>
              <Form.Item
                name="beneficiaryName"
                label={t('services.m.beneficiaryName')}
                rules={[{ required: true }]}
                style={{ flex: 1 }}
              >
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="beneficiaryPhone" label={t('services.m.beneficiaryPhone')} style={{ flex: 1 }}>
                <Input maxLength={20} inputMode="tel" />
              </Form.Item>
            </Flex>
            <Form.Item name="beneficiaryAddress" label={t('services.m.beneficiaryAddress')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Flex gap={12}>
          <Form.Item name="gridId" label={t('services.field.grid')} style={{ flex: 1 }}>
            <OrgUnitSelect selectableKinds={['grid', 'compound', 'building']} allowClear />
          </Form.Item>
          <Form.Item name="preferredAt" label={t('services.m.preferredAt')} style={{ flex: 1 }}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('services.m.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormSaveModal>
  );
}

/**
 * The action buttons of an order, straight from `actions` (the state machine ∩ this user's rights):
 * dispatch/reassign open the candidates, decline asks a reason, confirm asks a rating.
 */
export function OrderActions({
  order,
  onDone,
  onDispatch,
  size,
  block,
}: {
  order: Order;
  onDone?: (o: OrderDetail) => void;
  onDispatch?: () => void;
  size?: 'small' | 'middle' | 'large';
  block?: boolean;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message, modal } = App.useApp();
  const [asking, setAsking] = useState<SoAction | null>(null);
  const [text, setText] = useState('');
  const [rating, setRating] = useState(5);
  const act = useMutation({
    mutationFn: (body: Parameters<typeof svcApi.act>[1]) => svcApi.act(order.id, body),
    onSuccess: (o) => {
      message.success(t('services.action.done'));
      qc.invalidateQueries({ queryKey: ['services'] });
      setAsking(null);
      setText('');
      onDone?.(o);
    },
    onError: (e) => {
      showError(e);
      qc.invalidateQueries({ queryKey: ['services'] });
    },
  });
  const run = (a: SoAction) => {
    if (a === 'dispatch' || a === 'reassign') return onDispatch?.();
    if (a === 'decline' || a === 'confirm') {
      setAsking(a);
      return;
    }
    if (a === 'cancel') {
      modal.confirm({
        title: t('services.m.cancelConfirm'),
        okButtonProps: { danger: true },
        onOk: () => act.mutateAsync({ action: 'cancel' }),
      });
      return;
    }
    act.mutate({ action: a } as never);
  };
  const buttons = order.actions as SoAction[];
  return (
    <>
      <Flex gap={8} wrap vertical={block}>
        {buttons.map((a, i) => (
          <Button
            key={a}
            size={size}
            block={block}
            type={i === 0 && a !== 'cancel' && a !== 'decline' ? 'primary' : 'default'}
            danger={a === 'cancel' || a === 'decline'}
            loading={act.isPending && act.variables?.action === a}
            onClick={() => run(a)}
            data-testid={`action-${a}`}
          >
            {actionLabel(t, a)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={asking === 'decline'}
        title={t('services.m.declineReason')}
        onCancel={() => setAsking(null)}
        onOk={() => act.mutate({ action: 'decline', note: text })}
        okButtonProps={{ disabled: !text.trim(), danger: true, 'data-testid': 'decline-ok' } as never}
        confirmLoading={act.isPending}
      >
        <Input.TextArea
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={500}
          data-testid="decline-reason"
        />
      </Modal>
      <Modal
        open={asking === 'confirm'}
        title={t('services.m.rateTitle')}
        onCancel={() => setAsking(null)}
        onOk={() => act.mutate({ action: 'confirm', rating, comment: text || undefined })}
        okButtonProps={{ 'data-testid': 'confirm-ok' } as never}
        confirmLoading={act.isPending}
      >
        <Flex vertical gap={12}>
          <Rate
            allowClear={false}
            value={rating}
            onChange={(v) => setRating(v || 1)}
            style={{ fontSize: 32 }}
            data-testid="rating"
          />
          <Input.TextArea
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={500}
            placeholder={t('services.field.comment')}
            data-testid="rating-comment"
          />
        </Flex>
      </Modal>
    </>
  );
}
