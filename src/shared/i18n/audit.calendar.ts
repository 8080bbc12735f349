import type { AuditLabels } from './audit';

/** Names of the calendar module's audited actions and entity types, for the audit log page. */
export const CALENDAR_AUDIT: AuditLabels = {
  actions: {
    'calendar.replace_year': { 'zh-CN': '载入节假日安排', en: 'Load holiday schedule' },
    'calendar.schedule_missing': { 'zh-CN': '节假日安排缺失提醒', en: 'Holiday schedule missing' },
  },
  entityTypes: {
    calendar_year: { 'zh-CN': '节假日年度安排', en: 'Calendar year' },
  },
};
