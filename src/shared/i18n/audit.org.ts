import type { AuditLabels } from './audit';

/** Names of the org module's audited actions and entity types, for the audit log page. */
export const ORG_AUDIT: AuditLabels = {
  actions: {
    'org.create': { 'zh-CN': '新建组织', en: 'Create unit' },
    'org.update': { 'zh-CN': '修改组织', en: 'Update unit' },
    'org.move': { 'zh-CN': '移动组织', en: 'Move unit' },
    'org.merge': { 'zh-CN': '合并组织', en: 'Merge unit' },
    'org.split': { 'zh-CN': '拆分组织', en: 'Split unit' },
    'org.archive': { 'zh-CN': '撤销组织', en: 'Archive unit' },
    'org.boundary_import': { 'zh-CN': '导入网格边界', en: 'Import grid boundary' },
  },
  entityTypes: {
    org_unit: { 'zh-CN': '组织', en: 'Org unit' },
  },
};
