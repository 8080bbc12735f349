import type { Locale } from './errors';

/** Error messages of the org module, merged into ERROR_MESSAGES. */
export const ORG_ERRORS: Record<string, Record<Locale, string>> = {
  'org.child_kind': {
    'zh-CN': '“{parentKind}”下不能创建“{kind}”',
    en: 'A {kind} cannot be placed under a {parentKind}',
  },
  'org.move_into_descendant': {
    'zh-CN': '不能把组织移动到它自己或它的下级之下',
    en: 'A unit cannot be moved under itself or one of its descendants',
  },
  'org.division_code': {
    'zh-CN': '区划代码不符合 GB/T 2260 规则',
    en: 'The division code does not follow GB/T 2260',
  },
  'org.division_code_taken': {
    'zh-CN': '区划代码已被其他组织使用',
    en: 'The division code is used by another unit',
  },
  'org.merge_kind': {
    'zh-CN': '只能合并同一层级的组织',
    en: 'Only units of the same kind can be merged',
  },
  'org.merge_self': { 'zh-CN': '不能与自身合并', en: 'A unit cannot be merged into itself' },
  'org.inactive': { 'zh-CN': '该组织已被合并或撤销', en: 'This unit has been merged or archived' },
  'org.has_children': {
    'zh-CN': '该组织下仍有下级或人员，不能撤销',
    en: 'The unit still has children or people',
  },
  'org.split_empty': { 'zh-CN': '拆分时至少要移出一个下级', en: 'A split must move at least one child' },
};
