import { type SQL, ne, or, sql } from 'drizzle-orm';
import { type Policy, definePolicy } from '../../platform/policy';
import { issuedReadScope, onOrgPath } from '../../platform/policyPaths';
import { type Actor, can } from '../../platform/permissions';
import { pjApplications, pjAssignments, pjCallEvaluation, pjCalls } from './projects.table';

/**
 * Who may do what in the projects module (DESIGN convention 4).
 *
 * Applications are scoped by the applying community's path: the community's staff apply, the subdistrict
 * (town) above it reviews, seals and submits, the bureau above both selects; reviewers score what lies in
 * their subtree. A record out of reach is not found (404).
 *
 * Calls live at the issuing bureau's unit but concern the units below it: a call is in reach for reading
 * when it lies in the actor's subtree or the actor's unit lies under it (a community reads its city's call);
 * drafts only for those who may manage it.
 */
export type ApplicationAction = 'read' | 'apply' | 'review' | 'manage' | 'score' | 'export' | 'board';
type ApplicationRecord = { orgPath: string };

export const applicationsPolicy: Policy<ApplicationAction, ApplicationRecord> = definePolicy({
  permissions: {
    read: 'projects.read',
    apply: 'projects.apply',
    review: 'projects.review',
    manage: 'projects.manage',
    score: 'projects.score',
    export: 'projects.export',
    // board: a resident reading the selected projects of their own community (their board).
    board: 'participation.board',
  },
  ...onOrgPath(pjApplications.orgPath),
});

export type CallAction = 'read' | 'manage';
type CallRecord = { orgPath: string; status: string };

export const callsPolicy: Policy<CallAction, CallRecord> = definePolicy({
  permissions: { read: 'projects.read', manage: 'projects.manage' },
  ...onOrgPath(pjCalls.orgPath),
});

/** Calls the actor may read: issued in their subtree, or above their unit and no longer a draft. */
export function callReadScope(actor: Actor): SQL {
  return issuedReadScope(actor, 'projects.read', pjCalls.orgPath, ne(pjCalls.status, 'draft'));
}

/**
 * Evaluator assignment (issue 11 §2): "an evaluator sees only what they are assigned". A reviewer who takes
 * no part in the procedure (no apply, review or manage permission) lists, reads and exports only the
 * applications assigned to them; anyone scoring who is not a bureau manager scores only those. Others are
 * out of reach (404), like any record out of scope.
 */
export function isEvaluatorOnly(actor: Actor): boolean {
  return !(['projects.apply', 'projects.review', 'projects.manage'] as const).some((p) => can(actor, p));
}

/** Applications the actor is assigned to review. */
function reviewAssignedToActor(actor: Actor): SQL {
  return sql`exists (select 1 from ${pjAssignments} where ${pjAssignments.applicationId} = ${pjApplications.id} and ${pjAssignments.reviewerId} = ${actor.userId})`;
}

/**
 * Applications assigned to the actor: as reviewer of the application, or as a member of its call's final
 * evaluation team (the evaluators the bureau names on the call, R-PJ-4), who evaluate its selected projects.
 */
export function assignedToActor(actor: Actor): SQL {
  return or(
    reviewAssignedToActor(actor),
    sql`${pjApplications.state} = 'selected' and exists (select 1 from ${pjCallEvaluation} where ${pjCallEvaluation.callId} = ${pjApplications.callId} and ${actor.userId}::uuid = any(${pjCallEvaluation.evaluatorIds}))`,
  )!;
}

/** The assignment limit on scoring: none for a bureau manager, the assigned ones for everyone else. */
export function scoreAssignmentLimit(actor: Actor): SQL | undefined {
  return can(actor, 'projects.manage') ? undefined : reviewAssignedToActor(actor);
}
