import { CameraOutlined, CloseOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Image, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../../app/format';
import { type TFunction, useI18n } from '../../app/i18n';
import type { WorkOrder } from './api';

/** The current time, refreshed every `ms` (countdowns). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(h);
  }, [ms]);
  return now;
}

export function formatSpan(t: TFunction, ms: number): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('wo.span.dh', { d, h });
  if (h > 0) return t('wo.span.hm', { h, m });
  return t('wo.span.m', { m });
}

const OPEN = new Set(['submitted', 'dispatched', 'in_progress', 'return_requested', 'extension_pending']);

/** "（预估）" beside a deadline counted through a year with no published holiday schedule (R-LAW-CAL-1). */
export function EstimatedMark() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('wo.deadline.estimatedHint')}>
      <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="wo-deadline-estimated">
        {t('wo.deadline.estimated')}
      </Typography.Text>
    </Tooltip>
  );
}

/** The warning that the handler asked for more working days (and why), waiting for the centre's decision. */
export function PendingExtension({
  extension,
  style,
}: {
  extension: NonNullable<WorkOrder['pendingExtension']>;
  style: CSSProperties;
}) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      style={style}
      title={t('wo.pendingExtension', { days: extension.workingDays })}
      description={extension.reason}
    />
  );
}

/**
 * The completion deadline as a countdown: time left (orange inside the last day), time overdue in red;
 * once replied or closed, whether it was on time. An estimated deadline carries "（预估）".
 */
export function Deadline({
  order,
  at,
  estimated,
  compact,
}: {
  order: Pick<WorkOrder, 'status' | 'dueAt' | 'deadlineEstimated' | 'overdue' | 'repliedAt' | 'closedAt'>;
  /** Another deadline than dueAt (the acceptance limit), with its own estimate flag. */
  at?: string | null;
  estimated?: boolean;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const now = useNow();
  const due = at === undefined ? order.dueAt : at;
  const isEstimate = at === undefined ? order.deadlineEstimated : !!estimated;
  if (!due) return <Typography.Text type="secondary">—</Typography.Text>;
  const dueMs = dayjs(due).valueOf();
  const when = (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {formatDateTime(due).slice(0, 16)}
      {isEstimate ? <EstimatedMark /> : null}
    </Typography.Text>
  );
  let body: React.ReactNode;
  if (!OPEN.has(order.status)) {
    const finished = order.repliedAt ?? order.closedAt;
    const late = finished ? dayjs(finished).valueOf() > dueMs : order.overdue;
    body =
      order.status === 'replied' || order.status === 'closed' ? (
        <Typography.Text type={late ? 'danger' : 'success'} data-late={late}>
          {late ? t('wo.deadline.lateDone') : t('wo.deadline.onTime')}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('wo.deadline.none')}</Typography.Text>
      );
  } else {
    const left = dueMs - now;
    body =
      left < 0 ? (
        <Typography.Text type="danger" strong data-testid="wo-overdue" data-late="true">
          {t('wo.deadline.overdue', { span: formatSpan(t, left) })}
        </Typography.Text>
      ) : (
        <Typography.Text type={left < 24 * 3_600_000 ? 'warning' : undefined}>
          {t('wo.deadline.left', { span: formatSpan(t, left) })}
        </Typography.Text>
      );
  }
  return compact ? (
    <span>
      <Tooltip title={formatDateTime(due)}>{body}</Tooltip>
      {isEstimate ? <EstimatedMark /> : null}
    </span>
  ) : (
    <Flex vertical style={{ lineHeight: 1.3 }}>
      {body}
      {when}
    </Flex>
  );
}

interface Picked {
  key: string;
  preview: string;
  id?: string;
  error?: string;
}

/**
 * Photo picker: a native file input (camera on phones), each image uploaded at once, thumbnails with a
 * remove button. Reports the uploaded attachment ids.
 */
export function PhotoPicker({
  upload,
  onChange,
  max = 9,
  capture,
  large,
  testId,
  onError,
}: {
  upload: (file: File) => Promise<{ id: string }>;
  onChange: (ids: string[]) => void;
  max?: number;
  capture?: boolean;
  large?: boolean;
  testId: string;
  onError?: (err: unknown) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Picked[]>([]);
  const [busy, setBusy] = useState(0);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    onChangeRef.current(items.filter((i) => i.id).map((i) => i.id!));
  }, [items]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  useEffect(
    () => () => {
      for (const i of itemsRef.current) URL.revokeObjectURL(i.preview);
    },
    [],
  );

  const add = async (files: FileList | null) => {
    if (!files) return;
    const room = Math.max(0, max - items.length);
    for (const file of [...files].slice(0, room)) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      if (!file.type.startsWith('image/')) {
        onError?.(new Error(t('wo.photo.notImage')));
        continue;
      }
      if (file.size > 5 * 1024 * 1024) {
        onError?.(new Error(t('wo.photo.tooLarge')));
        continue;
      }
      const preview = URL.createObjectURL(file);
      setItems((prev) => [...prev, { key, preview }]);
      setBusy((n) => n + 1);
      try {
        const r = await upload(file);
        setItems((prev) => prev.map((i) => (i.key === key ? { ...i, id: r.id } : i)));
      } catch (e) {
        setItems((prev) => prev.filter((i) => i.key !== key));
        onError?.(e);
      } finally {
        setBusy((n) => n - 1);
      }
    }
    if (input.current) input.current.value = '';
  };

  const size = large ? 88 : 72;
  return (
    <Flex wrap gap={8} data-testid={`${testId}-list`} data-uploading={busy > 0}>
      {items.map((i) => (
        <div
          key={i.key}
          style={{
            position: 'relative',
            width: size,
            height: size,
            borderRadius: 8,
            overflow: 'hidden',
            border: '1px solid #e5e7eb',
            background: '#fafafa',
          }}
          data-testid={`${testId}-item`}
          data-uploaded={!!i.id}
        >
          <img src={i.preview} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
          {i.id ? null : (
            <Flex
              align="center"
              justify="center"
              style={{ position: 'absolute', inset: 0, background: 'rgba(255,255,255,.6)' }}
            >
              <LoadingOutlined />
            </Flex>
          )}
          <Button
            size="small"
            shape="circle"
            icon={<CloseOutlined />}
            aria-label={t('common.delete')}
            onClick={() => {
              URL.revokeObjectURL(i.preview);
              setItems((prev) => prev.filter((x) => x.key !== i.key));
            }}
            style={{ position: 'absolute', top: 2, right: 2 }}
          />
        </div>
      ))}
      {items.length < max ? (
        <label
          style={{
            width: size,
            height: size,
            borderRadius: 8,
            border: '1px dashed #b8c2d0',
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            justifyContent: 'center',
            gap: 4,
            cursor: 'pointer',
            color: '#4b5563',
            background: '#fff',
            fontSize: large ? 14 : 12,
          }}
        >
          <CameraOutlined style={{ fontSize: large ? 24 : 18 }} />
          {t('wo.photo.add')}
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture={capture ? 'environment' : undefined}
            multiple={!capture}
            style={{ display: 'none' }}
            data-testid={testId}
            onChange={(e) => add(e.target.files)}
          />
        </label>
      ) : null}
    </Flex>
  );
}

/** Photos of an order (staff only: the files need a session with work_orders.read). */
export function Photos({ ids, size = 96 }: { ids: readonly string[]; size?: number }) {
  if (ids.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={8} data-testid="wo-photos">
        {ids.map((id) => (
          <Image
            key={id}
            src={`/api/work-orders/attachments/${encodeURIComponent(id)}`}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 6 }}
            data-testid="wo-photo-thumb"
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
