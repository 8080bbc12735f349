import { Tag } from 'antd';
import type { Locale } from '../../../shared/i18n/errors';
import { useI18n } from '../../app/i18n';
import type { WoAction, WoCategory, WoPriority, WoStatus, WoView } from './api';

export const VIEWS: readonly WoView[] = ['intake', 'mine', 'due_soon', 'overdue', 'supervised', 'all'];
/** Every view the list accepts in its URL: the tabs and those the workbench links to. */
export const ALL_VIEWS: readonly WoView[] = [...VIEWS, 'due_today', 'due_week'];

export const STATUS_COLORS: Record<WoStatus, string> = {
  submitted: 'blue',
  dispatched: 'cyan',
  in_progress: 'geekblue',
  return_requested: 'orange',
  extension_pending: 'gold',
  replied: 'purple',
  closed: 'green',
  cancelled: 'default',
  duplicate: 'default',
  diverted: 'magenta',
};

export const PRIORITY_COLORS: Record<WoPriority, string> = {
  emergency: 'red',
  key: 'orange',
  regular: 'default',
};

/** Buttons of the detail page: primary for the step that moves the order forward, danger for the way out. */
export const PRIMARY_ACTIONS: ReadonlySet<WoAction> = new Set([
  'dispatch',
  'accept',
  'reply',
  'follow_up',
  'approve_return',
  'approve_extension',
]);
export const DANGER_ACTIONS: ReadonlySet<WoAction> = new Set(['cancel', 'divert', 'return']);

/** Actions whose note is required by the API (actionBody in the shared contracts). */
export const NOTE_REQUIRED: ReadonlySet<WoAction> = new Set([
  'divert',
  'cancel',
  'return',
  'reject_return',
  'reassign',
  'request_extension',
  'reject_extension',
  'participant_report',
  'reply',
  'close',
]);

export function StatusTag({ status, testId }: { status: WoStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag
      color={STATUS_COLORS[status]}
      data-testid={testId}
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`wo.status.${status}`)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: WoPriority }) {
  const { t } = useI18n();
  return (
    <Tag color={PRIORITY_COLORS[priority]} style={{ marginInlineEnd: 0 }}>
      {t(`wo.priority.${priority}`)}
    </Tag>
  );
}

/** The category's name in the UI language (the API's categoryName is Chinese). */
export function categoryLabel(
  locale: Locale,
  categories: readonly WoCategory[] | undefined,
  code: string,
  fallback?: string | null,
) {
  const c = categories?.find((x) => x.code === code);
  if (!c) return fallback ?? code;
  return locale === 'en' ? c.nameEn : c.nameZh;
}
