import type { AuditLabels } from './audit';

/** Names of the residents module's audited actions and entity types, for the audit log page. */
export const RESIDENTS_AUDIT: AuditLabels = {
  actions: {
    'residents.export_full': {
      'zh-CN': '导出居民（含完整个人信息）',
      en: 'Export residents with full personal data',
    },
    'residents.create': { 'zh-CN': '新增居民', en: 'Create resident' },
    'residents.update': { 'zh-CN': '修改居民', en: 'Update resident' },
    'residents.remove': { 'zh-CN': '注销居民', en: 'Remove resident' },
    'residents.reveal': { 'zh-CN': '查看完整个人信息', en: 'Reveal personal data' },
    'residents.export': { 'zh-CN': '导出居民', en: 'Export residents' },
  },
  entityTypes: {
    resident: { 'zh-CN': '居民', en: 'Resident' },
  },
};
