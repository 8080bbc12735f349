import type { AuditLabels } from './audit';

/** Names of the volunteers module's audited actions and entity types, for the audit log page. */
export const VOLUNTEERS_AUDIT: AuditLabels = {
  actions: {
    'volunteers.create': { 'zh-CN': '登记志愿者', en: 'Register volunteer' },
    'volunteers.update': { 'zh-CN': '修改志愿者', en: 'Update volunteer' },
    'volunteers.team_create': { 'zh-CN': '新建志愿队伍', en: 'Create team' },
    'volunteers.team_update': { 'zh-CN': '修改志愿队伍', en: 'Update team' },
    'volunteers.team_join': { 'zh-CN': '加入队伍', en: 'Join team' },
    'volunteers.team_leave': { 'zh-CN': '退出队伍', en: 'Leave team' },
    'volunteers.community_flag': { 'zh-CN': '设置示范社区', en: 'Set demonstration community' },
    'volunteers.activity_create': { 'zh-CN': '发布志愿活动', en: 'Create activity' },
    'volunteers.activity_update': { 'zh-CN': '修改志愿活动', en: 'Update activity' },
    'volunteers.activity_cancel': { 'zh-CN': '取消志愿活动', en: 'Cancel activity' },
    'volunteers.signup': { 'zh-CN': '活动报名', en: 'Sign up' },
    'volunteers.signup_cancel': { 'zh-CN': '取消报名', en: 'Cancel sign-up' },
    'volunteers.check_in': { 'zh-CN': '活动签到', en: 'Check in' },
    'volunteers.check_out': { 'zh-CN': '活动签退', en: 'Check out' },
    'volunteers.check_out_photo': { 'zh-CN': '上传签退照片', en: 'Check-out photo' },
    'volunteers.confirm': { 'zh-CN': '确认服务时长', en: 'Confirm hours' },
    'volunteers.hours_correct': { 'zh-CN': '更正服务时长', en: 'Correct hours' },
    'volunteers.certificate': { 'zh-CN': '开具服务证明', en: 'Issue certificate' },
  },
  entityTypes: {
    volunteer: { 'zh-CN': '志愿者', en: 'Volunteer' },
    volunteer_activity: { 'zh-CN': '志愿活动', en: 'Activity' },
    volunteer_attendance: { 'zh-CN': '活动签到记录', en: 'Attendance' },
    volunteer_hours: { 'zh-CN': '服务时长', en: 'Volunteer hours' },
    volunteer_team: { 'zh-CN': '志愿队伍', en: 'Volunteer team' },
  },
};
