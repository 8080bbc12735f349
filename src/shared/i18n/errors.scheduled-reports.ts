import type { Locale } from './errors';

/** Error messages of the scheduled-reports module (codes `scheduled_reports.*`), merged into ERROR_MESSAGES. */
export const SCHEDULED_REPORTS_ERRORS: Record<string, Record<Locale, string>> = {
  'scheduled_reports.receiver_unit': {
    'zh-CN': '接收单位须为街道（镇）及以上单位',
    en: 'The receiving unit must be a subdistrict, town or higher unit',
  },
  'scheduled_reports.submitter_outside': {
    'zh-CN': '报送单位须在接收单位辖区内',
    en: 'Submitting units must lie under the receiving unit',
  },
  'scheduled_reports.no_submitters': {
    'zh-CN': '请至少选择一个报送单位',
    en: 'Choose at least one submitting unit',
  },
  'scheduled_reports.duplicate_field': {
    'zh-CN': '字段“{label}”重复',
    en: 'The field “{label}” appears twice',
  },
  'scheduled_reports.unknown_figure': {
    'zh-CN': '字段“{label}”引用的平台数据不存在',
    en: 'The field “{label}” names a figure Linli does not hold',
  },
  'scheduled_reports.figure_type': {
    'zh-CN': '字段“{label}”引用平台数据时须为数值、金额或百分比',
    en: 'A field taking a Linli figure must be a number, amount or percentage',
  },
  'scheduled_reports.template_not_found': {
    'zh-CN': '找不到该报告模板',
    en: 'Report template not found',
  },
  'scheduled_reports.template_inactive': {
    'zh-CN': '该报告模板已停用',
    en: 'This report template is no longer in use',
  },
  'scheduled_reports.not_editable': {
    'zh-CN': '该报告已报送，不能再修改；如需修改请等待接收单位退回',
    en: 'This report has been submitted and can no longer be changed unless it is returned',
  },
  'scheduled_reports.field_required': {
    'zh-CN': '请填写“{label}”',
    en: 'Please fill in “{label}”',
  },
  'scheduled_reports.field_number': {
    'zh-CN': '“{label}”须为数字',
    en: '“{label}” must be a number',
  },
  'scheduled_reports.field_amount': {
    'zh-CN': '“{label}”须为以分计的非负整数金额',
    en: '“{label}” must be a whole, non-negative amount in fen',
  },
  'scheduled_reports.field_percent': {
    'zh-CN': '“{label}”须在 0 到 100 之间',
    en: '“{label}” must be between 0 and 100',
  },
  'scheduled_reports.field_text': {
    'zh-CN': '“{label}”须为文字，且不超过 5000 字',
    en: '“{label}” must be text of at most 5,000 characters',
  },
  'scheduled_reports.unknown_field': {
    'zh-CN': '报告中没有该字段',
    en: 'The report has no such field',
  },
  'scheduled_reports.attachment_required': {
    'zh-CN': '请上传附件“{label}”',
    en: 'Please attach “{label}”',
  },
  'scheduled_reports.reason_required': {
    'zh-CN': '退回须写明理由',
    en: 'A return needs a reason',
  },
  'scheduled_reports.invalid_action': {
    'zh-CN': '该报告当前状态下不能进行此操作',
    en: 'This action is not possible in the report’s current state',
  },
  'scheduled_reports.conflict': {
    'zh-CN': '该报告已被他人处理，请刷新后重试',
    en: 'Someone else has just changed this report; please reload',
  },
  'scheduled_reports.due_day': {
    'zh-CN': '截止日须在 1 到 31 之间',
    en: 'The due day must be between 1 and 31',
  },
};
