import type { Locale } from './errors';

/** Labels shared by the API (exports, import templates) and the web app. */
export const LABELS: Record<string, Record<Locale, string>> = {
  name: { 'zh-CN': '姓名', en: 'Name' },
  gender: { 'zh-CN': '性别', en: 'Gender' },
  birthDate: { 'zh-CN': '出生日期', en: 'Birth date' },
  idNumber: { 'zh-CN': '身份证号', en: 'ID number' },
  phone: { 'zh-CN': '手机号', en: 'Phone' },
  address: { 'zh-CN': '住址', en: 'Address' },
  community: { 'zh-CN': '社区', en: 'Community' },
  unit: { 'zh-CN': '所属单元', en: 'Unit' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
  room: { 'zh-CN': '房号', en: 'Room' },
  registrationStatus: { 'zh-CN': '户籍状态', en: 'Registration' },
  tags: { 'zh-CN': '特殊群体', en: 'Special groups' },
  notes: { 'zh-CN': '备注', en: 'Notes' },
  male: { 'zh-CN': '男', en: 'Male' },
  female: { 'zh-CN': '女', en: 'Female' },
  registered: { 'zh-CN': '户籍', en: 'Registered' },
  permanent: { 'zh-CN': '常住', en: 'Permanent' },
  migrant: { 'zh-CN': '流动', en: 'Migrant' },
  living_alone: { 'zh-CN': '独居', en: 'Living alone' },
  empty_nest: { 'zh-CN': '空巢', en: 'Empty nest' },
  left_behind: { 'zh-CN': '留守', en: 'Left behind' },
  disabled: { 'zh-CN': '失能', en: 'Disabled' },
  severely_disabled: { 'zh-CN': '重残', en: 'Severely disabled' },
  low_income: { 'zh-CN': '困难', en: 'Low income' },
};

export const label = (key: string, locale: Locale) => LABELS[key]?.[locale] ?? key;
