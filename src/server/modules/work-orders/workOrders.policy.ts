import {
  TRANSITIONS,
  WO_ACTIONS,
  type WoAction,
  type WoStatus,
  actionsFrom,
} from '../../../shared/contracts/workOrderMachine';
import type { Permission } from '../../../shared/permissions';
import { type Policy, definePolicy } from '../../platform/policy';
import type { SQL } from 'drizzle-orm';
import { or } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../../platform/errors';
import { type Actor, can, inScope, scopePaths } from '../../platform/permissions';
import { workOrders } from './workOrders.table';

/**
 * Who may do what to work orders (DESIGN conventions 4 and 5). An order carries two paths: `org_path`
 * (the unit handling it now) and `dispatch_path` (the subdistrict whose governance centre dispatches
 * it); staff reach an order when either lies in the subtree where they hold the action's permission.
 * The transitions of the state machine (`workOrderMachine.ts`) are actions too, with the permission
 * the table names; a handler-side action (accept, reply, …) is taken only by the unit handling the
 * order (its `org_path`), never from the dispatching subdistrict alone (R-WO-3: the receiving unit
 * accepts and finishes).
 */
export type WorkOrderAction =
  | WoAction
  | 'read'
  | 'intake'
  | 'report'
  | 'handle'
  | 'dispatch'
  | 'follow_up'
  | 'supervise'
  | 'categories'
  | 'stats';
type OrderRecord = { orgPath: string; dispatchPath: string; status?: string; supervised?: boolean };

const transitionPermissions = Object.fromEntries(
  WO_ACTIONS.map((a) => [a, TRANSITIONS[a].permission]),
) as Record<WoAction, Permission>;

const isTransition = (action: WorkOrderAction): action is WoAction => action in TRANSITIONS;

// (Typed explicitly: TypeScript needs it for `workOrdersPolicy.require` to narrow the actor.)
export const workOrdersPolicy: Policy<WorkOrderAction, OrderRecord> = definePolicy({
  permissions: {
    ...transitionPermissions,
    read: 'work_orders.read',
    /** Staff intake (console, Open311). */
    intake: 'work_orders.intake',
    /** A resident's own report through the public intake. */
    report: 'work_orders.report',
    handle: 'work_orders.handle',
    dispatch: 'work_orders.dispatch',
    follow_up: 'work_orders.follow_up',
    supervise: 'work_orders.supervise',
    categories: 'work_orders.categories',
    /** Reading measures with the reports module's permission (see `statsScope`). */
    stats: 'reports.read',
  },
  pathColumns: [workOrders.orgPath, workOrders.dispatchPath],
  pathsOf: (o: OrderRecord) => [o.orgPath, o.dispatchPath],
  allows: (actor, action, o) =>
    !isTransition(action) ||
    TRANSITIONS[action].side !== 'handler' ||
    inScope(actor, TRANSITIONS[action].permission, o.orgPath),
});

/** Whether the actor may take a transition on the order (the state is the workflow engine's check). */
export function mayAct(actor: Actor, order: OrderRecord, action: WoAction): boolean {
  return workOrdersPolicy.can(actor, action, order);
}

/**
 * What this actor may do to the order now, for the UI (`actions`): the state machine ∩ permissions ∩
 * scope; an order already under supervision is not put under it again.
 */
export function allowedActions(
  actor: Actor | undefined,
  order: OrderRecord & { status: string; supervised: boolean },
): WoAction[] {
  if (!actor) return [];
  return actionsFrom(order.status as WoStatus).filter(
    (a) => workOrdersPolicy.can(actor, a, order) && !(a === 'supervise' && order.supervised),
  );
}

// ---------------------------------------------------------------- measures

/**
 * Measures of work orders (R-WO-5 resolution level, R-WO-6 frequent problems) are read with
 * work_orders.read or reports.read, each in the subtree where the actor holds it.
 */
export function requireStats(actor: Actor | undefined): asserts actor is Actor {
  if (!actor) throw new AppError('common.unauthenticated', 401);
  if (!can(actor, 'work_orders.read') && !can(actor, 'reports.read'))
    throw new AppError('common.forbidden', 403, {}, { permission: 'reports.read' });
}

/** The `where` fragment keeping the rows (or units) whose path `path` is in reach for measures. */
export function statsScope(actor: Actor, path: AnyPgColumn | SQL): SQL {
  return or(workOrdersPolicy.scope(actor, 'read', path), workOrdersPolicy.scope(actor, 'stats', path))!;
}

/** The permissions measures are read with (see `statsScope`), for finding a unit in their reach. */
export const STATS_PERMISSIONS: readonly Permission[] = [
  workOrdersPolicy.permissions.read,
  workOrdersPolicy.permissions.stats,
];

/** The tops of the subtrees in reach for measures, sorted (the first is the default report root). */
export function statsRoots(actor: Actor): string[] {
  return [
    ...new Set([...scopePaths(actor, 'work_orders.read'), ...scopePaths(actor, 'reports.read')]),
  ].sort();
}

/** The unit where the actor takes intakes (the first unit they hold work_orders.intake at), if any. */
export function intakeUnitId(actor: Actor): string | undefined {
  return scopePaths(actor, 'work_orders.intake')[0]?.split('/').filter(Boolean).at(-1);
}
