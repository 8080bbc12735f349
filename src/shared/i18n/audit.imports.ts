import type { AuditLabels } from './audit';

/** Names of the imports module's audited actions and entity types, for the audit log page. */
export const IMPORTS_AUDIT: AuditLabels = {
  actions: {
    'imports.upload': { 'zh-CN': '上传导入文件', en: 'Upload import' },
    'imports.commit': { 'zh-CN': '确认导入', en: 'Commit import' },
    'imports.cancel': { 'zh-CN': '取消导入', en: 'Cancel import' },
  },
  entityTypes: {
    import_job: { 'zh-CN': '导入任务', en: 'Import' },
  },
};
