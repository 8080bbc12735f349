import type { ActorCtx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { type ApplicationAction, type CallAction, applicationsPolicy, callsPolicy } from './projects.policy';
import {
  type ApplicationRow,
  type CallRow,
  callById,
  findApplication,
  findCall,
} from './projects.repository';
import { foundInReach } from '../../platform/findInScope';

/** A call in the actor's reach for `action` (the permission is checked first), or 404. */
export async function callInReach(ctx: ActorCtx, id: string, action: CallAction = 'read'): Promise<CallRow> {
  return foundInReach(callsPolicy, ctx, action, () => findCall(ctx.db, ctx.actor, id, action));
}

/** An application in the actor's reach for `action` (the permission is checked first), or 404. */
export async function applicationInReach(
  ctx: ActorCtx,
  id: string,
  action: ApplicationAction = 'read',
): Promise<ApplicationRow> {
  return foundInReach(applicationsPolicy, ctx, action, () => findApplication(ctx.db, ctx.actor, id, action));
}

/** The call of an application already found in reach (404 should it be missing). */
export async function callOfApplication(ctx: ActorCtx, row: ApplicationRow): Promise<CallRow> {
  const call = await callById(ctx.db, row.callId);
  if (!call) throw notFound();
  return call;
}

/**
 * A project (application) in the actor's reach, or 404: to change it (`change`), as its community (apply) or
 * its subdistrict (review); otherwise as any reader. Used by a selected project's milestones and money.
 */
export async function projectInReach(ctx: ActorCtx, id: string, change: boolean): Promise<ApplicationRow> {
  if (!change) return applicationInReach(ctx, id);
  applicationsPolicy.require(ctx.actor, 'read');
  const row =
    (await findApplication(ctx.db, ctx.actor, id, 'apply')) ??
    (await findApplication(ctx.db, ctx.actor, id, 'review'));
  if (!row) throw notFound();
  return row;
}

/** Whether the actor keeps this project: its community (apply) or its subdistrict (review). */
export const keepsProject = (ctx: ActorCtx, row: ApplicationRow) =>
  applicationsPolicy.can(ctx.actor, 'apply', row) || applicationsPolicy.can(ctx.actor, 'review', row);
