import type { AuditLabels } from './audit';

/** Names of the projects archive's audited actions and entity types (R-PJ-3), merged into PROJECTS_AUDIT. */
export const PROJECTS_ARCHIVE_AUDIT: AuditLabels = {
  actions: {
    'projects.archive.add': { 'zh-CN': '上传项目档案', en: 'Add project archive file' },
    'projects.archive.export': { 'zh-CN': '导出项目档案', en: 'Export project archive' },
    'projects.archive.remove': { 'zh-CN': '删除项目档案资料', en: 'Remove project archive file' },
  },
  entityTypes: {
    pj_archive_item: { 'zh-CN': '项目档案', en: 'Project archive item' },
  },
};
