import { type ButtonProps, type FormInstance, Modal, type ModalProps } from 'antd';
import { useState } from 'react';
import { useShowError } from './errors';

/**
 * A form's save with a busy flag for its button: `const [saving, runSave] = useFormSaving(form)`, then
 * `runSave(async () => { …post…; close(); })`. An error lands on the fields it names, the rest in a toast.
 */
export function useFormSaving(form?: FormInstance, rename?: Record<string, string>) {
  const showError = useShowError();
  const [saving, setSaving] = useState(false);
  const runSave = async (save: () => Promise<void>) => {
    setSaving(true);
    try {
      await save();
    } catch (e) {
      showError(e, form, rename);
    } finally {
      setSaving(false);
    }
  };
  return [saving, runSave] as const;
}

/**
 * A modal whose OK submits `form`, spinning while `saving` (`okTestId` marks that button for the browser
 * journeys; `okDanger` makes it red); its content is dropped when hidden. The other props go to the Modal.
 */
export function FormSaveModal({
  form,
  saving,
  okTestId,
  okDanger,
  ...modal
}: { form: FormInstance; saving: boolean; okTestId?: string; okDanger?: boolean } & Omit<
  ModalProps,
  'onOk' | 'okButtonProps'
>) {
  return (
    <Modal
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, danger: okDanger, 'data-testid': okTestId } as ButtonProps}
      destroyOnHidden
      {...modal}
    />
  );
}
