import type { AuditLabels } from './audit';

/** Names of the key-tasks module's audited actions and entity types, for the audit log page. */
export const KEY_TASKS_AUDIT: AuditLabels = {
  actions: {
    'key_tasks.group.create': { 'zh-CN': '成立领导小组', en: 'Set up leading group' },
    'key_tasks.group.update': { 'zh-CN': '修改领导小组', en: 'Edit leading group' },
    'key_tasks.group.member_add': { 'zh-CN': '调整领导小组成员（增补）', en: 'Add leading-group member' },
    'key_tasks.group.member_end': { 'zh-CN': '调整领导小组成员（离任）', en: 'End leading-group membership' },
    'key_tasks.meeting.create': {
      'zh-CN': '记录联席会议、调研或现场指导',
      en: 'Record joint meeting, survey or on-site guidance',
    },
    'key_tasks.list.create': { 'zh-CN': '建立重点任务清单', en: 'Create key-task list' },
    'key_tasks.task.create': { 'zh-CN': '新增重点任务', en: 'Add key task' },
    'key_tasks.task.update': { 'zh-CN': '修改重点任务', en: 'Edit key task' },
    'key_tasks.task.report': { 'zh-CN': '报送任务进展', en: 'Report task progress' },
    'key_tasks.task.complete': { 'zh-CN': '任务办结', en: 'Complete task' },
    'key_tasks.task.reopen': { 'zh-CN': '任务重新办理', en: 'Reopen task' },
    'key_tasks.task.supervise': { 'zh-CN': '督办', en: 'Supervise task (督办)' },
    'key_tasks.task.interview': { 'zh-CN': '约谈责任单位', en: 'Interview responsible unit (约谈)' },
    'key_tasks.task.escalate': { 'zh-CN': '逾期提请领导小组', en: 'Escalate overdue task to leading group' },
  },
  entityTypes: {
    kt_group: { 'zh-CN': '领导小组', en: 'Leading group' },
    kt_meeting: { 'zh-CN': '联席会议、调研或现场指导', en: 'Joint meeting or field visit' },
    kt_list: { 'zh-CN': '重点任务清单', en: 'Key-task list' },
    kt_task: { 'zh-CN': '重点任务', en: 'Key task' },
  },
};
