import { Tag } from 'antd';
import type { SoAction, SoStatus } from '../../../shared/contracts/serviceOrderMachine';
import { useAuth } from '../../app/auth';
import type { MessageKey, TFunction } from '../../app/i18n';

export const STATUS_COLORS: Record<SoStatus, string> = {
  ordered: 'gold',
  dispatched: 'orange',
  accepted: 'blue',
  in_service: 'processing',
  served: 'purple',
  confirmed: 'green',
  closed: 'default',
  cancelled: 'default',
};

export function StatusTag({ status, t }: { status: SoStatus; t: TFunction }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="order-status">
      {t(`services.status.${status}` as MessageKey)}
    </Tag>
  );
}

/** A label key built from a value of a known list; unknown values show as they are. */
export function labelOf(t: TFunction, prefix: string, value: string | null | undefined): string {
  if (!value) return '';
  const key = `${prefix}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}

export const actionLabel = (t: TFunction, a: SoAction | string) => labelOf(t, 'services.action', a);

/** Buttons that change the order for good look dangerous. */
export const DANGER_ACTIONS: readonly SoAction[] = ['cancel', 'decline'];

export function minutesText(t: TFunction, minutes: number | null | undefined): string {
  if (minutes == null) return '';
  return minutes >= 60
    ? t('services.hours', { n: Math.round((minutes / 60) * 10) / 10 })
    : t('services.minutes', { n: minutes });
}

/** A key for one order form: a double tap or a retried request answers the same order (works over plain http too). */
export function newRequestKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The community of a community worker or secretary (the default in forms), else undefined. */
export function useOwnCommunity(): string | undefined {
  const { me } = useAuth();
  const own = me?.assignments.filter(
    (a) => (a.role === 'community_worker' || a.role === 'community_secretary') && a.orgUnitId,
  );
  return own?.length === 1 ? (own[0]!.orgUnitId ?? undefined) : undefined;
}
