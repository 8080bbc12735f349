import type { Locale } from './errors';

/** Error messages of the facilities module (codes `facilities.*`), merged into ERROR_MESSAGES. */
export const FACILITIES_ERRORS: Record<string, Record<Locale, string>> = {
  'facilities.unknown_kind': {
    'zh-CN': '设施类型不存在或已停用',
    en: 'This facility kind does not exist or is retired',
  },
  'facilities.unit_kind': {
    'zh-CN': '设施须登记在街道、社区（村）或网格下',
    en: 'A facility belongs to a subdistrict, a community (village) or a grid',
  },
  'facilities.location_pair': {
    'zh-CN': '经度和纬度须同时填写',
    en: 'Give both longitude and latitude, or neither',
  },
  'facilities.kind_exists': {
    'zh-CN': '该类型代码已存在',
    en: 'A kind with this key exists already',
  },
  'facilities.stale': {
    'zh-CN': '该设施已被他人修改，请刷新后重试',
    en: 'Someone else changed this facility; reload and try again',
  },
  'facilities.dates_order': {
    'zh-CN': '规划、建设、验收、移交日期须依次不早于前一步',
    en: 'Planned, built, accepted and handed-over dates must follow one another',
  },
  'facilities.contract_dates': {
    'zh-CN': '运营合同的终止日期不能早于起始日期',
    en: 'The operating contract cannot end before it starts',
  },
};
