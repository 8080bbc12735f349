import type { Locale } from './errors';

/** Error messages of the services module (codes `services.*`), merged into ERROR_MESSAGES. */
export const SERVICES_ERRORS: Record<string, Record<Locale, string>> = {
  'services.project_or_need': {
    'zh-CN': '请选择一项服务，或填写所在社区、需求标题和类别',
    en: 'Choose a service, or give the community, a title and a category for the need',
  },
  'services.beneficiary_required': {
    'zh-CN': '为他人下单时请填写服务对象姓名',
    en: 'Give the name of the person to be served',
  },
  'services.no_time_balance': {
    'zh-CN': '您的时间银行没有可用的时长，不能用时间银行支付',
    en: 'Your time bank has no minutes to pay with',
  },
  'services.pay_with_time_self_only': {
    'zh-CN': '只有为自己下单时才能用时间银行支付',
    en: 'The time bank pays only for services you order for yourself',
  },
  'services.not_community': {
    'zh-CN': '请选择一个社区',
    en: 'Choose a community',
  },
  'services.grid_outside_community': {
    'zh-CN': '所选网格不属于该社区',
    en: 'The grid does not belong to this community',
  },
  'services.project_unpublished': {
    'zh-CN': '该服务项目尚未发布，暂不能下单',
    en: 'This service is not published yet',
  },
  'services.project_full': {
    'zh-CN': '该服务项目名额已满（{capacity} 单），请稍后再试',
    en: 'This service is fully booked ({capacity} open orders); try again later',
  },
  'services.need_unknown': { 'zh-CN': '需求清单中没有这条需求', en: 'Unknown need' },
  'services.need_taken': {
    'zh-CN': '这条需求已有服务订单对应',
    en: 'This need already has a service order',
  },
  'services.owner_unknown': {
    'zh-CN': '关联的资源主体不存在或不在本社区',
    en: 'The linked owner does not exist in this community',
  },
  'services.provider_unknown': {
    'zh-CN': '服务提供方不存在或不在本社区',
    en: 'The provider does not exist in this community',
  },
  'services.invalid_transition': {
    'zh-CN': '订单当前状态为「{statusZh}」，不能执行此操作',
    en: 'The order is {statusEn}; this action is not possible now',
  },
  'services.already_accepted': {
    'zh-CN': '该订单已被接单，不能重复接单',
    en: 'This order has already been accepted',
  },
  'services.not_checked_in': {
    'zh-CN': '尚未签到，不能签退',
    en: 'Check in before checking out',
  },
  'services.already_checked_in': {
    'zh-CN': '已经签到，不能重复签到',
    en: 'Already checked in',
  },
  'services.assignee_is_orderer': {
    'zh-CN': '不能把订单派给下单人本人，请另选服务人员',
    en: 'The order cannot go to the person who placed it; choose someone else',
  },
  'services.confirm_own_service': {
    'zh-CN': '不能确认自己提供的服务，请由服务对象或社区确认',
    en: 'You cannot confirm a service you gave yourself',
  },
  'services.already_confirmed': {
    'zh-CN': '该订单已确认评价，不能重复确认',
    en: 'This order has already been confirmed',
  },
  'services.not_yours': {
    'zh-CN': '只有被派单的服务者或下单人可以执行此操作',
    en: 'Only the assigned server or the person who ordered may do this',
  },
  'services.assignee_unknown': {
    'zh-CN': '派单对象不存在、已停用或不在本社区',
    en: 'The assignee does not exist, is inactive or is outside this community',
  },
  'services.assignee_same': {
    'zh-CN': '订单已派给该服务者',
    en: 'The order is already assigned to them',
  },
  'services.not_a_volunteer': {
    'zh-CN': '当前账号未关联志愿者档案',
    en: 'This login has no volunteer profile',
  },
  'services.station_unknown': { 'zh-CN': '驿站不存在', en: 'Unknown station' },
  'services.station_inactive': { 'zh-CN': '驿站已停用', en: 'The station is inactive' },
  'services.station_host_outside': {
    'zh-CN': '所选设施不存在或不在本驿站所在社区（村），请从本社区（村）登记的设施中选择',
    en: "No such facility in the station's community: pick one registered there",
  },
  'services.duty_conflict': {
    'zh-CN': '{name} 在 {start} 至 {end} 已有值班安排（{station}），不能重复排班',
    en: '{name} is already on duty from {start} to {end} ({station})',
  },
  'services.slot_end_before_start': {
    'zh-CN': '结束时间必须晚于开始时间',
    en: 'The end must be after the start',
  },
  'services.slot_too_long': {
    'zh-CN': '单个值班时段不能超过 24 小时',
    en: 'A duty slot lasts at most 24 hours',
  },
  'services.period_too_long': {
    'zh-CN': '查询区间不能超过 62 天',
    en: 'The period may span at most 62 days',
  },
  'services.slot_has_logs': {
    'zh-CN': '该值班时段已有值班记录，不能删除',
    en: 'This duty slot has logs and cannot be deleted',
  },
  'services.slot_unknown': { 'zh-CN': '值班时段不存在', en: 'Unknown duty slot' },
  'services.credit_unavailable': {
    'zh-CN': '积分账本暂不可用，请稍后再确认',
    en: 'The ledger is not available; confirm again later',
  },
  'services.duty_not_today': {
    'zh-CN': '只能在值班当天（{day}）填写本人的值班记录',
    en: 'You can log your duty only on the day of the slot ({day})',
  },
  'services.duty_log_time': {
    'zh-CN': '处理时间须为今天且不晚于现在',
    en: 'The time handled must be today and not in the future',
  },
  'services.duty_user_unknown': { 'zh-CN': '值班人账号不存在', en: 'Unknown login for the person on duty' },
  'services.duty_deputy_required': {
    'zh-CN': '请从两代表一委员名册中选择值班的代表委员',
    en: 'Pick the deputy on duty from the deputies registry',
  },
  'services.duty_deputy_outside': {
    'zh-CN': '该代表委员不在本驿站所在社区的两代表一委员名册中，不能在此值班',
    en: "This deputy is not registered in the station's community and cannot be on duty here",
  },
};
