import {
  Button,
  Form,
  type FormInstance,
  type FormItemProps,
  type FormProps,
  Modal,
  type ModalProps,
  Tag,
} from 'antd';
import type { ReactNode } from 'react';
import type { DsStatus, DsTicketKind } from '../../../shared/contracts/disputes';
import { type MessageKey, type TFunction, useI18n } from '../../app/i18n';
import { labelOf } from '../../app/labelOf';

export { labelOf };

export const STATUS_COLORS: Record<DsStatus, string> = {
  registered: 'gold',
  diverted: 'orange',
  accepted: 'blue',
  mediating: 'processing',
  agreed: 'green',
  resolved: 'green',
  terminated: 'default',
  closed: 'default',
};

export const TICKET_COLORS: Record<DsTicketKind, string> = {
  emergency: 'red',
  key: 'volcano',
  regular: 'blue',
};

export function StatusTag({ status, t }: { status: DsStatus; t: TFunction }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="dispute-status">
      {labelOf(t, 'disputes.status', status)}
    </Tag>
  );
}

/** Select or radio options of a known list, each labelled `prefix.value` (labelOf). */
export function labelOptions(t: TFunction, prefix: string, values: readonly string[]) {
  return values.map((value) => ({ value, label: labelOf(t, prefix, value) }));
}

/** The last column of a roster the user may edit row by row: an 编辑 button on the rows they may change. */
export function editColumn<R extends { canEdit: boolean }>(t: TFunction, onEdit: (row: R) => void) {
  return {
    title: '',
    key: 'edit',
    width: 80,
    render: (_: unknown, row: R) =>
      row.canEdit ? (
        <Button size="small" onClick={() => onEdit(row)}>
          {t('common.edit')}
        </Button>
      ) : null,
  };
}

export function TicketTag({ kind, t }: { kind: DsTicketKind | null; t: TFunction }) {
  if (!kind) return null;
  return <Tag color={TICKET_COLORS[kind]}>{labelOf(t, 'disputes.ticket', kind)}</Tag>;
}

const REQUIRED = [{ required: true }];

/**
 * A form field of the module's forms: `label` is the message key of its label, `required` adds the required
 * rule, `flex` is its share of a Flex row.
 */
export function Field({
  label,
  required,
  flex,
  ...item
}: Omit<FormItemProps, 'label' | 'required'> & { label: MessageKey; required?: boolean; flex?: number }) {
  const { t } = useI18n();
  return (
    <Form.Item
      label={t(label)}
      rules={required ? REQUIRED : undefined}
      style={flex ? { flex } : undefined}
      {...item}
    />
  );
}

/** A modal holding a vertical form: OK submits the form, cancel closes; `modal` props as on antd's Modal. */
export function ModalForm({
  form,
  onFinish,
  initialValues,
  testId,
  onClose,
  children,
  ...modal
}: Omit<ModalProps, 'onOk' | 'onCancel' | 'destroyOnHidden'> & {
  form: FormInstance;
  onFinish: FormProps['onFinish'];
  initialValues: FormProps['initialValues'];
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal {...modal} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues}
        data-testid={testId}
      >
        {children}
      </Form>
    </Modal>
  );
}
