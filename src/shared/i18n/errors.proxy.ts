/** The platform's 帮办代办 messages (platform/proxy.ts): common.* codes, shared by every module that allows it. */
export const PROXY_ERRORS: Record<string, Record<'zh-CN' | 'en', string>> = {
  'common.proxy_consent_required': {
    'zh-CN': '代办须先记录居民本人的同意（当面、电话或书面授权）',
    en: "Acting on a resident's behalf needs their consent noted first (in person, by phone or a written authorisation)",
  },
  'common.proxy_consent_future': {
    'zh-CN': '居民同意的时间不能晚于现在',
    en: "The time of the resident's consent cannot be in the future",
  },
  'common.proxy_principal_not_found': {
    'zh-CN': '未找到被代办的居民，或该居民不在您的管辖范围内',
    en: 'The resident acted for was not found, or lives outside your area',
  },
  'common.proxy_volunteer_not_allowed': {
    'zh-CN': '此项事务不能由志愿者代办，请联系社区工作人员',
    en: 'Volunteers cannot act for residents here; ask community staff',
  },
};
