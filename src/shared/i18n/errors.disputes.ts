import type { Locale } from './errors';

/** Error messages of the disputes module (codes `disputes.*`), merged into ERROR_MESSAGES. */
export const DISPUTES_ERRORS: Record<string, Record<Locale, string>> = {
  'disputes.party_name_required': {
    'zh-CN': '请填写当事人姓名，或从居民库中选择',
    en: 'Give the party’s name or choose a resident',
  },
  'disputes.place_outside_subdistrict': {
    'zh-CN': '发生地点须在某个街道辖区内',
    en: 'The place of occurrence must lie inside a subdistrict',
  },
  'disputes.invalid_transition': {
    'zh-CN': '该纠纷当前状态不能进行此操作',
    en: 'This step is not possible in the dispute’s current state',
  },
  'disputes.not_yours': {
    'zh-CN': '您无权对该纠纷进行此操作',
    en: 'You may not take this step on this dispute',
  },
  'disputes.list_entry_required': {
    'zh-CN': '请对照分类清单选择事项',
    en: 'Choose the item from a classification list',
  },
  'disputes.community_outside': {
    'zh-CN': '责任社区须在本街道辖区内',
    en: 'The responsible community must lie in this subdistrict',
  },
  'disputes.body_unavailable': {
    'zh-CN': '所选调处力量不存在或已停用',
    en: 'The chosen handling body does not exist or is inactive',
  },
  'disputes.committee_size': {
    'zh-CN': '人民调解委员会由委员三至九人组成',
    en: 'A people’s mediation committee has three to nine members',
  },
  'disputes.committee_woman': {
    'zh-CN': '人民调解委员会应当有妇女成员',
    en: 'A people’s mediation committee must include a woman',
  },
  'disputes.committee_required': {
    'zh-CN': '人民调解须由人民调解委员会主持，请选择调解委员会',
    en: 'People’s mediation is held by a mediation committee: choose one',
  },
  'disputes.mediators_required': {
    'zh-CN': '请从调解委员会成员中指定调解员',
    en: 'Choose the mediators among the committee’s members',
  },
  'disputes.party_refused': {
    'zh-CN': '当事人已明确拒绝调解，不得调解',
    en: 'A party has refused mediation: it may not be mediated',
  },
  'disputes.party_required': {
    'zh-CN': '请选择拒绝调解的当事人',
    en: 'Choose the party who refused',
  },
  'disputes.note_required': {
    'zh-CN': '请填写说明',
    en: 'Please give a note',
  },
  'disputes.record_required': {
    'zh-CN': '请填写调解工作记录',
    en: 'Please write the work record of the session',
  },
  'disputes.consent_required': {
    'zh-CN': '延长调解期限须记录当事人同意情况和延长天数',
    en: 'An extension needs the parties’ recorded consent and the number of days',
  },
  'disputes.agreement_incomplete': {
    'zh-CN': '调解协议须载明当事人基本情况、纠纷事实、争议事项及责任、协议内容、履行方式和期限',
    en: 'The agreement must state the facts, the disputed matters and responsibilities, the content, and the manner and deadline of performance',
  },
  'disputes.agreement_unsigned': {
    'zh-CN': '调解协议须经各方当事人签名、调解员签名并加盖调解委员会印章后生效',
    en: 'The agreement takes effect once the parties and the mediator have signed and the committee has sealed it',
  },
  'disputes.legal_options_required': {
    'zh-CN': '调解不成的，须记录已告知当事人依法维护权利的途径',
    en: 'A failed mediation needs the record of the legal options the parties were told',
  },
  'disputes.close_fields': {
    'zh-CN': '请填写评价和化解层级',
    en: 'Give the rating and the level at which it was resolved',
  },
  'disputes.risk_unit': {
    'zh-CN': '隐患应登记在网格或社区（小区、楼栋）',
    en: 'A hidden risk is recorded on a grid or community (compound, building)',
  },
  'disputes.risk_round': {
    'zh-CN': '排查轮次不能晚于本月',
    en: 'The screening round cannot be later than this month',
  },
  'disputes.risk_state': {
    'zh-CN': '该隐患当前状态下不能进行此操作',
    en: 'This step is not possible for the risk in its current state',
  },
  'disputes.incident_unit': {
    'zh-CN': '重大事件应登记在发生地所在社区',
    en: 'A serious incident is recorded on the community where it happened',
  },
  'disputes.incident_future': {
    'zh-CN': '发生日期不能晚于今天',
    en: 'The day it happened cannot be later than today',
  },
  'disputes.meeting_cases': {
    'zh-CN': '会议研究的案件须为本街道的矛盾纠纷',
    en: 'The cases discussed must be disputes of this subdistrict',
  },
  'disputes.list_file': {
    'zh-CN': '无法读取清单文件，请上传含“编码、名称、类别”列的表格文件',
    en: 'The list file could not be read: upload a spreadsheet with the columns code, name and category',
  },
  'disputes.list_row': {
    'zh-CN': '第{row}行缺少编码、名称或有效的类别',
    en: 'Row {row} lacks a code, a name or a valid category',
  },
  'disputes.no_agreement': {
    'zh-CN': '该纠纷尚未达成生效的调解协议',
    en: 'This dispute has no agreement in effect yet',
  },
  'disputes.font_missing': {
    'zh-CN': '服务器未安装中文字体，暂时无法生成调解协议书',
    en: 'No Chinese font is installed on the server, so the agreement cannot be rendered',
  },
  'disputes.follow_up_fields': {
    'zh-CN': '请选择协议履行情况并填写回访记录',
    en: 'Choose how the agreement is being performed and write the follow-up record',
  },
  'disputes.work_order_unknown': {
    'zh-CN': '请选择您可查看的工单，转为矛盾纠纷登记',
    en: 'Choose a work order you can see to convert into a dispute',
  },
};
