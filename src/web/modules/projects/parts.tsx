import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  type CardProps,
  Flex,
  Form,
  type FormInstance,
  type FormListFieldData,
  Modal,
  Tag,
  Upload,
} from 'antd';
import type { ReactNode } from 'react';
import type { ApplicationState, CallStatus, FundingSource } from '../../../shared/contracts/projects';
import { formatYuan } from '../../app/format';
import { type TFunction, useI18n } from '../../app/i18n';

/** Fen as yuan (the console's one formatter). */
export { formatYuan as yuan } from '../../app/format';

/** A table column of an amount in fen, shown right-aligned in yuan. */
export function yuanColumn(title: string, dataIndex: string) {
  return { title, dataIndex, align: 'right' as const, render: (fen: number) => formatYuan(fen) };
}

/** A table column of a funding source (`source`), shown by its name. */
export function fundingColumn(t: TFunction, title: string) {
  return { title, dataIndex: 'source', render: (v: FundingSource) => t(`projects.funding.${v}`) };
}

const STATE_COLORS: Record<ApplicationState, string> = {
  draft: 'default',
  pending_review: 'processing',
  returned: 'warning',
  approved: 'cyan',
  submitted: 'blue',
  selected: 'success',
  not_selected: 'default',
};

export function StateTag({ state }: { state: ApplicationState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`projects.state.${state}`)}</Tag>;
}

export function CallStatusTag({ status }: { status: CallStatus }) {
  const { t } = useI18n();
  const color = status === 'open' ? 'processing' : status === 'published' ? 'success' : 'default';
  return <Tag color={color}>{t(`projects.status.${status}`)}</Tag>;
}

/** A small card spaced from the next one: a section of a call's or an application's page. */
export function SectionCard(props: CardProps) {
  return <Card size="small" style={{ marginBottom: 16 }} {...props} />;
}

/**
 * A form list of rows in a line each (`children` draws a row's fields, `wrap` lets them wrap), each row followed
 * by a remove icon, and a dashed button (`addText`) that adds `blank()`; `locked` rows can be neither added nor
 * removed (an application's or a call's repeated rows).
 */
export function FormRows({
  name,
  addText,
  blank,
  wrap,
  locked = false,
  children,
}: {
  name: string;
  addText: string;
  blank: () => unknown;
  wrap?: boolean;
  locked?: boolean;
  children: (field: FormListFieldData, index: number) => ReactNode;
}) {
  return (
    <Form.List name={name}>
      {(fields, ops) => (
        <>
          {fields.map((f, i) => (
            <Flex key={f.key} gap={8} align="baseline" wrap={wrap}>
              {children(f, i)}
              {locked ? null : <MinusCircleOutlined onClick={() => ops.remove(f.name)} />}
            </Flex>
          ))}
          {locked ? null : (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => ops.add(blank())}>
              {addText}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/**
 * A record form in a modal, kept rendered while closed (the page fills the form before opening it); OK
 * validates the form and hands its values to `onSave` (a doorstep project's stage, file or reflection, an
 * archive item).
 */
export function SaveModal<V>({
  open,
  title,
  onClose,
  busy,
  form,
  onSave,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  busy: boolean;
  form: FormInstance<V>;
  onSave: (values: V) => Promise<void>;
  children: ReactNode;
}) {
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      confirmLoading={busy}
      forceRender
      onOk={async () => onSave(await form.validateFields())}
    >
      <Form form={form} layout="vertical">
        {children}
      </Form>
    </Modal>
  );
}

/**
 * Picks one file for a form that uploads it on OK (nothing is sent on pick): an archive item's or a doorstep
 * project's file (images, video, audio, PDF and Office documents).
 */
export function OneFilePicker({
  file,
  onChange,
  label,
}: {
  file: File | null;
  onChange: (file: File | null) => void;
  label: string;
}) {
  return (
    <Upload
      maxCount={1}
      accept="image/*,video/*,audio/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
      beforeUpload={(f) => {
        onChange(f);
        return false;
      }}
      onRemove={() => onChange(null)}
      fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
    >
      <Button icon={<UploadOutlined />}>{label}</Button>
    </Upload>
  );
}
