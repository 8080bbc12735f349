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
  },
  entityTypes: {
    pt_meeting: { 'zh-CN': '会议', en: 'Meeting' },
  },
};
