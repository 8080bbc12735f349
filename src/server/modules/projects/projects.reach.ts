import type { ActorCtx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { applicationsPolicy } from './projects.policy';
import { type ApplicationRow, findApplication } from './projects.repository';

/**
 * A project (application) in the actor's reach, or 404: to change it (`change`), as its community (apply) or
 * its subdistrict (review); otherwise as any reader. Used by a selected project's milestones and money.
 */
export async function projectInReach(ctx: ActorCtx, id: string, change: boolean): Promise<ApplicationRow> {
  applicationsPolicy.require(ctx.actor, 'read');
  const row = change
    ? ((await findApplication(ctx.db, ctx.actor, id, 'apply')) ??
      (await findApplication(ctx.db, ctx.actor, id, 'review')))
    : await findApplication(ctx.db, ctx.actor, id, 'read');
  if (!row) throw notFound();
  return row;
}

/** Whether the actor keeps this project: its community (apply) or its subdistrict (review). */
export const keepsProject = (ctx: ActorCtx, row: ApplicationRow) =>
  applicationsPolicy.can(ctx.actor, 'apply', row) || applicationsPolicy.can(ctx.actor, 'review', row);
