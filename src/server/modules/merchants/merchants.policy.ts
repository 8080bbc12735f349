import { type SQL, and, inArray, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, can as holds } from '../../platform/permissions';
import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { redemptionPoints } from './merchants.table';

/**
 * Who may see and work a redemption point (DESIGN convention 4, R-VP-1). Community staff manage points
 * (`merchants.manage`) and work their counters (`redemptions.counter`) over their subtree. A merchant
 * login (role `merchant`) works only the points it is linked to (redemption_point_users), and only while
 * it still holds the role at that point's community: the repository finds the linked points
 * (`linkedPointIds`), the functions below combine them with the policy's scope. A volunteer (the
 * holder, `ledger.own`) asks for redemption codes wherever they are: an unscoped action.
 */
export type MerchantAction = 'manage' | 'counter' | 'holder';
export type PointRecord = { id: string; orgPath: string; status?: string };

export const merchantsPolicy: Policy<MerchantAction, PointRecord> = definePolicy({
  permissions: { manage: 'merchants.manage', counter: 'redemptions.counter', holder: 'ledger.own' },
  ...onOrgPath(redemptionPoints.orgPath),
  unscoped: ['holder'],
  allows: (_actor, action) => action !== 'holder',
});

/** What a list or lookup needs: `read` = manage or counter. */
export type Access = 'manage' | 'counter' | 'read';

function withRoles(actor: Actor, pick: (role: string) => boolean): Actor {
  return { ...actor, assignments: actor.assignments.filter((a) => pick(a.role)) };
}
const staffOf = (actor: Actor) => withRoles(actor, (r) => r !== 'merchant');
const merchantOf = (actor: Actor) => withRoles(actor, (r) => r === 'merchant');
/** Whether the actor logs in as a merchant somewhere (then the repository finds its linked points). */
export const isMerchantLogin = (actor: Actor) => actor.assignments.some((a) => a.role === 'merchant');

/**
 * The `where` fragment that keeps rows of points in reach for `access` (`pointId`, `path`: the row's
 * point and org path columns): staff over their subtree, a merchant login at its linked points only.
 */
export function pointScope(
  actor: Actor,
  linked: string[],
  access: Access,
  cols: { pointId: AnyPgColumn; path: AnyPgColumn | SQL } = {
    pointId: redemptionPoints.id,
    path: redemptionPoints.orgPath,
  },
): SQL {
  const manage = merchantsPolicy.scope(actor, 'manage', cols.path);
  if (access === 'manage') return manage;
  const staff = merchantsPolicy.scope(staffOf(actor), 'counter', cols.path);
  const merchant =
    linked.length > 0
      ? and(inArray(cols.pointId, linked), merchantsPolicy.scope(merchantOf(actor), 'counter', cols.path))!
      : sql`false`;
  if (access === 'counter') return or(staff, merchant)!;
  return or(manage, staff, merchant)!;
}

/** 401 without a session, 403 unless the actor manages points or works a counter somewhere. */
export function requireRead(actor: Actor | undefined): asserts actor is Actor {
  if (!merchantsPolicy.can(actor, 'manage')) merchantsPolicy.require(actor, 'counter');
}

/** What the actor may do at a point (the UI's buttons; DESIGN convention 6). */
export function pointAbilities(actor: Actor, p: PointRecord, linked: string[]) {
  const manage = merchantsPolicy.can(actor, 'manage', p);
  const staffCounter = merchantsPolicy.can(staffOf(actor), 'counter', p);
  const merchantCounter = linked.includes(p.id) && merchantsPolicy.can(merchantOf(actor), 'counter', p);
  return {
    edit: manage,
    counter: p.status === 'active' && (staffCounter || merchantCounter),
    settle: manage,
  };
}

/**
 * Whether the counter may redeem for a volunteer picked by id instead of a code: community staff who
 * manage the point and may read volunteers; never a merchant login.
 */
export function mayEnterVolunteer(actor: Actor, p: PointRecord): boolean {
  return merchantsPolicy.can(actor, 'manage', p) && holds(actor, 'volunteers.read');
}
