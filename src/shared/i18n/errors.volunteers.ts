import type { Locale } from './errors';

/** Error messages of the volunteers module (codes `volunteers.*`), merged into ERROR_MESSAGES. */
export const VOLUNTEERS_ERRORS: Record<string, Record<Locale, string>> = {
  'volunteers.name_required': { 'zh-CN': '请填写志愿者姓名', en: 'Enter the volunteer’s name' },
  'volunteers.unit_required': {
    'zh-CN': '请选择服务的社区或网格',
    en: 'Choose the community or grid served in',
  },
  'volunteers.university_required': {
    'zh-CN': '高校志愿者需要填写所在高校',
    en: 'A university volunteer needs the university',
  },
  'volunteers.unit_kind': {
    'zh-CN': '只能选择社区或网格',
    en: 'Choose a community or a grid',
  },
  'volunteers.resident_not_found': {
    'zh-CN': '未找到该居民，或不在您的管辖范围内',
    en: 'Resident not found, or outside your scope',
  },
  'volunteers.party_member_not_found': {
    'zh-CN': '未找到该党员，或不在您的管辖范围内',
    en: 'Party member not found, or outside your scope',
  },
  'volunteers.volunteer_not_found': {
    'zh-CN': '未找到该志愿者，或不在您的管辖范围内',
    en: 'Volunteer not found, or outside your scope',
  },
  'volunteers.already_registered': {
    'zh-CN': '此人已有志愿者档案',
    en: 'This person already has a volunteer profile',
  },
  'volunteers.other_community': {
    'zh-CN': '该志愿者不在本社区服务',
    en: 'This volunteer serves in another community',
  },
  'volunteers.already_member': { 'zh-CN': '该志愿者已在队伍中', en: 'Already a member of this team' },
  'volunteers.team_not_found': { 'zh-CN': '未找到本社区的该队伍', en: 'No such team in this community' },
  'volunteers.ends_before_starts': {
    'zh-CN': '结束时间必须晚于开始时间',
    en: 'The end must be after the start',
  },
  'volunteers.too_long': {
    'zh-CN': '单次活动不能超过 24 小时，请分场次发布',
    en: 'An activity lasts at most 24 hours; split it into sessions',
  },
  'volunteers.lat_lng_pair': {
    'zh-CN': '位置需要同时提供经度和纬度',
    en: 'A location needs both latitude and longitude',
  },
  'volunteers.limit_below_signups': {
    'zh-CN': '名额不能少于已报名人数',
    en: 'The limit cannot be below the number already signed up',
  },
  'volunteers.activity_closed': { 'zh-CN': '活动已取消', en: 'The activity is cancelled' },
  'volunteers.activity_over': { 'zh-CN': '活动已结束，不能报名', en: 'The activity is over' },
  'volunteers.activity_has_attendance': {
    'zh-CN': '已有志愿者签到，不能取消活动',
    en: 'Volunteers have checked in; the activity cannot be cancelled',
  },
  'volunteers.activity_full': {
    'zh-CN': '报名人数已满（名额 {limit} 人）',
    en: 'The activity is full ({limit} places)',
  },
  'volunteers.already_signed_up': { 'zh-CN': '已经报名过该活动', en: 'Already signed up' },
  'volunteers.not_signed_up': { 'zh-CN': '尚未报名该活动', en: 'Not signed up for this activity' },
  'volunteers.volunteer_inactive': {
    'zh-CN': '该志愿者已停用',
    en: 'This volunteer is inactive',
  },
  'volunteers.already_checked_in': { 'zh-CN': '已经签到过了', en: 'Already checked in' },
  'volunteers.not_checked_in': {
    'zh-CN': '尚未签到，不能签退',
    en: 'Not checked in yet; check in first',
  },
  'volunteers.already_checked_out': { 'zh-CN': '已经签退过了', en: 'Already checked out' },
  'volunteers.not_checked_out': {
    'zh-CN': '尚未签退，不能确认时长',
    en: 'Not checked out yet; hours cannot be confirmed',
  },
  'volunteers.already_confirmed': { 'zh-CN': '时长已确认', en: 'Hours already confirmed' },
  'volunteers.outside_window': {
    'zh-CN': '不在签到时间内（可签到时间 {from} 至 {to}）',
    en: 'Outside the check-in window ({from} to {to})',
  },
  'volunteers.outside_geofence': {
    'zh-CN': '您距离活动地点 {distance} 米，超出签到范围（{radius} 米）',
    en: 'You are {distance} m from the place, outside the {radius} m check-in area',
  },
  'volunteers.no_geofence': {
    'zh-CN': '该活动未设置签到位置，请由工作人员签到',
    en: 'This activity has no check-in location; staff check you in',
  },
  'volunteers.position_required': {
    'zh-CN': '需要您的位置才能签到',
    en: 'Your location is needed to check in',
  },
  'volunteers.correction_zero': { 'zh-CN': '更正时长不能为 0', en: 'A correction cannot be zero' },
  'volunteers.correct_original': {
    'zh-CN': '请针对原始记录更正',
    en: 'Correct the original entry, not a correction',
  },
  'volunteers.correction_below_zero': {
    'zh-CN': '更正后时长不能为负（当前 {current} 分钟）',
    en: 'The corrected total cannot be negative (now {current} minutes)',
  },
  'volunteers.not_a_volunteer': {
    'zh-CN': '您的账号尚未关联志愿者档案',
    en: 'Your login has no volunteer profile',
  },
  'volunteers.font_missing': {
    'zh-CN': '服务器缺少中文字体，暂时无法生成证明（请安装 fonts-wqy-microhei 或设置 LINLI_CJK_FONT）',
    en: 'No CJK font on the server; install fonts-wqy-microhei or set LINLI_CJK_FONT',
  },
  'volunteers.user_not_found': { 'zh-CN': '没有这个登录账号', en: 'No such login' },
  'volunteers.user_not_in_community': {
    'zh-CN': '只能关联本社区居民或志愿者的登录账号',
    en: "Only the login of a resident or volunteer of the volunteer's community can be linked",
  },
  'volunteers.user_taken': {
    'zh-CN': '该账号已关联其他志愿者档案',
    en: 'This login is already linked to another volunteer',
  },
  'volunteers.minutes': { 'zh-CN': '时长必须是非零整数分钟', en: 'Minutes must be a non-zero whole number' },
  'volunteers.period': { 'zh-CN': '结束日期不能早于开始日期', en: 'The end date is before the start' },
};
