import type { Locale } from './errors';

/** Error messages of the care module (codes `care.*`), merged into ERROR_MESSAGES. */
export const CARE_ERRORS: Record<string, Record<Locale, string>> = {
  'care.tag_not_on_resident': {
    'zh-CN': '该居民未登记此特殊群体类别，请先在居民档案中标注',
    en: 'This resident does not carry that special-group tag; mark it in the registry first',
  },
  'care.plan_exists': {
    'zh-CN': '该居民已有此类别的走访计划',
    en: 'This resident already has a visit plan for that tag',
  },
  'care.assignee_outside': {
    'zh-CN': '走访人须为该居民所在社区的网格员或志愿者',
    en: 'The visitor must be a grid worker or volunteer of the resident’s community',
  },
  'care.visit_time': {
    'zh-CN': '走访时间不能晚于现在，也不能早于30天前',
    en: 'The visit time cannot be in the future or more than 30 days ago',
  },
  'care.plan_inactive': { 'zh-CN': '该走访计划已停止', en: 'This visit plan is stopped' },
  'care.stale': {
    'zh-CN': '该记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  },
  'care.money_amount': {
    'zh-CN': '资金救助须填写金额',
    en: 'A money item needs an amount',
  },
  'care.place_kind': {
    'zh-CN': '急难发生地须为社区（村）或其下的网格、小区',
    en: 'The place of emergency must be a community (village) or a unit below it',
  },
  'care.relief_step': {
    'zh-CN': '该救助申请当前状态不能进行此操作',
    en: 'This step is not possible in the case’s current state',
  },
  'care.id_number': { 'zh-CN': '身份证号码不正确', en: 'The ID number is not valid' },
  'care.phone': { 'zh-CN': '手机号码不正确', en: 'The mobile number is not valid' },
};
