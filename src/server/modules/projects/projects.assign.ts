import type { AssignBody, AssignmentsDto, UnassignBody } from '../../../shared/contracts/projects.assign';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { usersWithPermissionAround } from '../accounts/accounts.api';
import {
  applicationsByIds,
  assignmentsOfCall,
  deleteAssignment,
  insertAssignments,
} from './projects.assign.repository';
import { applicationsPolicy } from './projects.policy';
import { callInReach } from './projects.reach';
import { audited } from '../../platform/auditedEntity';

const auditAssignment = audited('pj_assignment');

/**
 * Evaluator assignment (issue 11 §2, S000-28 review record per application): the bureau that manages a
 * call assigns reviewers — holders of `projects.score` whose scope covers the application — to its
 * submitted applications, per application or many at once. What an assignment opens is set in the scope
 * (projects.policy.ts `assignedToActor`): an evaluator lists, reads, scores and exports only those.
 */
export async function getAssignments(ctx: ActorCtx, callId: string): Promise<AssignmentsDto> {
  const call = await callInReach(ctx, callId, 'manage');
  const [candidates, rows] = await Promise.all([
    usersWithPermissionAround(ctx.db, 'projects.score', call.orgPath),
    assignmentsOfCall(ctx.db, call.id),
  ]);
  const reviewers = new Map<string, string>();
  for (const c of candidates) reviewers.set(c.userId, c.displayName);
  return {
    reviewers: [...reviewers].map(([id, name]) => ({ id, name })),
    items: rows.map((r) => ({
      applicationId: r.applicationId,
      reviewerId: r.reviewerId,
      reviewerName: r.reviewerName,
      assignedByName: r.assignedByName,
      createdAt: r.createdAt,
    })),
  };
}

export async function assignReviewers(
  ctx: ActorCtx,
  callId: string,
  body: AssignBody,
): Promise<AssignmentsDto> {
  const call = await callInReach(ctx, callId, 'manage');
  const appIds = [...new Set(body.applicationIds)];
  const apps = await applicationsByIds(ctx.db, call.id, appIds);
  // An application of another call, or out of the bureau's reach, is not found.
  if (apps.length !== appIds.length || apps.some((a) => !applicationsPolicy.can(ctx.actor, 'manage', a)))
    throw notFound();
  if (apps.some((a) => a.state !== 'submitted')) throw new AppError('projects.assign_not_submitted', 409);
  const candidates = await usersWithPermissionAround(ctx.db, 'projects.score', call.orgPath);
  const now = ctx.clock.now();
  const rows: Parameters<typeof insertAssignments>[1] = [];
  for (const reviewerId of new Set(body.reviewerIds)) {
    const held = candidates.filter((c) => c.userId === reviewerId);
    for (const a of apps) {
      // The reviewer's scope must cover the application (else they could never read it).
      if (!held.some((c) => a.orgPath.startsWith(c.unitPath)))
        throw new AppError('projects.assign_not_reviewer', 422);
      rows.push({
        id: ctx.ids(),
        applicationId: a.id,
        callId: call.id,
        orgPath: a.orgPath,
        reviewerId,
        reviewerName: held[0]!.displayName,
        assignedBy: ctx.actor.userId,
        assignedByName: ctx.actor.displayName,
        createdAt: now,
      });
    }
  }
  await ctx.db.transaction(async (tx) => {
    const inserted = await insertAssignments(tx, rows);
    for (const r of inserted)
      await auditAssignment(tx, ctx, 'projects.assign', r.id, r, {
        after: { applicationId: r.applicationId, reviewerId: r.reviewerId, reviewerName: r.reviewerName },
      });
  });
  return getAssignments(ctx, callId);
}

export async function unassignReviewer(
  ctx: ActorCtx,
  callId: string,
  body: UnassignBody,
): Promise<AssignmentsDto> {
  const call = await callInReach(ctx, callId, 'manage');
  const [app] = await applicationsByIds(ctx.db, call.id, [body.applicationId]);
  if (!app || !applicationsPolicy.can(ctx.actor, 'manage', app)) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteAssignment(tx, body.applicationId, body.reviewerId);
    if (!removed) throw notFound();
    await auditAssignment(tx, ctx, 'projects.unassign', removed.id, removed, {
      before: { applicationId: removed.applicationId, reviewerId: removed.reviewerId },
    });
  });
  return getAssignments(ctx, callId);
}
