import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import {
  ITEM_CATEGORIES,
  type ItemCategory,
  POINT_KINDS,
  POINT_STATUSES,
  type PointKind,
  type PointStatus,
} from '../../../shared/contracts/merchants';
import { useShowError } from '../../app/errors';
import { FormSaveModal } from '../../app/formSaving';
import { useSaving } from '../../app/components/useSaving';
import { type MessageKey, useI18n } from '../../app/i18n';
import { formValues } from '../../app/formValues';
import { OrgUnitSelect } from '../org/api';
import { type Item, merchantsApi, merchantsKeys, type PointDetail } from './api';

export const kindKey = (k: PointKind) => `merchants.kind.${k}` as MessageKey;
export const statusKey = (s: PointStatus) => `merchants.status.${s}` as MessageKey;
export const categoryKey = (c: ItemCategory) => `merchants.category.${c}` as MessageKey;

const STATUS_COLOR: Record<PointStatus, string> = { active: 'green', suspended: 'orange', closed: 'default' };

export function StatusTag({ status }: { status: PointStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(statusKey(status))}</Tag>;
}

export function KindTag({ kind }: { kind: PointKind }) {
  const { t } = useI18n();
  return <Tag color={kind === 'love_supermarket' ? 'magenta' : 'blue'}>{t(kindKey(kind))}</Tag>;
}

export { plainYuan as yuan } from '../../app/format';

interface PointFormValues {
  kind: PointKind;
  name: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  uscc?: string;
  status?: PointStatus;
  registeredOn?: dayjs.Dayjs;
  fenPerPoint?: number | null;
  orgUnitId?: string;
}

/** Registers a new point (no `point`) or edits one. */
export function PointFormModal({
  open,
  point,
  onClose,
  onSaved,
}: {
  open: boolean;
  point?: PointDetail;
  onClose: () => void;
  onSaved: (p: PointDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<PointFormValues>();
  const showError = useShowError();
  const qc = useQueryClient();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (point)
      form.setFieldsValue({
        ...formValues(point, ['kind', 'name', 'address', 'contactName', 'uscc', 'status']),
        registeredOn: dayjs(point.registeredOn),
        fenPerPoint: point.fenPerPoint,
      });
    else form.setFieldsValue({ kind: 'merchant', registeredOn: dayjs() });
  }, [open, point, form]);
  const save = useMutation({
    mutationFn: (v: PointFormValues) => {
      const common = {
        kind: v.kind,
        name: v.name,
        address: v.address ?? null,
        contactName: v.contactName ?? null,
        uscc: v.uscc ?? null,
        registeredOn: v.registeredOn ? v.registeredOn.format('YYYY-MM-DD') : undefined,
        fenPerPoint: v.fenPerPoint ?? null,
        // An untouched masked phone stays as it is.
        ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}),
      };
      return point
        ? merchantsApi.updatePoint(point.id, { ...common, status: v.status })
        : merchantsApi.createPoint({ ...common, orgUnitId: v.orgUnitId! });
    },
    onSuccess: (p) => {
      qc.invalidateQueries({ queryKey: merchantsKeys.all });
      onSaved(p);
    },
    onError: (e) => showError(e, form),
  });
  return (
    <FormSaveModal
      form={form}
      saving={save.isPending}
      open={open}
      title={point ? t('merchants.detail.edit') : t('merchants.points.new')}
      onCancel={onClose}
      width={560}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="point-form">
        <Form.Item name="kind" label={t('merchants.field.kind')} rules={[{ required: true }]}>
          <Select options={POINT_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('merchants.field.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        {point ? null : (
          <Form.Item name="orgUnitId" label={t('merchants.field.community')} rules={[{ required: true }]}>
            <OrgUnitSelect selectableKinds={['community']} searchKind="community" />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('merchants.field.address')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contactName" label={t('merchants.field.contactName')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('merchants.field.contactPhone')}
          extra={point?.contactPhone ?? undefined}
        >
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="uscc" label={t('merchants.field.uscc')}>
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="registeredOn" label={t('merchants.field.registeredOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="fenPerPoint"
          label={t('merchants.field.fenPerPoint')}
          extra={t('merchants.field.fenPerPointHelp')}
        >
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {point ? (
          <Form.Item name="status" label={t('merchants.field.status')}>
            <Select options={POINT_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))} />
          </Form.Item>
        ) : null}
      </Form>
    </FormSaveModal>
  );
}

interface ItemFormValues {
  name: string;
  category: ItemCategory;
  pricePoints: number;
  stock: number;
  active: boolean;
}

export function ItemFormModal({
  open,
  pointId,
  item,
  onClose,
}: {
  open: boolean;
  pointId: string;
  item?: Item;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ItemFormValues>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      item
        ? {
            name: item.name,
            category: item.category,
            pricePoints: item.pricePoints,
            stock: item.stock,
            active: item.active,
          }
        : { category: 'daily', active: true, stock: 10 },
    );
  }, [open, item, form]);
  const save = useSaving(
    (v: ItemFormValues) => (item ? merchantsApi.updateItem(item.id, v) : merchantsApi.createItem(pointId, v)),
    { invalidate: merchantsKeys.all, done: () => t('merchants.saved'), form, after: () => onClose() },
  );
  return (
    <FormSaveModal
      form={form}
      saving={save.isPending}
      open={open}
      title={item ? t('merchants.item.edit') : t('merchants.detail.addItem')}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="item-form">
        <Form.Item name="name" label={t('merchants.item.name')} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t('merchants.item.category')} rules={[{ required: true }]}>
          <Select options={ITEM_CATEGORIES.map((c) => ({ value: c, label: t(categoryKey(c)) }))} />
        </Form.Item>
        <Form.Item name="pricePoints" label={t('merchants.item.price')} rules={[{ required: true }]}>
          <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="stock" label={t('merchants.item.stock')} rules={[{ required: true }]}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="active" label={t('merchants.item.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormSaveModal>
  );
}
