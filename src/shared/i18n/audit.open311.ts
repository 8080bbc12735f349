import type { AuditLabels } from './audit';

/** Names of the open311 module's audited actions and entity types, for the audit log page. */
export const OPEN311_AUDIT: AuditLabels = {
  actions: {
    'open311.key_create': { 'zh-CN': '新建接口密钥', en: 'Create API key' },
    'open311.key_revoke': { 'zh-CN': '停用接口密钥', en: 'Revoke API key' },
  },
  entityTypes: {
    open311_key: { 'zh-CN': '接口密钥', en: 'API key' },
  },
};
