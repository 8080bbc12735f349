import type { AuditLabels } from './audit';

/** Names of the accounts module's audited actions and entity types, for the audit log page. */
export const ACCOUNTS_AUDIT: AuditLabels = {
  actions: {
    'auth.login': { 'zh-CN': '登录', en: 'Log in' },
    'auth.logout': { 'zh-CN': '退出登录', en: 'Log out' },
    'auth.two_factor_challenge': {
      'zh-CN': '密码正确，待两步验证',
      en: 'Password right, second step pending',
    },
    'auth.two_factor_failed': { 'zh-CN': '两步验证失败', en: 'Second step failed' },
    'auth.two_factor_setup': { 'zh-CN': '开始设置两步验证', en: 'Start two-step setup' },
    'auth.two_factor_enable': { 'zh-CN': '开启两步验证', en: 'Turn on two-step verification' },
    'auth.two_factor_disable': { 'zh-CN': '关闭两步验证', en: 'Turn off two-step verification' },
    'auth.recovery_code_used': { 'zh-CN': '使用恢复码登录', en: 'Log in with a recovery code' },
    'auth.recovery_codes_regenerate': { 'zh-CN': '重新生成恢复码', en: 'New recovery codes' },
    'auth.sms_send': { 'zh-CN': '发送短信验证码', en: 'Send SMS login code' },
    'auth.sms_account_create': { 'zh-CN': '短信登录创建居民账号', en: 'Create resident login by SMS' },
    'auth.sms_link': { 'zh-CN': '居民账号关联居民档案', en: 'Link resident login to registry record' },
    'access.denied': { 'zh-CN': '拒绝访问', en: 'Access denied' },
    'users.create': { 'zh-CN': '新建用户', en: 'Create user' },
    'users.update': { 'zh-CN': '修改用户', en: 'Update user' },
    'users.update_self': { 'zh-CN': '修改个人设置', en: 'Update own settings' },
    'users.change_password': { 'zh-CN': '修改密码', en: 'Change password' },
  },
  entityTypes: {
    user: { 'zh-CN': '用户', en: 'User' },
    request: { 'zh-CN': '请求', en: 'Request' },
    sms_code: { 'zh-CN': '短信验证码', en: 'SMS code' },
  },
};
