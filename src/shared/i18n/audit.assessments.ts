import type { AuditLabels } from './audit';

/** Names of the assessments module's audited actions and entity types, for the audit log page. */
export const ASSESSMENTS_AUDIT: AuditLabels = {
  actions: {
    'assessments.framework.install': { 'zh-CN': '载入内置测评标准', en: 'Install built-in framework' },
    'assessments.framework.create': { 'zh-CN': '新建测评标准', en: 'Create framework' },
    'assessments.framework.import': { 'zh-CN': '导入测评标准', en: 'Import framework' },
    'assessments.round.create': { 'zh-CN': '新建测评轮次', en: 'Create assessment round' },
    'assessments.round.open': { 'zh-CN': '启动测评轮次', en: 'Open assessment round' },
    'assessments.round.publish': { 'zh-CN': '发布测评结果', en: 'Publish assessment results' },
    'assessments.sheet.score': { 'zh-CN': '填报测评评分', en: 'Enter assessment scores' },
    'assessments.sheet.submit': { 'zh-CN': '提交自评', en: 'Submit self-assessment' },
    'assessments.sheet.return': { 'zh-CN': '退回自评', en: 'Return self-assessment' },
    'assessments.sheet.approve': { 'zh-CN': '街道审核通过', en: 'Approve after review' },
    'assessments.sheet.sign': { 'zh-CN': '锁定并签署评分', en: 'Lock and sign scores' },
    'assessments.sheet.attach': { 'zh-CN': '上传佐证材料', en: 'Attach evidence' },
    'assessments.sheet.link_evidence': { 'zh-CN': '关联平台记录作为佐证', en: 'Link a record as evidence' },
    'assessments.sheet.unlink_evidence': { 'zh-CN': '取消关联佐证记录', en: 'Unlink an evidence record' },
  },
  entityTypes: {
    as_framework: { 'zh-CN': '测评标准', en: 'Assessment framework' },
    as_round: { 'zh-CN': '测评轮次', en: 'Assessment round' },
    as_sheet: { 'zh-CN': '社区测评表', en: 'Community scoring sheet' },
  },
};
