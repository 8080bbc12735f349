import type { AuditLabels } from './audit';

/** Names of the scheduled-reports module's audited actions and entity types, for the audit log page. */
export const SCHEDULED_REPORTS_AUDIT: AuditLabels = {
  actions: {
    'scheduled_reports.template.create': { 'zh-CN': '新建报告模板', en: 'Create report template' },
    'scheduled_reports.template.update': { 'zh-CN': '修改报告模板', en: 'Edit report template' },
    'scheduled_reports.cycle.create': { 'zh-CN': '生成报送周期', en: 'Open reporting cycle' },
    'scheduled_reports.cycle.remind': { 'zh-CN': '报送到期提醒', en: 'Remind of a report due soon' },
    'scheduled_reports.cycle.overdue': { 'zh-CN': '标记逾期未报', en: 'Flag reports not submitted in time' },
    'scheduled_reports.submission.save': { 'zh-CN': '保存报告草稿', en: 'Save report draft' },
    'scheduled_reports.submission.submit': { 'zh-CN': '报送报告', en: 'Submit report' },
    'scheduled_reports.submission.resubmit': { 'zh-CN': '重新报送报告', en: 'Resubmit report' },
    'scheduled_reports.submission.accept': { 'zh-CN': '审核通过报告', en: 'Accept report' },
    'scheduled_reports.submission.return': { 'zh-CN': '退回报告', en: 'Return report' },
  },
  entityTypes: {
    sr_template: { 'zh-CN': '报告模板', en: 'Report template' },
    sr_cycle: { 'zh-CN': '报送周期', en: 'Reporting cycle' },
    sr_submission: { 'zh-CN': '信息报告', en: 'Report submission' },
  },
};
