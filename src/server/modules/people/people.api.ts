/**
 * What other modules may use of the people registry (DESIGN boundaries): functions and types, never the
 * tables.
 */
export { type PartyMemberRow, partyMemberInScope, type WorkerRow, workerInScope } from './people.repository';
export { createSocialOrg, updateSocialOrg } from './units.usecases';
export {
  type SocialOrgField,
  type SocialOrgRow,
  type SocialWorkerRow,
  migrantWelfareCounts,
  socialOrgFieldSql,
  socialOrgInReach,
  socialOrgsByIds,
  workerInReach,
  workersByIds,
} from './socialOrgs.repository';

/** A worker counts as a qualified social worker with a 社会工作者 qualification (助理社工师, 社工师, 高级社工师). */
export const isQualifiedSocialWorker = (w: { qualifications: readonly string[] }) =>
  w.qualifications.some((q) => q.startsWith('social_worker') || q.includes('社工'));
