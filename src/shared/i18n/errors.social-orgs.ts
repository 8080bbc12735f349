import type { Locale } from './errors';

/** Error messages of the social-orgs module (codes `social_orgs.*`), merged into ERROR_MESSAGES. */
export const SOCIAL_ORGS_ERRORS: Record<string, Record<Locale, string>> = {
  'social_orgs.score_first': {
    'zh-CN': '请先由评审人员打分后再决定资助',
    en: 'Have reviewers score the proposal before deciding',
  },
  'social_orgs.grant_over_request': {
    'zh-CN': '资助金额不能超过申请金额',
    en: 'The grant cannot exceed the amount requested',
  },
  'social_orgs.over_budget': {
    'zh-CN': '资助总额将超出本期创投预算',
    en: 'The grants would exceed the round budget',
  },
  'social_orgs.round_closed': { 'zh-CN': '本期公益创投已结束', en: 'This funding round is closed' },
  'social_orgs.comment_required': { 'zh-CN': '请填写不予资助的理由', en: 'Give the reason for rejecting' },
  'social_orgs.report_required': { 'zh-CN': '请填写项目结项报告', en: 'Write the project report' },
  'social_orgs.invalid_action': {
    'zh-CN': '当前状态下不能进行此操作',
    en: 'This action is not possible in the current state',
  },
  'social_orgs.unit_kind': {
    'zh-CN': '所选单位的层级不适用于此项登记',
    en: 'This kind of unit cannot hold this record',
  },
  'social_orgs.dates_order': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end date cannot be before the start date',
  },
  'social_orgs.station_exists': {
    'zh-CN': '该单位已设有社工站（室）',
    en: 'This unit already has a social-work station',
  },
  'social_orgs.worker_outside': {
    'zh-CN': '该社工不在本站（室）所在的街道或社区',
    en: "This social worker is not in the station's subdistrict or community",
  },
  'social_orgs.worker_posted': {
    'zh-CN': '该社工已在本站（室）',
    en: 'This social worker is already posted here',
  },
  'social_orgs.round_outside': {
    'zh-CN': '该社会组织不在本期创投的申报范围内',
    en: "This organisation is outside the round's area",
  },
  'social_orgs.round_not_open': {
    'zh-CN': '本期公益创投当前不在申报期内',
    en: 'This funding round is not open for proposals now',
  },
  'social_orgs.proposal_exists': {
    'zh-CN': '该社会组织已在本期提交过同名项目',
    en: 'This organisation already submitted a proposal with this title',
  },
  'social_orgs.stale': {
    'zh-CN': '该记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  },
  'social_orgs.amount_too_large': {
    'zh-CN': '单笔金额过大，请分笔登记',
    en: 'The amount is too large for one entry',
  },
  'social_orgs.future_date': { 'zh-CN': '日期不能晚于今天', en: 'The date cannot be in the future' },
  'social_orgs.contract_closed': { 'zh-CN': '该合同已结束', en: 'This contract is closed' },
  'social_orgs.contract_terminated': {
    'zh-CN': '该合同已终止，不能再修改',
    en: 'This contract was terminated and cannot be changed',
  },
  'social_orgs.payment_amount': { 'zh-CN': '请填写付款金额', en: 'Give the payment amount' },
  'social_orgs.payments_over_contract': {
    'zh-CN': '付款计划合计不能超过合同金额',
    en: 'Payments cannot add up to more than the contract amount',
  },
  'social_orgs.link_empty': {
    'zh-CN': '请至少关联社会组织、社工、志愿者或慈善资源中的一方',
    en: 'Name at least one of: social organisation, social worker, volunteer, charity resource',
  },
};
