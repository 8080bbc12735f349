import type { AuditLabels } from './audit';
import { PROJECTS_ARCHIVE_AUDIT } from './audit.projects.archive';
import { PROJECTS_MILESTONE_AUDIT } from './audit.projects.milestones';
import { PROJECTS_EVALUATION_AUDIT } from './audit.projects.evaluation';

/** Names of the projects module's audited actions and entity types, for the audit log page. */
export const PROJECTS_AUDIT: AuditLabels = {
  actions: {
    ...PROJECTS_ARCHIVE_AUDIT.actions,
    ...PROJECTS_MILESTONE_AUDIT.actions,
    ...PROJECTS_EVALUATION_AUDIT.actions,
    'projects.call.create': { 'zh-CN': '起草申报通知', en: 'Draft project call' },
    'projects.call.update': { 'zh-CN': '修改申报通知', en: 'Update project call' },
    'projects.call.open': { 'zh-CN': '发布申报通知', en: 'Open project call' },
    'projects.call.publish': { 'zh-CN': '公布评审结果', en: 'Publish selection results' },
    'projects.application.create': { 'zh-CN': '填写项目申报', en: 'Draft project application' },
    'projects.application.update': { 'zh-CN': '修改项目申报', en: 'Edit project application' },
    'projects.application.send': { 'zh-CN': '提交街道审核', en: 'Send for subdistrict review' },
    'projects.application.return': { 'zh-CN': '退回修改', en: 'Return for changes' },
    'projects.application.approve': { 'zh-CN': '街道审核通过', en: 'Approve application' },
    'projects.application.seal': { 'zh-CN': '加盖公章', en: 'Seal application' },
    'projects.application.submit': { 'zh-CN': '报送民政局', en: 'Submit to the bureau' },
    'projects.application.select': { 'zh-CN': '确定为试点项目', en: 'Select as pilot' },
    'projects.application.reject': { 'zh-CN': '未入选', en: 'Not selected' },
    'projects.application.overdue': { 'zh-CN': '申报逾期', en: 'Application overdue' },
    'projects.report.file': { 'zh-CN': '报送月度进展', en: 'File monthly progress report' },
    'projects.report.overdue': { 'zh-CN': '月度进展逾期', en: 'Monthly report overdue' },
    'projects.score': { 'zh-CN': '评审打分', en: 'Score application' },
    'projects.application.notice': { 'zh-CN': '项目进展通报', en: 'Progress notice' },
    'projects.application.complete': { 'zh-CN': '登记项目完成', en: 'Record completion' },
    'projects.application.summarize': { 'zh-CN': '报送项目总结', en: 'File closing summary' },
    'projects.application.completion_overdue': { 'zh-CN': '项目完成逾期', en: 'Completion overdue' },
    'projects.application.summary_overdue': { 'zh-CN': '项目总结逾期', en: 'Summary overdue' },
    'projects.application.visit': { 'zh-CN': '记录中期查看意见', en: 'Record mid-term visit' },
    'projects.application.answer': { 'zh-CN': '答复中期查看意见', en: 'Answer mid-term opinions' },
    'projects.money.disburse': { 'zh-CN': '登记项目资金到位', en: 'Record project funds received' },
    'projects.money.spend': { 'zh-CN': '登记项目支出', en: 'Record project spend' },
    'projects.money.spend_overrun': { 'zh-CN': '登记超支审批支出', en: 'Record spend with overrun approval' },
    'projects.money.receipt': { 'zh-CN': '上传支出票据照片', en: 'Upload spend receipt photo' },
    'projects.money.disclose': { 'zh-CN': '公开项目资金使用', en: 'Publish project fund use' },
  },
  entityTypes: {
    ...PROJECTS_ARCHIVE_AUDIT.entityTypes,
    ...PROJECTS_MILESTONE_AUDIT.entityTypes,
    pj_call: { 'zh-CN': '申报通知', en: 'Project call' },
    pj_application: { 'zh-CN': '项目申报', en: 'Project application' },
    pj_report: { 'zh-CN': '月度进展', en: 'Monthly progress report' },
    pj_score: { 'zh-CN': '评审评分', en: 'Review score' },
    pj_disbursement: { 'zh-CN': '项目资金到位', en: 'Project funds received' },
    pj_spend: { 'zh-CN': '项目支出', en: 'Project spend' },
    pj_fund_disclosure: { 'zh-CN': '项目资金公开', en: 'Project fund-use statement' },
  },
};
