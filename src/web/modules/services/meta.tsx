import { Tag } from 'antd';
import type { SoAction, SoStatus } from '../../../shared/contracts/serviceOrderMachine';
import { useAuth } from '../../app/auth';
import type { MessageKey, TFunction } from '../../app/i18n';
import { labelOf } from '../../app/labelOf';

export { labelOf };
export { minutesText, newRequestKey } from './orderText';

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

export const actionLabel = (t: TFunction, a: SoAction | string) => labelOf(t, 'services.action', a);

/** Buttons that change the order for good look dangerous. */
export const DANGER_ACTIONS: readonly SoAction[] = ['cancel', 'decline'];

/** The community of a community worker or secretary (the default in forms), else undefined. */
export function useOwnCommunity(): string | undefined {
  const { me } = useAuth();
  const own = me?.assignments.filter(
    (a) => (a.role === 'community_worker' || a.role === 'community_secretary') && a.orgUnitId,
  );
  return own?.length === 1 ? (own[0]!.orgUnitId ?? undefined) : undefined;
}
