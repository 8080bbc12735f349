import type { Permission } from '../permissions';

/**
 * The service-order state machine (DESIGN convention 10, R-SV-1 群众点单 → 社区派单 → 党员接单): one table
 * drives the API (which transitions are legal, with which permission, from whose side) and the UI (which
 * buttons to show). Isomorphic on purpose.
 */
export const SO_STATUSES = [
  'ordered', // in the community's queue (点单 / back from a decline or timeout)
  'dispatched', // sent to a volunteer, party member, team or social organisation (派单 → 待接单)
  'accepted', // the server accepted (接单)
  'in_service', // checked in (签到)
  'served', // checked out (签退), waiting for the resident's confirmation
  'confirmed', // the resident confirmed and rated; time credited
  'closed', // archived by the community
  'cancelled',
] as const;
export type SoStatus = (typeof SO_STATUSES)[number];

export const SO_OPEN_STATUSES: readonly SoStatus[] = [
  'ordered',
  'dispatched',
  'accepted',
  'in_service',
  'served',
];
/** Statuses that count as the server's current load. */
export const SO_LOAD_STATUSES: readonly SoStatus[] = ['dispatched', 'accepted', 'in_service'];

/**
 * Whose side an action is taken from:
 * - resident: the person who ordered (or community staff for an order they placed on someone's behalf);
 * - dispatcher: community staff holding the permission in the order's community;
 * - server: the assigned volunteer's login (or staff acting for a team / social organisation without one);
 * - system: the timeout sweep only.
 */
export type SoSide = 'resident' | 'dispatcher' | 'server' | 'system';

export interface SoTransition {
  from: readonly SoStatus[];
  to: SoStatus;
  permission: Permission | null;
  side: SoSide;
}

export const SO_ACTIONS = [
  'dispatch',
  'reassign',
  'accept',
  'decline',
  'check_in',
  'check_out',
  'confirm',
  'close',
  'cancel',
  'timeout',
] as const;
export type SoAction = (typeof SO_ACTIONS)[number];

export const SO_TRANSITIONS: Record<SoAction, SoTransition> = {
  dispatch: { from: ['ordered'], to: 'dispatched', permission: 'services.dispatch', side: 'dispatcher' },
  reassign: {
    from: ['dispatched', 'accepted'],
    to: 'dispatched',
    permission: 'services.dispatch',
    side: 'dispatcher',
  },
  accept: { from: ['dispatched'], to: 'accepted', permission: 'services.serve', side: 'server' },
  // A decline sends the order back to the community's queue with the reason.
  decline: { from: ['dispatched'], to: 'ordered', permission: 'services.serve', side: 'server' },
  check_in: { from: ['accepted'], to: 'in_service', permission: 'services.serve', side: 'server' },
  check_out: { from: ['in_service'], to: 'served', permission: 'services.serve', side: 'server' },
  confirm: { from: ['served'], to: 'confirmed', permission: 'services.order', side: 'resident' },
  close: { from: ['confirmed'], to: 'closed', permission: 'services.dispatch', side: 'dispatcher' },
  cancel: {
    from: ['ordered', 'dispatched', 'accepted'],
    to: 'cancelled',
    permission: 'services.order',
    side: 'resident',
  },
  timeout: { from: ['dispatched'], to: 'ordered', permission: null, side: 'system' },
};

/** Actions the state alone allows (permissions, side and scope are checked on top). */
export function soActionsFrom(status: SoStatus): SoAction[] {
  return SO_ACTIONS.filter(
    (a) => SO_TRANSITIONS[a].from.includes(status) && SO_TRANSITIONS[a].side !== 'system',
  );
}
