import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Drawer, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../format';
import { type MessageKey, useI18n } from '../i18n';
import { ErrorResult } from './Status';

/**
 * The pieces of a record's drawer whose record offers workflow actions (the server's `actions` list): the
 * drawer itself, the row of action buttons and the head of a timeline event (the modal an action opens is
 * ActionModal.tsx).
 */

/**
 * A record's details in a 640-wide drawer, open while `id` is set: its query's error (with a retry), then
 * `children` with the record once it has loaded; `title` titles the drawer from the record.
 */
export function RecordDrawer<D>({
  id,
  record,
  title,
  onClose,
  children,
}: {
  id: string | null;
  record: UseQueryResult<D>;
  title: (data: D) => ReactNode;
  onClose: () => void;
  children: (data: D) => ReactNode;
}) {
  const d = record.data;
  return (
    <Drawer width={640} open={!!id} onClose={onClose} title={d ? title(d) : ''} destroyOnClose>
      {record.isError ? <ErrorResult error={record.error} onRetry={() => record.refetch()} /> : null}
      {d ? children(d) : null}
    </Drawer>
  );
}

/**
 * One button per action the record offers, labelled by the message `<prefix>.<action>`: the `primary` actions
 * as primary buttons, the `danger` ones red. `children` come first in the row (the page's own buttons).
 */
export function ActionButtons<A extends string>({
  actions,
  prefix,
  primary,
  danger,
  onPick,
  children,
}: {
  actions: readonly A[];
  prefix: string;
  primary: readonly A[];
  danger: readonly A[];
  onPick: (action: A) => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      {children}
      {actions.map((a) => (
        <Button
          key={a}
          type={primary.includes(a) ? 'primary' : 'default'}
          danger={danger.includes(a)}
          onClick={() => onPick(a)}
        >
          {t(`${prefix}.${a}` as MessageKey)}
        </Button>
      ))}
    </Space>
  );
}

/** A timeline event's head: its name in bold, then (grey) a wide space, when it happened and `actor`. */
export function EventHead({ label, at, actor }: { label: string; at: string; actor: ReactNode }) {
  return (
    <>
      <Typography.Text strong>{label}</Typography.Text>
      <Typography.Text type="secondary">
        {'　'}
        {formatDateTime(at)}
        {actor}
      </Typography.Text>
    </>
  );
}
