import type { AuditLabels } from './audit';

/** Names of the property module's audited actions and entity types, for the audit log page. */
export const PROPERTY_AUDIT: AuditLabels = {
  actions: {
    'property.compound.save': { 'zh-CN': '登记小区物业信息', en: 'Save compound property profile' },
    'property.meeting.create': { 'zh-CN': '登记三方联动会议', en: 'Record three-party meeting' },
    'property.issue.create': { 'zh-CN': '登记三方联动问题', en: 'Record three-party issue' },
    'property.issue.resolve': { 'zh-CN': '三方联动问题已解决', en: 'Resolve three-party issue' },
    'property.notice.create': { 'zh-CN': '发布物业公示', en: 'Post property notice' },
    'property.appraisal.create': { 'zh-CN': '登记物业服务评议', en: 'Record property-service appraisal' },
    'property.honour.create': { 'zh-CN': '登记小区荣誉', en: 'Record compound honour' },
  },
  entityTypes: {
    pm_compound: { 'zh-CN': '小区物业信息', en: 'Compound property profile' },
    pm_meeting: { 'zh-CN': '三方联动会议', en: 'Three-party meeting' },
    pm_issue: { 'zh-CN': '三方联动问题', en: 'Three-party issue' },
    pm_notice: { 'zh-CN': '物业公示', en: 'Property notice' },
    pm_appraisal: { 'zh-CN': '物业服务评议', en: 'Property-service appraisal' },
    pm_honour: { 'zh-CN': '小区荣誉', en: 'Compound honour' },
  },
};
