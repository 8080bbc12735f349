import type { AuditLabels } from './audit';

/** Names of the facilities module's audited actions and entity types, for the audit log page. */
export const FACILITIES_AUDIT: AuditLabels = {
  actions: {
    'facilities.create': { 'zh-CN': '登记设施', en: 'Register facility' },
    'facilities.update': { 'zh-CN': '修改设施', en: 'Update facility' },
    'facilities.kind_save': { 'zh-CN': '保存设施类型', en: 'Save facility kind' },
  },
  entityTypes: {
    fc_facility: { 'zh-CN': '设施', en: 'Facility' },
    fc_kind: { 'zh-CN': '设施类型', en: 'Facility kind' },
  },
};
