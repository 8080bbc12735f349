import { audited } from '../../platform/auditedEntity';

/**
 * Audit writers of the module's entities: `auditCall(tx, ctx, action, id, at, { before, after })`, each entry
 * filed under the path of `at` (the record itself, or the application or call it belongs to). Those of calls,
 * applications and doorstep projects serve several files, those of a project's money its money use cases; a
 * file's only entity has its writer beside its use cases.
 */
export const auditCall = audited('pj_call');
export const auditApplication = audited('pj_application');
export const auditDoorstep = audited('pj_doorstep_project');
export const auditDisbursement = audited('pj_disbursement');
export const auditSpend = audited('pj_spend');
export const auditFundDisclosure = audited('pj_fund_disclosure');
