import { audited } from '../../platform/auditedEntity';

/**
 * The audit writers of the module's entities: `auditCall(tx, ctx, action, id, at, { before, after })`, each
 * entry filed under the path of `at` (the record itself, or the application or call it belongs to).
 */
export const auditCall = audited('pj_call');
export const auditApplication = audited('pj_application');
export const auditScore = audited('pj_score');
export const auditReport = audited('pj_report');
export const auditMilestone = audited('pj_milestone');
export const auditDisbursement = audited('pj_disbursement');
export const auditSpend = audited('pj_spend');
export const auditFundDisclosure = audited('pj_fund_disclosure');
export const auditArchiveItem = audited('pj_archive_item');
export const auditAssignment = audited('pj_assignment');
export const auditChange = audited('pj_change');
export const auditDoorstep = audited('pj_doorstep_project');
