import type { Locale } from './errors';

/** Error messages of the work-item access module (codes `work_item_access.*`), merged into ERROR_MESSAGES. */
export const WORK_ITEM_ACCESS_ERRORS: Record<string, Record<Locale, string>> = {
  'work_item_access.level': {
    'zh-CN': '准入申请须报送市、区（县）组织、民政部门',
    en: 'Applications go to the organisation and civil-affairs departments of a city or district',
  },
  'work_item_access.basis_required': {
    'zh-CN': '以法律法规规章或上级党委、政府明确规定为依据的，须写明具体依据',
    en: 'Name the law, regulation, rule or superior decision the item rests on',
  },
  'work_item_access.training_required': {
    'zh-CN': '准入事项须明确派员指导培训社区工作者的人员',
    en: 'Name the staff who will train community workers on the item',
  },
  'work_item_access.funds_required': {
    'zh-CN': '准入事项须落实配套工作经费（费随事转）',
    en: 'The item needs its matching funds (费随事转)',
  },
  'work_item_access.comment_required': {
    'zh-CN': '请填写理由',
    en: 'Please give the reason',
  },
  'work_item_access.opinion_fields': {
    'zh-CN': '请填写征求意见的部门、意见和内容',
    en: 'Give the department consulted, its stance and its opinion',
  },
  'work_item_access.invalid_action': {
    'zh-CN': '该申请当前状态下不能进行此操作',
    en: 'This action is not possible in the application’s current state',
  },
  'work_item_access.not_community': {
    'zh-CN': '只有社区（村）可以登记不予准入的事项',
    en: 'Only a community or village records a request as not admitted',
  },
  'work_item_access.listed': {
    'zh-CN': '“{item}”已列入准入事项清单，社区应予承接',
    en: '“{item}” is on the list of admitted items; the community takes it on',
  },
  'work_item_access.item_removed': {
    'zh-CN': '该事项已清理出清单',
    en: 'This item has already been removed from the list',
  },
};
