import type { Locale } from './errors';

/** Error messages of the participation module (codes `participation.*`), merged into ERROR_MESSAGES. */
export const PARTICIPATION_ERRORS: Record<string, Record<Locale, string>> = {
  'participation.basis': {
    'zh-CN': '该类会议不能按此方式计算应到人数',
    en: 'This kind of meeting cannot count those due this way',
  },
  'participation.members_required': {
    'zh-CN': '按名单计算应到人数时须填写参会人员名单',
    en: 'A meeting counted by roster needs its member list',
  },
  'participation.members_duplicate': {
    'zh-CN': '参会人员名单中有重名，请加以区分',
    en: 'The member list has the same name twice; tell them apart',
  },
  'participation.notice_period': {
    'zh-CN': '该类会议须提前 {days} 日通知，会议时间与通知时间间隔不足',
    en: 'This kind of meeting needs {days} days’ notice; the notice is too late',
  },
  'participation.frozen_after_meeting': {
    'zh-CN': '应到人数的统计日期不能晚于会议日期',
    en: 'The register date of those due cannot be after the meeting',
  },
  'participation.no_electorate': {
    'zh-CN': '按统计日期，该单位登记的应到人数为零，无法召开',
    en: 'Nobody is due in this unit at the register date',
  },
  'participation.meeting_state': {
    'zh-CN': '会议当前状态下不能进行此操作',
    en: 'The meeting’s current state does not allow this',
  },
  'participation.meeting_closed': {
    'zh-CN': '会议已闭会，记录不可更改；如有错误请补充更正记录',
    en: 'The meeting is closed and its record cannot change; add a correction instead',
  },
  'participation.not_elector': {
    'zh-CN': '签到人员不在本次会议的应到名单内',
    en: 'This person is not among those due at this meeting',
  },
  'participation.quorum_not_met': {
    'zh-CN': '到会人数未达法定人数，会议不能作出决定',
    en: 'The meeting is not quorate and cannot decide',
  },
  'participation.votes_exceed': {
    'zh-CN': '赞成、反对、弃权票数之和不能超过到会人数',
    en: 'Yes, no and abstentions together cannot exceed those present',
  },
  'participation.motion_decided': {
    'zh-CN': '该议题已表决，结果不可更改',
    en: 'This motion was already voted on; its result cannot change',
  },
  'participation.font_missing': {
    'zh-CN': '服务器缺少中文字体，暂时无法生成会议纪要',
    en: 'The server has no CJK font; minutes cannot be printed now',
  },
  'participation.procedure_done': {
    'zh-CN': '该事项的程序已全部完成',
    en: 'This matter’s procedure is complete',
  },
  'participation.step_order': {
    'zh-CN': '程序步骤须依次进行，不能跳过：下一步是“{step}”',
    en: 'Steps go in order and none may be skipped: the next one is “{step}”',
  },
  'participation.step_note': {
    'zh-CN': '请填写本步骤的记录',
    en: 'Record what was done at this step',
  },
  'participation.step_meeting': {
    'zh-CN': '须选择本单位已闭会且达到法定人数的会议',
    en: 'Choose a closed, quorate meeting of this unit',
  },
  'participation.step_meeting_kind': {
    'zh-CN': '该步骤须由规定类型的会议完成',
    en: 'This step needs a meeting of the prescribed kind',
  },
  'participation.step_motion': {
    'zh-CN': '须选择该会议上表决通过的事项',
    en: 'Choose a motion the meeting passed',
  },
  'participation.step_disclosure': {
    'zh-CN': '须选择本单位已张贴、尚未用于其他步骤的决策类公开事项',
    en: 'Choose a posted decision item of this unit not used by another step',
  },
  'participation.posting_min': {
    'zh-CN': '公开事项张贴不少于 {days} 日，期满前不能撤下',
    en: 'A posting stays up at least {days} days',
  },
  'participation.posting_down': {
    'zh-CN': '该公开事项已撤下',
    en: 'This posting is already down',
  },
  'participation.objection_window': {
    'zh-CN': '异议须在公开之日起 {days} 日内提出，已超过期限',
    en: 'Objections are raised within {days} days of posting; that time has passed',
  },
  'participation.objection_answered': {
    'zh-CN': '该异议已答复',
    en: 'This objection has been answered',
  },
  'participation.topic_participants': {
    'zh-CN': '请至少确定一位协商主体',
    en: 'Name at least one participant',
  },
  'participation.topic_participant': {
    'zh-CN': '所选协商主体不在本议题所属范围的登记名录中',
    en: 'A chosen participant is not in the registry of the topic’s unit',
  },
  'participation.topic_participant_name': {
    'zh-CN': '请填写协商主体的名称',
    en: 'Give the participant’s name',
  },
  'participation.topic_step_order': {
    'zh-CN': '议事须按“提出议题、确定主体、公告、协商、实施、反馈”的顺序逐步进行，不能跳过或重复',
    en: 'Steps go in order (propose, participants, announce, consult, implement, report back); none is skipped or repeated',
  },
  'participation.topic_level': {
    'zh-CN': '议题只能在社区、网格、小区（街巷、院落、塆组）或楼栋层级提出',
    en: 'A topic is raised at a community, grid, compound or building',
  },
  'participation.topic_format': {
    'zh-CN': '所选协商形式不存在或已停用',
    en: 'This deliberation format does not exist or is retired',
  },
  'participation.topic_category': {
    'zh-CN': '找不到该工单类别',
    en: 'The work-order category was not found',
  },
  'participation.topic_period': {
    'zh-CN': '统计期间须起止有序，且不超过一年',
    en: 'The period must run forwards and last at most a year',
  },
  'participation.topic_community': {
    'zh-CN': '按类别生成议题须选择一个社区（村）',
    en: 'Choose a community to turn a category into a topic',
  },
  'participation.topic_no_orders': {
    'zh-CN': '该社区在所选期间没有这一类别的工单',
    en: 'The community has no orders of this category in the period',
  },
  'participation.topic_work_order': {
    'zh-CN': '找不到该工单，或无权查看',
    en: 'The work order was not found',
  },
  'participation.topic_meeting': {
    'zh-CN': '只能在“开展协商活动”环节关联本议题所属单位的会议',
    en: 'Only the consultation step may name a meeting of the topic’s unit',
  },
  'participation.topic_supported': {
    'zh-CN': '您已支持过该议题，每位居民只能支持一次',
    en: 'You already supported this topic',
  },
  'participation.topic_closed': {
    'zh-CN': '该议题已反馈办结，不再接受评论',
    en: 'This topic is reported back and closed to comments',
  },
  'participation.format_taken': {
    'zh-CN': '已有同名的协商形式',
    en: 'A format with this name exists',
  },
  'participation.room_evidence': {
    'zh-CN': '勾选具备的项目须附说明或照片作为佐证',
    en: 'A ticked item needs a note or a photo as evidence',
  },
  'participation.convention_unit': {
    'zh-CN': '村规民约、居民公约须由社区（村）制定',
    en: 'Village rules and residents’ conventions belong to a community',
  },
  'participation.convention_meeting': {
    'zh-CN': '所选会议不存在，或不属于该公约所在单位',
    en: 'The meeting does not exist or is not of the convention’s unit',
  },
  'participation.convention_meeting_quorum': {
    'zh-CN': '通过公约的会议须已经召开、闭会，且到会人数达到法定人数',
    en: 'The adopting meeting must have been held, closed and quorate',
  },
  'participation.convention_version': {
    'zh-CN': '该公约没有这个版本',
    en: 'This convention has no such version',
  },
  'participation.convention_published': {
    'zh-CN': '该版本已经是公布中的版本',
    en: 'This version is already published',
  },
  'participation.qr_members': {
    'zh-CN': '该会议按参会名单签到，请到签到台由工作人员登记',
    en: 'This meeting signs in by roster; please sign in at the desk',
  },
};
