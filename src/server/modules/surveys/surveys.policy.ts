import { type SQL, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/permissions';
import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { svSurveys } from './surveys.table';

/**
 * Who may do what with surveys (DESIGN convention 4): staff read and manage the surveys of units in their
 * subtree (a community's survey is read by its subdistrict above it, not by another community); paper
 * forms are entered with surveys.enter. Out of scope is 404. A resident reaches a survey only when it was
 * distributed to a unit their home lies in (`residentScope`).
 */
export type SurveyAction = 'read' | 'manage' | 'enter' | 'answer';
type Scoped = { orgPath: string; status?: string };

export const surveysPolicy: Policy<SurveyAction, Scoped> = definePolicy({
  /** `answer`: a resident's own answers; its roots are the units of their resident role (see `residentScope`). */
  permissions: {
    read: 'surveys.read',
    manage: 'surveys.manage',
    enter: 'surveys.enter',
    answer: 'surveys.answer',
  },
  ...onOrgPath(svSurveys.orgPath),
});

/**
 * Surveys distributed to a unit one of `homePaths` lies in (the resident's household from the registry and
 * the units of their resident role), published or closed, never drafts.
 */
export function residentScope(homePaths: readonly string[]): SQL {
  if (homePaths.length === 0) return sql`false`;
  return sql`(${svSurveys.status} <> 'draft' and (${or(
    ...homePaths.map((p) => sql`${p} like (${svSurveys.orgPath} || '%')`),
  )}))`;
}

/**
 * Staff reach for reading and paper entry: surveys in their subtree, and surveys distributed to a unit
 * above them (a grid worker enters the paper forms of their community's survey for their own grid).
 * Managing stays with the survey's own subtree.
 */
export function staffScope(actor: Actor, action: SurveyAction): SQL {
  const own = surveysPolicy.scope(actor, action);
  if (action === 'manage') return own;
  const roots = surveysPolicy.roots(actor, action);
  if (roots.length === 0) return own;
  return or(own, ...roots.map((r) => sql`${r} like (${svSurveys.orgPath} || '%')`))!;
}

/** Whether the actor reaches the survey for `action` (see `staffScope`). */
export function reaches(actor: Actor, action: SurveyAction, s: Scoped): boolean {
  if (surveysPolicy.can(actor, action, s)) return true;
  if (action === 'manage') return false;
  return surveysPolicy.roots(actor, action).some((r) => r.startsWith(s.orgPath));
}
