import type { AuditLabels } from './audit';

/** Names of the social-orgs module's audited actions and entity types, for the audit log page. */
export const SOCIAL_ORGS_AUDIT: AuditLabels = {
  actions: {
    'social_orgs.org_create': { 'zh-CN': '登记社会组织', en: 'Register social organisation' },
    'social_orgs.org_update': { 'zh-CN': '修改社会组织', en: 'Update social organisation' },
    'social_orgs.member_add': { 'zh-CN': '添加社会组织成员', en: 'Add member' },
    'social_orgs.member_remove': { 'zh-CN': '移除社会组织成员', en: 'Remove member' },
    'social_orgs.incubation_create': { 'zh-CN': '登记孵化记录', en: 'Record incubation' },
    'social_orgs.incubation_update': { 'zh-CN': '修改孵化记录', en: 'Update incubation' },
    'social_orgs.station_create': { 'zh-CN': '设立社工站（室）', en: 'Set up social-work station' },
    'social_orgs.station_worker_add': { 'zh-CN': '社工入驻站（室）', en: 'Post social worker' },
    'social_orgs.station_worker_remove': { 'zh-CN': '社工离开站（室）', en: 'Remove social worker' },
    'social_orgs.round_create': { 'zh-CN': '发布公益创投', en: 'Open funding round' },
    'social_orgs.round_state': { 'zh-CN': '变更公益创投状态', en: 'Change round state' },
    'social_orgs.proposal_submit': { 'zh-CN': '提交创投项目', en: 'Submit proposal' },
    'social_orgs.proposal_score': { 'zh-CN': '评审打分', en: 'Score proposal' },
    'social_orgs.proposal_approve': { 'zh-CN': '批准资助', en: 'Grant proposal' },
    'social_orgs.proposal_reject': { 'zh-CN': '不予资助', en: 'Reject proposal' },
    'social_orgs.proposal_report': { 'zh-CN': '提交结项报告', en: 'File project report' },
    'social_orgs.proposal_close': { 'zh-CN': '项目结项', en: 'Close project' },
    'social_orgs.fund_create': { 'zh-CN': '设立社区基金', en: 'Set up community fund' },
    'social_orgs.fund_donation': { 'zh-CN': '社区基金捐赠入账', en: 'Fund donation' },
    'social_orgs.fund_disbursement': { 'zh-CN': '社区基金支出', en: 'Fund disbursement' },
    'social_orgs.contract_create': { 'zh-CN': '登记购买服务合同', en: 'Register service contract' },
    'social_orgs.contract_state': { 'zh-CN': '变更合同状态', en: 'Change contract state' },
    'social_orgs.contract_update': {
      'zh-CN': '修改合同方式、服务对象或受益人数',
      en: 'Edit contract mode, groups served or beneficiaries',
    },
    'social_orgs.contract_item_add': { 'zh-CN': '添加交付或付款事项', en: 'Add deliverable or payment' },
    'social_orgs.contract_item_update': {
      'zh-CN': '更新交付或付款事项',
      en: 'Update deliverable or payment',
    },
    'social_orgs.link_create': { 'zh-CN': '登记五社联动', en: 'Record five-party link' },
  },
  entityTypes: {
    so_org: { 'zh-CN': '社会组织', en: 'Social organisation' },
    so_incubation: { 'zh-CN': '孵化记录', en: 'Incubation record' },
    so_station: { 'zh-CN': '社工站（室）', en: 'Social-work station' },
    so_round: { 'zh-CN': '公益创投', en: 'Funding round' },
    so_proposal: { 'zh-CN': '创投项目', en: 'Proposal' },
    so_fund: { 'zh-CN': '社区基金', en: 'Community fund' },
    so_contract: { 'zh-CN': '购买服务合同', en: 'Service contract' },
    so_link: { 'zh-CN': '五社联动', en: 'Five-party link' },
  },
};
