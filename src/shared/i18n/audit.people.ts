import type { AuditLabels } from './audit';

/** Names of the people module's audited actions and entity types, for the audit log page. */
export const PEOPLE_AUDIT: AuditLabels = {
  actions: {
    'people.worker.activate': { 'zh-CN': '启用社区工作者', en: 'Activate worker' },
    'people.worker.deactivate': { 'zh-CN': '停用社区工作者', en: 'Deactivate worker' },
    'people.party_levels.replace': { 'zh-CN': '设置党组织层级', en: 'Set party levels' },
    'people.party_level.rename': { 'zh-CN': '重命名党组织层级', en: 'Rename party level' },
    'people.worker.create': { 'zh-CN': '新增社区工作者', en: 'Create worker' },
    'people.worker.update': { 'zh-CN': '修改社区工作者', en: 'Update worker' },
    'people.worker.assign_grid': { 'zh-CN': '分配网格', en: 'Assign grid' },
    'people.worker.unassign_grid': { 'zh-CN': '取消网格分配', en: 'Unassign grid' },
    'people.party_org.create': { 'zh-CN': '新建党组织', en: 'Create party org' },
    'people.party_org.update': { 'zh-CN': '修改党组织', en: 'Update party org' },
    'people.party_member.create': { 'zh-CN': '新增党员', en: 'Create party member' },
    'people.party_member.update': { 'zh-CN': '修改党员', en: 'Update party member' },
    'people.deputy.create': { 'zh-CN': '新增人大代表', en: 'Create deputy' },
    'people.deputy.update': { 'zh-CN': '修改人大代表', en: 'Update deputy' },
    'people.resident_unit.create': { 'zh-CN': '新增驻区单位', en: 'Create resident unit' },
    'people.resident_unit.update': { 'zh-CN': '修改驻区单位', en: 'Update resident unit' },
    'people.social_org.create': { 'zh-CN': '新增社会组织', en: 'Create social org' },
    'people.social_org.update': { 'zh-CN': '修改社会组织', en: 'Update social org' },
  },
  entityTypes: {
    party_level: { 'zh-CN': '党组织层级', en: 'Party level' },
    party_level_scheme: { 'zh-CN': '党组织层级方案', en: 'Party level scheme' },
    worker: { 'zh-CN': '社区工作者', en: 'Worker' },
    party_org: { 'zh-CN': '党组织', en: 'Party org' },
    party_member: { 'zh-CN': '党员', en: 'Party member' },
    deputy: { 'zh-CN': '人大代表', en: 'Deputy' },
    resident_unit: { 'zh-CN': '驻区单位', en: 'Resident unit' },
    social_org: { 'zh-CN': '社会组织', en: 'Social org' },
  },
};
