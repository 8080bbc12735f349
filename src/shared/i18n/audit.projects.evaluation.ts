import type { AuditLabels } from './audit';

/** Audited actions of the final evaluation, quotas and exemptions (R-PJ-4), merged into PROJECTS_AUDIT. */
export const PROJECTS_EVALUATION_AUDIT: AuditLabels = {
  actions: {
    'projects.application.evaluate': { 'zh-CN': '末期评估', en: 'Final evaluation' },
    'projects.application.exempt': { 'zh-CN': '不可抗力顺延', en: 'Force-majeure exemption' },
    'projects.call.evaluation_rules': { 'zh-CN': '设置评估等次与名额规则', en: 'Set grades and quota rules' },
    'projects.call.subdistrict_quotas': { 'zh-CN': '设置街道（镇）试点名额', en: 'Set subdistrict quotas' },
    'projects.call.summary_export': { 'zh-CN': '导出年度项目汇总', en: 'Export year summary' },
  },
  entityTypes: {},
};
