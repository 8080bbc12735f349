import type { Locale } from './errors';

/** Error messages of the self-governance module (codes `self_governance.*`), merged into ERROR_MESSAGES. */
export const SELF_GOVERNANCE_ERRORS: Record<string, Record<Locale, string>> = {
  'self_governance.not_community': { 'zh-CN': '请选择一个社区（村）', en: 'Choose a community or village' },
  'self_governance.parent_invalid': {
    'zh-CN': '下设委员会须隶属于本社区的居（村）民委员会',
    en: 'A sub-committee belongs to the community’s residents’ or villagers’ committee',
  },
  'self_governance.dates_order': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end date cannot be before the start date',
  },
  'self_governance.holder_required': {
    'zh-CN': '请填写任职人员，或填写空缺开始日期',
    en: 'Name the holder, or give the date the post fell vacant',
  },
  'self_governance.already_vacant': { 'zh-CN': '该职位已经空缺', en: 'The post is already vacant' },
  'self_governance.not_vacant': { 'zh-CN': '该职位目前没有空缺', en: 'The post is not vacant' },
  'self_governance.vacancy_date': {
    'zh-CN': '补缺日期不能早于空缺开始日期',
    en: 'The post cannot be filled before it fell vacant',
  },
  'self_governance.ballots_exceed': {
    'zh-CN': '参加投票人数不能超过选民人数',
    en: 'Ballots cast cannot exceed the electorate',
  },
  'self_governance.votes_exceed': {
    'zh-CN': '候选人得票数不能超过参加投票人数',
    en: 'A candidate cannot receive more votes than ballots cast',
  },
  'self_governance.position_required': {
    'zh-CN': '补选须选择空缺的职位',
    en: 'A by-election is for a vacant post: choose it',
  },
  'self_governance.position_body': {
    'zh-CN': '该职位不属于所选组织',
    en: 'The post does not belong to the chosen body',
  },
  'self_governance.elected_one': {
    'zh-CN': '补选应产生一名当选人',
    en: 'A by-election elects exactly one person',
  },
  'self_governance.stale': {
    'zh-CN': '职位信息已被他人修改，请刷新后再试',
    en: 'Someone else changed the post; reload and try again',
  },
};
