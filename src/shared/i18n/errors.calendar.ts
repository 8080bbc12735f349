import type { Locale } from './errors';

/** Error messages of the calendar module, merged into ERROR_MESSAGES. */
export const CALENDAR_ERRORS: Record<string, Record<Locale, string>> = {
  'calendar.bad_date': {
    'zh-CN': '日期无效，应为 YYYY-MM-DD 格式的真实日期',
    en: 'Not a real date in the form YYYY-MM-DD',
  },
  'calendar.duplicate_date': { 'zh-CN': '同一日期只能出现一次', en: 'Each date may appear only once' },
  'calendar.date_outside_year': {
    'zh-CN': '日期不在所设置的年份内',
    en: 'The date is outside the year being set',
  },
  'calendar.workday_not_weekend': {
    'zh-CN': '调休上班日必须是周六或周日',
    en: 'An adjusted working day must fall on a Saturday or Sunday',
  },
};
