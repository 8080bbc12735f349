import { type SQL, or, sql } from 'drizzle-orm';
import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { type Actor, scopePaths } from '../../platform/permissions';
import { soFunds, soProfiles, soProposals } from './socialOrgs.table';

/**
 * Who may do what with social organisations (issue 16 §2). Every row carries the org path of its unit
 * (the organisation's community, the station's subdistrict or community, the round's issuer, the fund's
 * community); repositories AND the scope on the table's own `org_path` column.
 */
export type SoAction = 'read' | 'manage' | 'review';
export type Scoped = { orgPath: string };

export const soPolicy: Policy<SoAction, Scoped> = definePolicy({
  permissions: { read: 'social_orgs.read', manage: 'social_orgs.manage', review: 'social_orgs.review' },
  ...onOrgPath(soProfiles.orgPath),
});

/**
 * A 公益创投 proposal is reached by the organisation's community (org_path: read, manage on its behalf)
 * and by the round's issuer (round_path: its reviewers).
 */
export type ProposalRecord = { orgPath: string; roundPath: string };
export const proposalsPolicy: Policy<SoAction, ProposalRecord> = definePolicy({
  permissions: { read: 'social_orgs.read', manage: 'social_orgs.manage', review: 'social_orgs.review' },
  pathColumns: [soProposals.orgPath, soProposals.roundPath],
  pathsOf: (r: ProposalRecord) => [r.orgPath, r.roundPath],
});

/** Residents read the community funds of the units their home lies in (社区基金公示). */
export function fundBoardScope(actor: Actor): SQL {
  const roots = scopePaths(actor, 'social_orgs.fund_board');
  if (roots.length === 0) return sql`false`;
  if (roots.includes('/')) return sql`true`;
  return or(...roots.map((root) => sql`${root} like (${soFunds.orgPath} || '%')`))!;
}
