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
  'org.attr_not_number': {
    'zh-CN': '“{attr}”应填写数字',
    en: '“{attr}” must be a number',
  },
  'org.attr_not_flag': {
    'zh-CN': '“{attr}”应选择“是”或“否”',
    en: '“{attr}” must be yes or no',
  },
  'org.division_code_taken': {
    'zh-CN': '区划代码已被其他组织使用',
    en: 'The division code is used by another unit',
  },
  'org.merge_kind': {
    'zh-CN': '只能合并同一层级的组织',
    en: 'Only units of the same kind can be merged',
  },
  'org.boundary_type': {
    'zh-CN': '边界须为 GeoJSON 的面（Polygon）或多面（MultiPolygon）',
    en: 'The boundary must be a GeoJSON Polygon or MultiPolygon',
  },
  'org.boundary_ring_open': {
    'zh-CN': '边界未闭合：每个环的首尾坐标须相同',
    en: 'The boundary is not closed: each ring must end where it starts',
  },
  'org.boundary_ring_short': {
    'zh-CN': '边界至少需要 3 个顶点（闭合后 4 个坐标）',
    en: 'A boundary needs at least 3 vertices (4 positions once closed)',
  },
  'org.boundary_range': {
    'zh-CN': '边界坐标超出范围：经度须在 -180 至 180 之间，纬度须在 -90 至 90 之间',
    en: 'A boundary position is out of range: longitude -180 to 180, latitude -90 to 90',
  },
  'org.boundary_position': {
    'zh-CN': '边界坐标格式不正确，应为［经度，纬度］',
    en: 'A boundary position is malformed; expected [longitude, latitude]',
  },
  'org.import_no_features': {
    'zh-CN': '文件中没有要素：请上传 GeoJSON 要素集合（FeatureCollection）',
    en: 'The file has no features: upload a GeoJSON FeatureCollection',
  },
  'org.import_no_name': { 'zh-CN': '要素没有名称属性', en: 'The feature has no name property' },
  'org.import_no_match': {
    'zh-CN': '本单位下没有同名网格',
    en: 'No grid of this name under the unit',
  },
  'org.import_ambiguous': {
    'zh-CN': '本单位下有多个同名网格，无法确定',
    en: 'Several grids under the unit have this name',
  },
  'org.import_duplicate': {
    'zh-CN': '文件中已有同名要素，此条跳过',
    en: 'An earlier feature already names this grid; skipped',
  },
  'org.merge_self': { 'zh-CN': '不能与自身合并', en: 'A unit cannot be merged into itself' },
  'org.inactive': { 'zh-CN': '该组织已被合并或撤销', en: 'This unit has been merged or archived' },
  'org.has_children': {
    'zh-CN': '该组织下仍有下级或人员，不能撤销',
    en: 'The unit still has children or people',
  },
  'org.split_empty': { 'zh-CN': '拆分时至少要移出一个下级', en: 'A split must move at least one child' },
};
