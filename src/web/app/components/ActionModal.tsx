import type { ComponentProps } from 'react';
import { type MessageKey, useI18n } from '../i18n';
import { SubmitModal } from './SubmitModal';

/** What a record's action modal is given: the record, the action picked (none: closed) and how to close it. */
export interface ActionModalProps<R, A extends string> {
  record: R;
  action: A | null;
  onClose: () => void;
}

/** A SubmitModal for the `action` picked, open while there is one and titled `<prefix>.<action>`. */
export function ActionSubmitModal<V>({
  action,
  prefix,
  ...modal
}: { action: string | null; prefix: string } & Omit<
  ComponentProps<typeof SubmitModal<V>>,
  'open' | 'title'
>) {
  const { t } = useI18n();
  return (
    <SubmitModal<V> open={!!action} title={action ? t(`${prefix}.${action}` as MessageKey) : ''} {...modal} />
  );
}
