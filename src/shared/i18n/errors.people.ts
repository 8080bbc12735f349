import type { Locale } from './errors';

/** Error messages of the people module, merged into ERROR_MESSAGES. */
export const PEOPLE_ERRORS: Record<string, Record<Locale, string>> = {
  'people.uscc': { 'zh-CN': '统一社会信用代码无效', en: 'Invalid unified social credit code' },
  'people.unit_kind': {
    'zh-CN': '该类记录不能登记在这一层级的组织上',
    en: 'This record cannot belong to a unit of that kind',
  },
  'people.uscc_taken': {
    'zh-CN': '该统一社会信用代码已登记',
    en: 'This unified social credit code is already registered',
  },
  'people.scheme_unit_kind': {
    'zh-CN': '党组织层级方案只能设在市、区、街道或社区',
    en: 'A party-level scheme can only be defined at a city, district, subdistrict or community',
  },
  'people.level_duplicate': { 'zh-CN': '层级名称不能重复', en: 'Level names must be unique' },
  'people.level_in_use': {
    'zh-CN': '层级“{name}”下还有党组织，不能删除',
    en: 'Level "{name}" still has party organizations and cannot be removed',
  },
  'people.level_scheme': {
    'zh-CN': '所选层级不属于该单位适用的党组织层级方案',
    en: 'The level is not in the party-level scheme this unit uses',
  },
  'people.level_order': {
    'zh-CN': '下级党组织的层级必须低于上级党组织',
    en: 'A party organization must sit at a lower level than its parent',
  },
  'people.parent_org': {
    'zh-CN': '上级党组织无效：须位于本单位或其上级，且不能是自身或其下级',
    en: 'Invalid parent: it must sit at this unit or above, and not be the organization or one below it',
  },
  'people.party_org_has_children': {
    'zh-CN': '该党组织下还有下级组织，不能调整所属单位',
    en: 'The party organization has child organizations; its unit cannot change',
  },
  'people.party_org': {
    'zh-CN': '所选党组织不在该党员所在单位或其上级',
    en: "The party organization is not at the member's unit or above it",
  },
  'people.resident_not_found': {
    'zh-CN': '未找到该居民，或不在您的管辖范围内',
    en: 'Resident not found, or outside your scope',
  },
  'people.member_exists': {
    'zh-CN': '该居民已登记为党员',
    en: 'This resident is already registered as a party member',
  },
  'people.reporting_unit': {
    'zh-CN': '在职党员应向居住地社区报到，请选择社区或其下级',
    en: 'In-service members report to the community where they live; choose it or a unit below it',
  },
  'people.employer_required': {
    'zh-CN': '在职党员报到须填写工作单位',
    en: 'A reporting in-service member needs an employer',
  },
  'people.post_type': {
    'zh-CN': '社区工作者须选择岗位类别（四岗），其他人员不填',
    en: 'Community workers need a post type; other workers have none',
  },
  'people.user_not_found': { 'zh-CN': '关联的账号不存在', en: 'The linked user account does not exist' },
  'people.worker_inactive': { 'zh-CN': '该人员已停用', en: 'This worker is deactivated' },
  'people.worker_active': { 'zh-CN': '该人员已在岗', en: 'This worker is already active' },
  'people.not_grid_worker': {
    'zh-CN': '只有网格员可以分配网格',
    en: 'Only grid workers can be assigned to grids',
  },
  'people.grid_kind': { 'zh-CN': '只能分配到网格', en: 'Only a grid can be assigned' },
  'people.grid_outside': {
    'zh-CN': '该网格不在网格员所属社区内',
    en: "The grid is outside the worker's community",
  },
  'people.already_assigned': {
    'zh-CN': '该网格员已分配到此网格',
    en: 'The worker is already assigned to this grid',
  },
  'people.part_time_grid_only': {
    'zh-CN': '只有网格员可设为兼职',
    en: 'Only grid workers can be part-time',
  },
};
