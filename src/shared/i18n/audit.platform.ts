import type { AuditLabels } from './audit';

/** Names of what the platform itself audits, outside any module (the demo loader), for the audit log page. */
export const PLATFORM_AUDIT: AuditLabels = {
  actions: {
    'system.seed_demo': { 'zh-CN': '载入演示数据', en: 'Load demo data' },
  },
  entityTypes: {
    system: { 'zh-CN': '系统', en: 'System' },
  },
};
