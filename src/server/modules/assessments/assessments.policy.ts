import { type SQL, ne } from 'drizzle-orm';
import { type Policy, definePolicy } from '../../platform/policy';
import { issuedReadScope, onOrgPath } from '../../platform/policyPaths';
import { type Actor, can, inScope, scopePaths } from '../../platform/permissions';
import { asRounds, asSheets } from './assessments.table';

/**
 * Who may do what in the assessments module (DESIGN convention 4).
 *
 * Frameworks are platform-wide data: read with `assessments.read` anywhere, changed with
 * `assessments.manage` anywhere. Rounds live at the issuing city/district and concern the communities below:
 * readable in the actor's subtree, or above the actor's unit once open. Sheets are scoped by the assessed
 * community's path; the evaluator's steps also need the sheet's assignment (`evaluator_id` = the actor).
 */
export type SheetAction = 'read' | 'self' | 'review' | 'evaluate' | 'manage' | 'export';
type SheetRecord = { orgPath: string; evaluatorId?: string };

export const sheetsPolicy: Policy<SheetAction, SheetRecord> = definePolicy({
  permissions: {
    read: 'assessments.read',
    self: 'assessments.self',
    review: 'assessments.review',
    evaluate: 'assessments.evaluate',
    manage: 'assessments.manage',
    export: 'assessments.export',
  },
  ...onOrgPath(asSheets.orgPath),
});

/** The evaluator's steps: in scope and assigned to this very sheet. */
export function isAssignedEvaluator(actor: Actor, sheet: { orgPath: string; evaluatorId: string }): boolean {
  return sheetsPolicy.can(actor, 'evaluate', sheet) && sheet.evaluatorId === actor.userId;
}

export type RoundAction = 'read' | 'manage';
type RoundRecord = { orgPath: string; state: string };

export const roundsPolicy: Policy<RoundAction, RoundRecord> = definePolicy({
  permissions: { read: 'assessments.read', manage: 'assessments.manage' },
  ...onOrgPath(asRounds.orgPath),
});

/** Rounds the actor may read: issued in their subtree, or above their unit and no longer a draft. */
export function roundReadScope(actor: Actor): SQL {
  return issuedReadScope(actor, 'assessments.read', asRounds.orgPath, ne(asRounds.state, 'draft'));
}

export function canReadRound(actor: Actor, round: RoundRecord): boolean {
  if (inScope(actor, 'assessments.read', round.orgPath)) return true;
  if (round.state === 'draft') return false;
  return scopePaths(actor, 'assessments.read').some((root) => root.startsWith(round.orgPath));
}

/** Frameworks: platform-wide. */
export const canReadFrameworks = (actor: Actor) => can(actor, 'assessments.read');
export const canManageFrameworks = (actor: Actor) => can(actor, 'assessments.manage');
