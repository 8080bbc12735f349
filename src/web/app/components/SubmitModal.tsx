import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useShowError } from '../errors';
import { useI18n } from '../i18n';

/**
 * A vertical form in a modal whose OK posts the values as the form holds them (`submit` shapes the body). On
 * success: a toast (`savedText`, default 已保存; null for none), the queries under `invalidate` refreshed,
 * `onSaved` with the answer, then closed. Errors land on the fields they name, the rest in a toast, after
 * `onError` (e.g. a refusal that is registered: refresh the list).
 * `FormModal` (Registry.tsx) is this with the registry's body conversions. Shown from the start and its content
 * dropped when hidden, unless `open` and `destroyOnHidden={false}` say otherwise; `resetOnSave` empties a form that
 * outlives the modal (a kept-mounted one) after a save.
 */
export function SubmitModal<V = Record<string, unknown>, R = unknown>({
  title,
  initialValues,
  submit,
  onClose,
  onSaved,
  onError,
  children,
  invalidate,
  width,
  savedText,
  form: given,
  open = true,
  destroyOnHidden = true,
  resetOnSave = false,
  preserve,
}: {
  title: ReactNode;
  initialValues?: object;
  submit: (values: V) => Promise<R>;
  onClose: () => void;
  onSaved?: (result: R) => void;
  /** Called with a failed save's error before it is shown. */
  onError?: (error: unknown) => void;
  children: ReactNode;
  invalidate: QueryKey;
  width?: number;
  savedText?: string | null;
  /** The form, when the caller watches its fields. */
  form?: FormInstance;
  open?: boolean;
  destroyOnHidden?: boolean;
  resetOnSave?: boolean;
  /** antd Form's `preserve`: false drops a field's value when the field unmounts (a form that outlives the modal). */
  preserve?: boolean;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm(given);
  const save = useMutation({
    mutationFn: submit,
    onSuccess: (result) => {
      if (savedText !== null) message.success(savedText ?? t('common.saved'));
      qc.invalidateQueries({ queryKey: invalidate });
      if (resetOnSave) form.resetFields();
      onSaved?.(result);
      onClose();
    },
    onError: (e) => {
      onError?.(e);
      showError(e, form);
    },
  });
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={width}
      destroyOnHidden={destroyOnHidden}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        preserve={preserve}
        onFinish={(v: V) => save.mutate(v)}
      >
        {children}
      </Form>
    </Modal>
  );
}
