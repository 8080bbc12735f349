import type { AuditLabels } from './audit';

/** Names of the participation module's audited actions and entity types, for the audit log page. */
export const PARTICIPATION_AUDIT: AuditLabels = {
  actions: {
    'participation.meeting.create': { 'zh-CN': '召集会议', en: 'Call meeting' },
    'participation.meeting.open': { 'zh-CN': '开始签到', en: 'Open meeting sign-in' },
    'participation.meeting.sign_in': { 'zh-CN': '会议签到', en: 'Sign in at meeting' },
    'participation.meeting.motion': { 'zh-CN': '提出表决事项', en: 'Table motion' },
    'participation.meeting.vote': { 'zh-CN': '记录表决结果', en: 'Record vote' },
    'participation.meeting.close': { 'zh-CN': '闭会', en: 'Close meeting' },
    'participation.meeting.correct': { 'zh-CN': '补充更正记录', en: 'Add correction' },
    'participation.procedure.create': { 'zh-CN': '启动决策程序', en: 'Start decision procedure' },
    'participation.procedure.step': { 'zh-CN': '完成程序步骤', en: 'Complete procedure step' },
    'participation.disclosure.post': { 'zh-CN': '张贴公开事项', en: 'Post disclosure' },
    'participation.disclosure.take_down': { 'zh-CN': '撤下公开事项', en: 'Take down disclosure' },
    'participation.disclosure.object': { 'zh-CN': '提出异议', en: 'Raise objection' },
    'participation.disclosure.answer': { 'zh-CN': '答复异议', en: 'Answer objection' },
    'participation.disclosure.schedule': { 'zh-CN': '设置公开周期', en: 'Set disclosure schedule' },
  },
  entityTypes: {
    pt_meeting: { 'zh-CN': '会议', en: 'Meeting' },
    pt_procedure: { 'zh-CN': '决策程序', en: 'Decision procedure' },
    pt_disclosure: { 'zh-CN': '公开事项', en: 'Disclosure' },
    pt_disclosure_schedule: { 'zh-CN': '公开周期', en: 'Disclosure schedule' },
  },
};
