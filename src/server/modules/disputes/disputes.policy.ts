import { type SQL, inArray, sql } from 'drizzle-orm';
import { DS_TRANSITIONS, type DsAction } from '../../../shared/contracts/disputes';
import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { type Actor, inScope, scopePaths } from '../../platform/permissions';
import { dsBodies, dsContacts, dsDisputes, dsIncidents, dsMeetings, dsRisks } from './disputes.table';

/**
 * Who may do what with disputes (DESIGN conventions 4 and 5). A dispute is seen by staff over the unit
 * handling it (`org_path`), over the subdistrict whose governance centre diverts it (`dispatch_path`), and
 * over the place where it happened (`place_path`: the grid sees what happens in it); elsewhere it is 404.
 * Centre steps (divert, supervise, close) need disputes.dispatch over the dispatch path; handler steps
 * (accept, mediate, finish) need disputes.handle over the handling unit.
 */
export type DisputeAction = 'read' | 'register' | 'dispatch' | 'handle' | 'reveal';
export type DisputeRecord = { orgPath: string; dispatchPath: string; placePath: string };

export const disputesPolicy: Policy<DisputeAction, DisputeRecord> = definePolicy({
  permissions: {
    read: 'disputes.read',
    register: 'disputes.register',
    dispatch: 'disputes.dispatch',
    handle: 'disputes.handle',
    reveal: 'disputes.reveal',
  },
  pathColumns: [dsDisputes.orgPath, dsDisputes.dispatchPath, dsDisputes.placePath],
  pathsOf: (d: DisputeRecord) => [d.orgPath, d.dispatchPath, d.placePath],
});

/** Disputes in reach for `action` over any of their three paths. */
export function disputeScope(actor: Actor, action: DisputeAction): SQL {
  return disputesPolicy.scope(actor, action);
}

/**
 * Disputes waiting for the actor's own unit (R-WO-3 社区接单): the handling unit is one where they hold
 * disputes.handle themselves, not a unit below it (the centre does not accept for its communities).
 */
export function handlerScope(actor: Actor): SQL {
  const roots = scopePaths(actor, 'disputes.handle');
  if (roots.includes('/')) return sql`true`;
  return roots.length ? inArray(dsDisputes.orgPath, roots) : sql`false`;
}

function isOwnUnit(actor: Actor, path: string): boolean {
  const roots = scopePaths(actor, 'disputes.handle');
  return roots.includes('/') || roots.includes(path);
}

/** Disputes whose centre the actor is (dispatch_path in their disputes.dispatch scope). */
export function centreScope(actor: Actor): SQL {
  return disputesPolicy.scope(actor, 'dispatch', dsDisputes.dispatchPath);
}

/** The per-record rule of the workflow: centre steps over the dispatch path, handler steps over the unit. */
export function mayAct(actor: Actor, d: DisputeRecord, action: DsAction): boolean {
  const t = DS_TRANSITIONS[action];
  if (t.side === 'centre') return inScope(actor, 'disputes.dispatch', d.dispatchPath);
  return isOwnUnit(actor, d.orgPath);
}

/** Whether the actor may reveal the parties' personal data of this dispute (audited). */
export function mayReveal(actor: Actor, d: DisputeRecord): boolean {
  return disputesPolicy.can(actor, 'reveal', d);
}

export type BodyAction = 'read' | 'write';
export const bodiesPolicy: Policy<BodyAction, { orgPath: string }> = definePolicy({
  permissions: { read: 'disputes.read', write: 'disputes.bodies' },
  ...onOrgPath(dsBodies.orgPath),
});

/** A body serves the disputes handled in its unit's subtree (the centre's stationed bodies serve them all). */
export function bodyServes(body: { orgPath: string }, d: { orgPath: string }): boolean {
  return d.orgPath.startsWith(body.orgPath);
}

/** Platform-wide configuration: the classification lists and the ticket limits. */
export const configPolicy: Policy<'read' | 'configure', unknown> = definePolicy({
  permissions: { read: 'disputes.read', configure: 'disputes.configure' },
});

/** Joint meetings (R-DS-3): read in scope; the centre (disputes.dispatch) records them. */
export const meetingsPolicy: Policy<'read' | 'write', { orgPath: string }> = definePolicy({
  permissions: { read: 'disputes.read', write: 'disputes.dispatch' },
  ...onOrgPath(dsMeetings.orgPath),
});

/** Each community's leader and contact (R-DS-3): named by whoever keeps the roster there. */
export const contactsPolicy: Policy<'read' | 'write', { orgPath: string }> = definePolicy({
  permissions: { read: 'disputes.read', write: 'disputes.bodies' },
  ...onOrgPath(dsContacts.orgPath),
});

/** The hidden-risk register (排查): read in scope, written by whoever registers disputes there (grids upward). */
export const risksPolicy: Policy<'read' | 'write', { orgPath: string }> = definePolicy({
  permissions: { read: 'disputes.read', write: 'disputes.register' },
  ...onOrgPath(dsRisks.orgPath),
});

/**
 * The register of serious incidents (seed 004 Ⅱ-4, 社区两年内无重大刑事案件…): read in scope like the other
 * registers; recorded and corrected by the staff who handle disputes over the community (its secretary and
 * workers, the subdistrict's centre), not by a grid worker alone: it decides the community's standing.
 */
export const incidentsPolicy: Policy<'read' | 'write', { orgPath: string }> = definePolicy({
  permissions: { read: 'disputes.read', write: 'disputes.handle' },
  ...onOrgPath(dsIncidents.orgPath),
});
