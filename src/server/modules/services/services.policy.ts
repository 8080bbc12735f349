import { type SQL, eq, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  SO_TRANSITIONS,
  type SoAction,
  type SoStatus,
  soActionsFrom,
} from '../../../shared/contracts/serviceOrderMachine';
import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { type Actor, scopePaths } from '../../platform/permissions';
import { linkedResidentIdSql } from '../accounts/accounts.api';
import { unitPathSql } from '../org/org.api';
import { svcDutySlots, svcNeeds, svcOrders, svcProjects, svcResources, svcStations } from './services.table';

/**
 * Who may do what in services (DESIGN conventions 4 and 5). The three lists (R-SV-1: needs, resources,
 * projects) and the duty rota (R-SV-2: stations, slots) are read with services.read and maintained with
 * services.write in the subtree where the actor holds them. Service orders (R-SV-1 点单 → 派单 → 接单) are
 * seen by staff over the order's community or the grid where it is served, by the person who ordered it
 * and by the assigned server; who may take which step is `mayAct` on top of the state machine.
 */
type Scoped = { orgPath: string };
export type ListAction = 'read' | 'write';

function listPolicy(pathColumn: AnyPgColumn): Policy<ListAction, Scoped> {
  return definePolicy({
    permissions: { read: 'services.read', write: 'services.write' },
    pathColumn,
    pathOf: (r: Scoped) => r.orgPath,
  });
}

/** 需求清单. */
export const needsPolicy: Policy<ListAction, Scoped> = listPolicy(svcNeeds.orgPath);
/** 资源清单. */
export const resourcesPolicy: Policy<ListAction, Scoped> = listPolicy(svcResources.orgPath);
/** 项目清单 (residents browse the published ones without services.read: see the projects route). */
export const projectsPolicy: Policy<ListAction, Scoped> = listPolicy(svcProjects.orgPath);
/** Neighbour stations of the duty rota (R-SV-2). */
export const stationsPolicy: Policy<ListAction, Scoped> = listPolicy(svcStations.orgPath);
/** Duty slots of the rota (R-SV-2). */
export const dutySlotsPolicy: Policy<ListAction, Scoped> = listPolicy(svcDutySlots.orgPath);

export type ServiceOrderAction = 'read' | 'dispatch' | 'order' | 'serve';
type OrderRecord = {
  orgPath: string;
  orderedBy: string | null;
  onBehalf: boolean;
  assigneeUserId: string | null;
  status?: string;
};

// (Typed explicitly: TypeScript needs it for `serviceOrdersPolicy.require` to narrow the actor.)
export const serviceOrdersPolicy: Policy<ServiceOrderAction, OrderRecord> = definePolicy({
  permissions: {
    read: 'services.read',
    /** Community staff: dispatch, close, cancel, order on someone's behalf. */
    dispatch: 'services.dispatch',
    /** A resident orders for themself. */
    order: 'services.order',
    /** A volunteer or reporting party member accepts and serves. */
    serve: 'services.serve',
  },
  ...onOrgPath(svcOrders.orgPath),
});

/** The path of the grid an order is served in (a grid worker sees the orders of their grid). */
const gridPath: SQL = unitPathSql(svcOrders.gridId);

/**
 * Staff over the order's community, or over the grid where it is served (dispatching stays with the
 * community).
 */
export function staffScope(actor: Actor): SQL {
  return or(serviceOrdersPolicy.scope(actor, 'read'), serviceOrdersPolicy.scope(actor, 'read', gridPath))!;
}

/**
 * Staff in scope, the person who ordered, the resident it was ordered for (帮办代办: their login's registry
 * record is the principal), or the assigned server see an order; others get 404.
 */
export function orderVisibility(actor: Actor): SQL {
  return or(
    staffScope(actor),
    eq(svcOrders.orderedBy, actor.userId),
    eq(svcOrders.principalResidentId, linkedResidentIdSql(actor.userId)),
    eq(svcOrders.assigneeUserId, actor.userId),
  )!;
}

/**
 * Who sees a volunteer's yearly service record: the volunteer themself, or staff holding services.read
 * over the volunteer's unit (a reporting party member's record goes to their employer through staff).
 */
export function volunteerRecordVisible(actor: Actor, v: { userId: string | null; orgPath: string }): boolean {
  return (
    v.userId === actor.userId ||
    serviceOrdersPolicy.can(actor, 'read', {
      orgPath: v.orgPath,
      orderedBy: null,
      onBehalf: false,
      assigneeUserId: null,
    })
  );
}

const actionOf: Record<string, ServiceOrderAction> = {
  'services.dispatch': 'dispatch',
  'services.order': 'order',
  'services.serve': 'serve',
  'services.read': 'read',
};

/** The side's check on top of the state machine (DESIGN conventions 5 and 10). */
export function mayAct(actor: Actor, o: OrderRecord, action: SoAction): boolean {
  const t = SO_TRANSITIONS[action];
  const staff = serviceOrdersPolicy.can(actor, 'dispatch', o);
  switch (t.side) {
    case 'dispatcher':
      return !!t.permission && serviceOrdersPolicy.can(actor, actionOf[t.permission]!, o);
    case 'server':
      // The assigned login; staff act for a team or organisation without one.
      if (o.assigneeUserId)
        return o.assigneeUserId === actor.userId && serviceOrdersPolicy.can(actor, 'serve');
      return staff;
    case 'resident':
      // Nobody confirms (and so credits) the service they gave themselves.
      if (action === 'confirm' && o.assigneeUserId === actor.userId) return false;
      if (o.orderedBy === actor.userId && (serviceOrdersPolicy.can(actor, 'order') || o.onBehalf))
        return true;
      // Staff confirm for the person they ordered for, and may cancel any order of their community.
      if (action === 'cancel') return staff;
      return o.onBehalf && staff;
    case 'system':
      return false;
  }
}

/** What the actor may do to the order now, for the UI (`actions`). */
export function allowedActions(actor: Actor | undefined, o: OrderRecord & { status: string }): SoAction[] {
  if (!actor) return [];
  return soActionsFrom(o.status as SoStatus).filter((a) => mayAct(actor, o, a));
}

// ---------------------------------------------------------------- org units used by services

/**
 * A unit (community, grid) is in reach for `action` when it lies in the actor's subtree for it. Used
 * on unit records (`can`); `scope` defaults to an unqualified `path` column (an `org_units` row).
 */
export const servicesUnitPolicy: Policy<'read' | 'write' | 'dispatch', Scoped> = definePolicy({
  permissions: { read: 'services.read', write: 'services.write', dispatch: 'services.dispatch' },
  pathColumn: sql`path`,
  pathOf: (u: Scoped) => u.orgPath,
});

/**
 * Whether a resident or volunteer may order in the unit at `path` (services.order): their role may be
 * assigned at the unit or above it, or at a grid, compound, building or household inside it.
 */
export function mayOrderIn(actor: Actor, path: string): boolean {
  return scopePaths(actor, 'services.order').some((root) => path.startsWith(root) || root.startsWith(path));
}
