import type { AuditLabels } from './audit';

/** Names of the surveys module's audited actions and entity types, for the audit log page. */
export const SURVEYS_AUDIT: AuditLabels = {
  actions: {
    'surveys.create': { 'zh-CN': '新建问卷', en: 'Create survey' },
    'surveys.update': { 'zh-CN': '修改问卷', en: 'Edit survey' },
    'surveys.publish': { 'zh-CN': '发布问卷', en: 'Publish survey' },
    'surveys.close': { 'zh-CN': '结束问卷', en: 'Close survey' },
    'surveys.quotas': { 'zh-CN': '设置样本配额', en: 'Set survey quotas' },
    'surveys.answer': { 'zh-CN': '居民填写问卷', en: 'Answer survey' },
    'surveys.paper': { 'zh-CN': '录入纸质问卷', en: 'Enter paper response' },
    'surveys.export': { 'zh-CN': '导出问卷结果', en: 'Export survey results' },
    'surveys.paper_on_behalf': { 'zh-CN': '代办填写问卷', en: "Enter a resident's answer on their behalf" },
  },
  entityTypes: {
    sv_survey: { 'zh-CN': '问卷', en: 'Survey' },
  },
};
