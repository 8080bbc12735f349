import type { AuditLabels } from './audit';

/** Names of the disputes module's audited actions and entity types, for the audit log page. */
export const DISPUTES_AUDIT: AuditLabels = {
  actions: {
    'disputes.register': { 'zh-CN': '登记矛盾纠纷', en: 'Register dispute' },
    'disputes.reveal': { 'zh-CN': '查看纠纷当事人完整信息', en: 'Reveal a dispute party’s personal data' },
    'disputes.export': { 'zh-CN': '导出纠纷工单', en: 'Export dispute tickets' },
    'disputes.divert': { 'zh-CN': '纠纷分流派单', en: 'Divert dispute' },
    'disputes.return': { 'zh-CN': '退回纠纷工单', en: 'Return dispute ticket' },
    'disputes.accept': { 'zh-CN': '受理纠纷工单', en: 'Accept dispute ticket' },
    'disputes.supervise': { 'zh-CN': '督办纠纷', en: 'Supervise dispute' },
    'disputes.start_mediation': { 'zh-CN': '开始人民调解', en: 'Start mediation' },
    'disputes.refuse': { 'zh-CN': '记录当事人拒绝调解', en: 'Record a refusal of mediation' },
    'disputes.session': { 'zh-CN': '记录调解工作', en: 'Record mediation session' },
    'disputes.extend': { 'zh-CN': '延长调解期限', en: 'Extend mediation' },
    'disputes.agree': { 'zh-CN': '达成调解协议', en: 'Record mediation agreement' },
    'disputes.fail': { 'zh-CN': '调解不成终止', en: 'Terminate failed mediation' },
    'disputes.finish': { 'zh-CN': '纠纷化解办结', en: 'Finish dispute' },
    'disputes.close': { 'zh-CN': '纠纷评价结案', en: 'Close dispute' },
    'disputes.escalate': { 'zh-CN': '纠纷工单超时升级', en: 'Escalate overdue dispute ticket' },
    'disputes.confirm_reminder': {
      'zh-CN': '司法确认申请期限提醒',
      en: 'Judicial confirmation window reminder',
    },
    'disputes.mediation_due': { 'zh-CN': '调解期限届满提醒', en: 'Mediation month elapsed' },
    'disputes.lists_import': { 'zh-CN': '导入分类清单新版本', en: 'Import classification list version' },
    'disputes.limits': { 'zh-CN': '修改纠纷工单时限', en: 'Update dispute ticket limits' },
    'disputes.body_create': { 'zh-CN': '新增调处力量', en: 'Add handling body' },
    'disputes.body_update': { 'zh-CN': '修改调处力量', en: 'Update handling body' },
    'disputes.meeting': { 'zh-CN': '记录矛盾纠纷联席会议', en: 'Record joint meeting on disputes' },
    'disputes.contact': { 'zh-CN': '确定社区分管负责人和联系人', en: 'Name community leader and contact' },
    'disputes.agreement_pdf': { 'zh-CN': '生成人民调解协议书', en: 'Render mediation agreement PDF' },
    'disputes.follow_up': { 'zh-CN': '回访调解协议履行情况', en: 'Follow up on agreement performance' },
  },
  entityTypes: {
    ds_dispute: { 'zh-CN': '矛盾纠纷', en: 'Dispute' },
    ds_list: { 'zh-CN': '纠纷分类清单', en: 'Classification list' },
    ds_settings: { 'zh-CN': '纠纷工单时限', en: 'Dispute ticket limits' },
    ds_body: { 'zh-CN': '调处力量', en: 'Handling body' },
    ds_meeting: { 'zh-CN': '联席会议', en: 'Joint meeting' },
    ds_contact: { 'zh-CN': '社区纠纷联系人', en: 'Community dispute contact' },
  },
};
