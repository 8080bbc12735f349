import type { Locale } from './errors';

/** Error messages of the residents module, merged into ERROR_MESSAGES. */
export const RESIDENTS_ERRORS: Record<string, Record<Locale, string>> = {
  'residents.id_number': { 'zh-CN': '身份证号码无效', en: 'Invalid ID number' },
  'residents.id_number.format': {
    'zh-CN': '身份证号码应为 18 位，最后一位可为 X',
    en: 'An ID number has 18 characters; the last may be X',
  },
  'residents.id_number.birthDate': {
    'zh-CN': '身份证号码中的出生日期不存在',
    en: 'The birth date inside the ID number is not a real date',
  },
  'residents.id_number.checkDigit': {
    'zh-CN': '身份证号码校验位错误',
    en: 'The ID number check digit is wrong',
  },
  'residents.id_number_taken': { 'zh-CN': '该身份证号码已登记', en: 'This ID number is already registered' },
  'residents.phone': { 'zh-CN': '手机号码格式不正确', en: 'Invalid mobile phone number' },
  'residents.birth_mismatch': {
    'zh-CN': '出生日期与身份证号码不一致',
    en: 'The birth date does not match the ID number',
  },
  'residents.unit_kind': {
    'zh-CN': '居民只能登记到社区、网格、小区、楼栋或住户',
    en: 'Residents belong to a community, grid, compound, building or household',
  },
};
