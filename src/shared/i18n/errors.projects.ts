import { PROJECTS_ARCHIVE_ERRORS, PROJECT_UPLOAD_MESSAGES } from './errors.projects.archive';
import { PROJECTS_MILESTONE_ERRORS } from './errors.projects.milestones';
import { PROJECTS_EVALUATION_ERRORS } from './errors.projects.evaluation';
import type { Locale } from './errors';

/** Error messages of the projects module (codes `projects.*`), merged into ERROR_MESSAGES. */
export const PROJECTS_ERRORS: Record<string, Record<Locale, string>> = {
  ...PROJECTS_ARCHIVE_ERRORS,
  ...PROJECTS_MILESTONE_ERRORS,
  ...PROJECTS_EVALUATION_ERRORS,
  'projects.issuer_kind': {
    'zh-CN': '申报通知只能由市、区（县）民政部门发布',
    en: 'A call is issued by a city or district civil-affairs bureau',
  },
  'projects.scope_units': {
    'zh-CN': '申报范围只能是发布单位下辖的街道（镇）',
    en: 'The call covers subdistricts or towns under the issuing unit',
  },
  'projects.dates_order': {
    'zh-CN': '截止日期须依次为：申报截止，完成截止，总结报送截止',
    en: 'Deadlines must follow each other: application, completion, closing summary',
  },
  'projects.duplicate_keys': {
    'zh-CN': '项目类型、材料或评审标准的编号不能重复',
    en: 'Project types, documents and criteria need distinct keys',
  },
  'projects.call_not_draft': {
    'zh-CN': '申报通知已发布，不能再修改申报范围和项目类型',
    en: 'The call is already open: its scope and types can no longer change',
  },
  'projects.call_published': {
    'zh-CN': '评审结果已公布，不能再修改',
    en: 'The results are published and can no longer change',
  },
  'projects.call_not_open': {
    'zh-CN': '该申报通知未在受理申报',
    en: 'This call is not taking applications',
  },
  'projects.not_eligible': {
    'zh-CN': '只有申报范围内街道（镇）下辖的社区（村）可以申报',
    en: 'Only communities and villages under the subdistricts in the call may apply',
  },
  'projects.already_applied': {
    'zh-CN': '本社区已就该通知提交过申报',
    en: 'This community has already applied to this call',
  },
  'projects.unknown_type': {
    'zh-CN': '项目类型不在本次申报通知的范围内',
    en: 'The project type is not one of the call’s types',
  },
  'projects.budget_unbalanced': {
    'zh-CN': '资金来源合计须等于预算合计（预算 {budget} 元，来源 {funding} 元）',
    en: 'Funding sources must add up to the budget ({budget} yuan budgeted, {funding} yuan funded)',
  },
  'projects.incomplete': {
    'zh-CN':
      '申报内容不完整：请填写具体目标、征求居民意见情况和预算明细，并关联征求意见的依据（会议或协商议事记录、已结束的民意调查，或上传会议纪要）',
    en: 'The application is incomplete: give specific targets, the residents’ consultation and budget lines, and link the record the consultation rests on (a meeting or deliberation record, a closed survey, or uploaded minutes)',
  },
  'projects.past_deadline': {
    'zh-CN': '已过申报截止时间（{due}），不能再报送',
    en: 'The application deadline ({due}) has passed',
  },
  'projects.not_sealed': {
    'zh-CN': '申报表尚未加盖街道（镇）公章，不能报送',
    en: 'The application has not been sealed by the subdistrict or town',
  },
  'projects.comment_required': {
    'zh-CN': '退回时请填写修改意见',
    en: 'Give comments when returning an application',
  },
  'projects.quota_full': {
    'zh-CN': '已确定 {quota} 个试点项目，达到本次名额上限',
    en: 'All {quota} pilot places of this call are taken',
  },
  'projects.invalid_action': {
    'zh-CN': '当前状态下不能进行此操作',
    en: 'This step is not possible in the application’s current state',
  },
  'projects.not_scorable': {
    'zh-CN': '只能对已报送且未公布结果的申报评分',
    en: 'Only submitted applications are scored, before the results are published',
  },
  'projects.score_range': {
    'zh-CN': '请按评审标准逐项打分，每项不超过该项满分',
    en: 'Score every criterion, each at most its full mark',
  },
  'projects.nothing_selected': {
    'zh-CN': '还没有确定任何试点项目，不能公布结果',
    en: 'No pilot has been selected yet',
  },
  'projects.report_filed': {
    'zh-CN': '{month} 的月度进展已报送',
    en: 'The progress report for {month} is already filed',
  },
  'projects.before_deadline': {
    'zh-CN': '申报截止（{due}）后才能公布评审结果',
    en: 'Results are published after the application deadline ({due})',
  },
  'projects.font_missing': {
    'zh-CN': '服务器未安装中文字体，暂时无法生成 PDF',
    en: 'No CJK font is installed on the server; the PDF cannot be made',
  },
  'projects.already_done': {
    'zh-CN': '该事项已登记，不能重复登记',
    en: 'This has already been recorded',
  },
  'projects.not_completed': {
    'zh-CN': '项目尚未登记完成，不能报送总结',
    en: 'Record the project’s completion before its closing summary',
  },
  'projects.no_open_visit': {
    'zh-CN': '没有待答复的中期查看意见',
    en: 'There are no mid-term visit opinions to answer',
  },
  'projects.money_not_selected': {
    'zh-CN': '只有已入选的试点项目才能登记资金',
    en: 'Money is recorded for selected pilot projects only',
  },
  'projects.money_unknown_line': {
    'zh-CN': '支出须登记在本项目的预算明细项下',
    en: 'A spend is entered against one of the project’s budget lines',
  },
  'projects.change_spent_line': {
    'zh-CN': '预算项目“{item}”已有支出 {spent} 元，变更时不能删除或改名',
    en: 'Budget line “{item}” already has {spent} yuan spent against it: a change cannot remove or rename it',
  },
  'projects.money_overrun_needs_review': {
    'zh-CN': '支出合计（{spent} 元）将超过已到位资金（{disbursed} 元），超支须由街道（镇）审批并登记本笔支出',
    en: 'Total spent ({spent} yuan) would exceed the funds received ({disbursed} yuan): an overrun is approved and entered by the subdistrict (town)',
  },
  'projects.money_overrun': {
    'zh-CN':
      '支出合计（{spent} 元）将超过已到位资金（{disbursed} 元），须由街道（镇）审批，登记时填写超支理由',
    en: 'Total spent ({spent} yuan) would exceed the funds received ({disbursed} yuan): the subdistrict (town) approves the overrun by entering the spend with the reason',
  },
  'projects.doorstep_category_full': {
    'zh-CN': '本社区{year}年“{category}”已有{count}个家门口项目，每个类别最多报送{limit}项',
    en: 'This community already has {count} doorstep projects in “{category}” for {year}; at most {limit} per category',
  },
  'projects.doorstep_not_community': {
    'zh-CN': '家门口项目由社区（村）申报',
    en: 'Doorstep projects are registered by a community (village)',
  },
  'projects.doorstep_stage_order': {
    'zh-CN': '请先登记“{previous}”环节，再登记“{stage}”',
    en: 'Record “{previous}” before “{stage}”',
  },
  'projects.doorstep_stage_date': {
    'zh-CN': '“{stage}”的日期不能早于“{previous}”（{date}）',
    en: 'The date of “{stage}” may not be before “{previous}” ({date})',
  },
  'projects.doorstep_stage_missing': {
    'zh-CN': '请先登记“{stage}”环节，再上传附件',
    en: 'Record “{stage}” before attaching files to it',
  },
  'projects.doorstep_survey_stage': {
    'zh-CN': '只有需求调研环节可以关联问卷调查',
    en: 'Only the needs survey may link a survey',
  },
  'projects.doorstep_survey': {
    'zh-CN': '只能关联本社区已结束的问卷调查',
    en: 'Link a closed survey of this community',
  },
  'projects.doorstep_slot': {
    'zh-CN': '请选择环节或资料类别',
    en: 'Choose a stage or a document',
  },
  'projects.doorstep_note_too_long': PROJECT_UPLOAD_MESSAGES.noteTooLong,
  'projects.doorstep_file_required': PROJECT_UPLOAD_MESSAGES.fileRequired,
  'projects.doorstep_file_too_large': PROJECT_UPLOAD_MESSAGES.fileTooLarge,
  'projects.doorstep_file_type': {
    'zh-CN': '仅支持照片、视频、音频和文档（PDF、Word、Excel、PPT）',
    en: 'Only photos, video, audio and documents (PDF, Word, Excel, PowerPoint) are accepted',
  },
  'projects.no_swap': {
    'zh-CN':
      '项目实施中不得中途更换项目：项目类型、项目名称和申报单位不能变更（只可申请调整目标、方案概要和预算）',
    en: 'No project swaps midway: the project type, title and applying unit cannot change (only targets, plan summary and budget may be changed by request)',
  },
  'projects.change_pending': {
    'zh-CN': '已有待审批的内容变更申请，请等待市民政局审批后再提交',
    en: 'A content change is already awaiting the bureau’s decision',
  },
  'projects.change_not_selected': {
    'zh-CN': '只有已入选的试点项目才能申请内容变更',
    en: 'Content changes are requested for selected pilot projects only',
  },
  'projects.change_empty': {
    'zh-CN': '变更申请须至少调整一项内容（目标、方案概要或预算）',
    en: 'A change request must change at least one of targets, plan summary or budget',
  },
  'projects.change_decided': {
    'zh-CN': '该变更申请已审批',
    en: 'This change request has already been decided',
  },
  'projects.use_change_procedure': {
    'zh-CN': '项目已入选，内容不能直接修改，请通过“内容变更”申请并经民政局审批',
    en: 'The project is selected: its content changes only through a change request approved by the bureau',
  },
  'projects.consultation_record': {
    'zh-CN': '所选征求意见依据不存在、未结束或不属于本社区',
    en: 'The consultation record does not exist, is not closed or does not belong to this community',
  },
  'projects.consultation_file_required': {
    'zh-CN': '请上传会议纪要文件（PDF、图片或 Office 文档）',
    en: 'Upload the minutes (PDF, image or Office document)',
  },
  'projects.consultation_locked': {
    'zh-CN': '申报已报送街道，征求意见依据不能再修改',
    en: 'The application has been sent: its consultation record can no longer change',
  },
  'projects.assign_not_reviewer': {
    'zh-CN': '所选人员不是本辖区的评审人员',
    en: 'The person chosen is not a reviewer in this area',
  },
  'projects.assign_not_submitted': {
    'zh-CN': '只能为已报送的申报分配评审人员',
    en: 'Reviewers are assigned to submitted applications only',
  },
  'projects.doorstep_rating_stage': {
    'zh-CN': '项目进入“项目实施”环节后才能评价',
    en: 'The project can be rated once it reached the implementation stage',
  },
};
