import type { Locale } from './errors';

/** Error messages of the property module (codes `property.*`), merged into ERROR_MESSAGES. */
export const PROPERTY_ERRORS: Record<string, Record<Locale, string>> = {
  'property.not_compound': { 'zh-CN': '请选择一个小区', en: 'Choose a compound' },
  'property.not_community': { 'zh-CN': '请选择一个社区（村）', en: 'Choose a community or village' },
  'property.unit_kind': {
    'zh-CN': '公示只能发布到社区（村）或小区',
    en: 'A notice is posted to a community or a compound',
  },
  'property.company_required': {
    'zh-CN': '由物业服务企业管理的小区须填写企业名称',
    en: 'A compound served by a property company needs the company’s name',
  },
  'property.self_committee_required': {
    'zh-CN': '自管小区须填写自管委（物管委）名称',
    en: 'A self-managed compound needs the name of its self-management committee',
  },
  'property.dates_order': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end date cannot be before the start date',
  },
  'property.oc_members_required': {
    'zh-CN': '业委会至少要有一名委员',
    en: 'An owners’ committee has at least one member',
  },
  'property.compound_elsewhere': {
    'zh-CN': '该小区不属于所选社区',
    en: 'The compound is not in the chosen community',
  },
  'property.uscc': {
    'zh-CN': '物业企业统一社会信用代码无效（校验位不符）',
    en: 'Invalid unified social credit code of the property company (check character)',
  },
  'property.issue_resolved': { 'zh-CN': '该问题已解决', en: 'The issue is already resolved' },
  'property.honour_exists': {
    'zh-CN': '该小区在这一期已获此荣誉',
    en: 'The compound already holds this honour for the period',
  },
  'property.honour_month': {
    'zh-CN': '文明小区评选须写明月份；美好家园示范小区按年度',
    en: 'The civilised-compound selection is monthly; model compounds are yearly',
  },
  'property.stale': {
    'zh-CN': '小区信息已被他人修改，请刷新后再试',
    en: 'Someone else changed the compound; reload and try again',
  },
};
