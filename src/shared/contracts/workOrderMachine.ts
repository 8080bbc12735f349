import type { Permission } from '../permissions';

/**
 * The work-order state machine (DESIGN convention 10): one table drives the API (which transitions are
 * legal, and with which permission) and the UI (which action buttons to show). Isomorphic on purpose.
 * Rules: R-WO-2 closed loop, R-WO-3 time limits, R-LAW-WO-2 diversion/duplicates, R-LAW-WO-3 objections
 * and extensions, R-LAW-WO-5 follow-up and redo, R-LAW-WO-7 the grid event loop.
 */
export const WO_STATUSES = [
  'submitted', // intake queue of the governance centre (立案待派)
  'dispatched', // sent to a unit, waiting to be accepted (派单 → 待签收)
  'in_progress', // accepted and being handled (签收 → 处置)
  'return_requested', // the unit returned it / objected (退单、派单异议), the dispatcher reviews
  'extension_pending', // an extension was asked for, the dispatcher decides (延期)
  'replied', // the unit replied with the result; follow-up pending (办结待回访)
  'closed', // followed up and closed (结案)
  'cancelled',
  'duplicate', // linked to an earlier order (重复件)
  'diverted', // emergency to 110/119/120/122, or told its legal channel (R-LAW-WO-2)
] as const;
export type WoStatus = (typeof WO_STATUSES)[number];

export const OPEN_STATUSES: readonly WoStatus[] = [
  'submitted',
  'dispatched',
  'in_progress',
  'return_requested',
  'extension_pending',
  'replied',
];
export const TERMINAL_STATUSES: readonly WoStatus[] = ['closed', 'cancelled', 'duplicate', 'diverted'];

/** Whose side an action is taken from; decides which scope is checked. */
export type Side = 'dispatcher' | 'handler' | 'supervisor';

export interface Transition {
  from: readonly WoStatus[];
  /** null = the status does not change (a note-like step). Follow-up decides between closed and a redo. */
  to: WoStatus | null;
  permission: Permission;
  side: Side;
}

export const WO_ACTIONS = [
  'classify',
  'dispatch',
  'divert',
  'link_duplicate',
  'cancel',
  'accept',
  'return',
  'approve_return',
  'reject_return',
  'reassign',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'whistle',
  'participant_report',
  'reply',
  'follow_up',
  'close',
  'remind',
  'supervise',
] as const;
export type WoAction = (typeof WO_ACTIONS)[number];

export const TRANSITIONS: Record<WoAction, Transition> = {
  classify: { from: ['submitted'], to: null, permission: 'work_orders.dispatch', side: 'dispatcher' },
  dispatch: { from: ['submitted'], to: 'dispatched', permission: 'work_orders.dispatch', side: 'dispatcher' },
  divert: { from: ['submitted'], to: 'diverted', permission: 'work_orders.dispatch', side: 'dispatcher' },
  link_duplicate: {
    from: ['submitted'],
    to: 'duplicate',
    permission: 'work_orders.dispatch',
    side: 'dispatcher',
  },
  cancel: {
    from: ['submitted', 'dispatched'],
    to: 'cancelled',
    permission: 'work_orders.dispatch',
    side: 'dispatcher',
  },
  accept: { from: ['dispatched'], to: 'in_progress', permission: 'work_orders.handle', side: 'handler' },
  return: {
    from: ['dispatched', 'in_progress'],
    to: 'return_requested',
    permission: 'work_orders.handle',
    side: 'handler',
  },
  approve_return: {
    from: ['return_requested'],
    to: 'submitted',
    permission: 'work_orders.dispatch',
    side: 'dispatcher',
  },
  reject_return: {
    from: ['return_requested'],
    to: 'dispatched',
    permission: 'work_orders.dispatch',
    side: 'dispatcher',
  },
  reassign: {
    from: ['dispatched', 'in_progress'],
    to: 'dispatched',
    permission: 'work_orders.dispatch',
    side: 'dispatcher',
  },
  request_extension: {
    from: ['in_progress'],
    to: 'extension_pending',
    permission: 'work_orders.handle',
    side: 'handler',
  },
  approve_extension: {
    from: ['extension_pending'],
    to: 'in_progress',
    permission: 'work_orders.dispatch',
    side: 'dispatcher',
  },
  reject_extension: {
    from: ['extension_pending'],
    to: 'in_progress',
    permission: 'work_orders.dispatch',
    side: 'dispatcher',
  },
  whistle: { from: ['in_progress'], to: null, permission: 'work_orders.handle', side: 'handler' },
  participant_report: {
    from: ['in_progress', 'extension_pending'],
    to: null,
    permission: 'work_orders.handle',
    side: 'handler',
  },
  reply: { from: ['in_progress'], to: 'replied', permission: 'work_orders.handle', side: 'handler' },
  // Closed when satisfied or not the unit's fault; back to in_progress as a redo (重办) otherwise.
  follow_up: { from: ['replied'], to: 'closed', permission: 'work_orders.follow_up', side: 'dispatcher' },
  close: { from: ['replied'], to: 'closed', permission: 'work_orders.follow_up', side: 'dispatcher' },
  remind: {
    from: ['dispatched', 'in_progress', 'return_requested', 'extension_pending'],
    to: null,
    permission: 'work_orders.supervise',
    side: 'supervisor',
  },
  supervise: {
    from: ['submitted', 'dispatched', 'in_progress', 'return_requested', 'extension_pending', 'replied'],
    to: null,
    permission: 'work_orders.supervise',
    side: 'supervisor',
  },
};

/** Actions the state alone allows (permissions and scope are checked on top). */
export function actionsFrom(status: WoStatus): WoAction[] {
  return WO_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}
