import type { AuditLabels } from './audit';

/** Names of the care module's audited actions and entity types, for the audit log page. */
export const CARE_AUDIT: AuditLabels = {
  actions: {
    'care.plan_create': { 'zh-CN': '制定走访关爱计划', en: 'Create visit plan' },
    'care.plan_update': { 'zh-CN': '修改走访关爱计划', en: 'Update visit plan' },
    'care.visit': { 'zh-CN': '记录走访', en: 'Log visit' },
    'care.missed': { 'zh-CN': '标记漏访', en: 'Flag missed visit' },
    'care.reveal': { 'zh-CN': '查看关爱对象完整信息', en: 'Reveal a cared-for person’s identity' },
    'care.relief_apply': { 'zh-CN': '登记临时救助申请', en: 'Register temporary relief application' },
    'care.relief_approve': { 'zh-CN': '批准临时救助', en: 'Approve temporary relief' },
    'care.relief_reject': { 'zh-CN': '不予临时救助', en: 'Reject temporary relief' },
    'care.relief_grant': { 'zh-CN': '发放临时救助', en: 'Grant temporary relief' },
    'care.relief_reveal': { 'zh-CN': '查看救助申请人完整信息', en: 'Reveal a relief applicant’s data' },
  },
  entityTypes: {
    care_plan: { 'zh-CN': '走访关爱计划', en: 'Visit plan' },
    care_relief: { 'zh-CN': '临时救助', en: 'Temporary relief' },
  },
};
