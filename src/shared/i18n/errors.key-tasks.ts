import type { Locale } from './errors';

/** Error messages of the key-tasks module (codes `key_tasks.*`), merged into ERROR_MESSAGES. */
export const KEY_TASKS_ERRORS: Record<string, Record<Locale, string>> = {
  'key_tasks.task_done': {
    'zh-CN': '任务已办结，不能再修改；如需继续办理请先退回重办',
    en: 'The task is done; reopen it before editing',
  },
  'key_tasks.milestone_after_deadline': {
    'zh-CN': '任务节点的日期不能晚于任务的完成时限',
    en: "A milestone cannot fall after the task's deadline",
  },
  'key_tasks.lead_not_unit': {
    'zh-CN': '牵头单位须是责任单位之一',
    en: 'The lead must be one of the responsible units',
  },
  'key_tasks.owner_not_unit': {
    'zh-CN': '责任人所在的“{unit}”不是本任务的责任单位',
    en: 'The person responsible is named for “{unit}”, which is not one of the task’s responsible units',
  },
  'key_tasks.owner_twice': {
    'zh-CN': '“{unit}”只能填写一个责任岗位和责任人',
    en: '“{unit}” can name only one responsible post and person',
  },
  'key_tasks.visit_place_required': {
    'zh-CN': '调研、现场指导须填写地点',
    en: 'A survey or on-site guidance visit needs a place',
  },
  'key_tasks.visit_units_required': {
    'zh-CN': '调研、现场指导须填写走访的单位',
    en: 'A survey or on-site guidance visit names the units visited',
  },
  'key_tasks.units_visited_meeting': {
    'zh-CN': '只有调研、现场指导可以填写走访单位',
    en: 'Only a survey or on-site guidance visit names units visited',
  },
  'key_tasks.group_unit': {
    'zh-CN': '领导小组、任务清单只能由街道（镇）及以上单位设立',
    en: 'Leading groups and task lists are set up by a subdistrict, town or higher unit',
  },
  'key_tasks.one_leader': {
    'zh-CN': '领导小组须有且只有一名组长',
    en: 'A leading group has exactly one leader',
  },
  'key_tasks.member_left': {
    'zh-CN': '该成员已不在领导小组中',
    en: 'This member has already left the group',
  },
  'key_tasks.member_date': {
    'zh-CN': '离任日期不能早于任职日期',
    en: 'The leaving date cannot be before the joining date',
  },
  'key_tasks.group_not_found': {
    'zh-CN': '找不到该领导小组',
    en: 'Leading group not found',
  },
  'key_tasks.list_not_found': {
    'zh-CN': '找不到该任务清单',
    en: 'Task list not found',
  },
  'key_tasks.number_taken': {
    'zh-CN': '清单中已有第{number}项任务',
    en: 'The list already has task {number}',
  },
  'key_tasks.unknown_phase': {
    'zh-CN': '清单中没有该工作阶段',
    en: 'The list has no such phase',
  },
  'key_tasks.phase_order': {
    'zh-CN': '工作阶段的开始日期不能晚于结束日期',
    en: 'A phase cannot start after it ends',
  },
  'key_tasks.comment_required': {
    'zh-CN': '请填写说明',
    en: 'Please give a comment',
  },
  'key_tasks.evidence_required': {
    'zh-CN': '办结须附佐证材料',
    en: 'Completing a task needs evidence',
  },
  'key_tasks.progress_required': {
    'zh-CN': '请填写进度（0–100）',
    en: 'Please give the progress (0–100)',
  },
  'key_tasks.unit_required': {
    'zh-CN': '约谈须选择该任务的一个责任单位',
    en: 'An interview names one of the task’s responsible units',
  },
  'key_tasks.invalid_action': {
    'zh-CN': '该任务当前状态下不能进行此操作',
    en: 'This action is not possible in the task’s current state',
  },
  'key_tasks.not_group_list': {
    'zh-CN': '会议决定只能形成本领导小组跟踪的清单中的任务',
    en: 'A meeting decision becomes a task only in a list this group follows',
  },
};
