import type { Locale } from './errors';

/** Error messages of two-factor login (codes `accounts.*`), merged into ERROR_MESSAGES. */
export const ACCOUNTS_ERRORS: Record<string, Record<Locale, string>> = {
  'accounts.two_factor_enrolment_required': {
    'zh-CN': '您的角色要求开启两步验证，请先在“账号安全”中完成设置',
    en: 'Your role requires two-step verification; set it up under Account security first',
  },
  'accounts.two_factor_wrong_code': {
    'zh-CN': '验证码不正确或已使用，请输入验证器应用中的最新验证码',
    en: 'The code is wrong or was already used; enter the newest code from your authenticator app',
  },
  'accounts.two_factor_code_format': {
    'zh-CN': '请输入 6 位数字验证码',
    en: 'Enter the 6-digit code',
  },
  'accounts.code_or_recovery_code': {
    'zh-CN': '请输入验证码或恢复码（二选一）',
    en: 'Enter either a code or a recovery code',
  },
  'accounts.two_factor_wrong_recovery_code': {
    'zh-CN': '恢复码不正确或已使用',
    en: 'The recovery code is wrong or was already used',
  },
  'accounts.two_factor_challenge_expired': {
    'zh-CN': '登录已超时，请重新输入用户名和密码',
    en: 'The login has timed out; enter your username and password again',
  },
  'accounts.two_factor_already_enabled': {
    'zh-CN': '两步验证已开启',
    en: 'Two-step verification is already on',
  },
  'accounts.two_factor_not_enabled': {
    'zh-CN': '尚未开启两步验证',
    en: 'Two-step verification is not on',
  },
  'accounts.two_factor_no_setup': {
    'zh-CN': '请先扫描二维码，再输入验证码',
    en: 'Scan the QR code first, then enter a code',
  },
  'accounts.two_factor_required': {
    'zh-CN': '您的角色要求两步验证，不能关闭',
    en: 'Your role requires two-step verification; it cannot be turned off',
  },
  'accounts.two_factor_demo': {
    'zh-CN': '演示账号由多人共用，不能开启两步验证；请新建一个账号体验',
    en: 'Demo accounts are shared and cannot turn on two-step verification; create an account to try it',
  },
  'auth.invalid_credentials': { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    'zh-CN': '连续登录失败次数过多，账号已锁定，请于 {minutes} 分钟后再试',
    en: 'Too many failed logins; the account is locked for {minutes} more minutes',
  },
  'auth.disabled': { 'zh-CN': '账号已停用', en: 'This account is disabled' },
  'auth.sms_bad_phone': {
    'zh-CN': '请输入正确的 11 位手机号码',
    en: 'Enter a valid 11-digit mobile number',
  },
  'auth.sms_too_soon': {
    'zh-CN': '发送过于频繁，请 {seconds} 秒后再试',
    en: 'Too many requests; try again in {seconds} seconds',
  },
  'auth.sms_daily_limit': {
    'zh-CN': '该手机号今日获取验证码次数已达上限，请明天再试',
    en: 'This number has received the most codes allowed today; try again tomorrow',
  },
  'auth.sms_unavailable': {
    'zh-CN': '短信暂时无法发送，请稍后再试',
    en: 'Text messages cannot be sent right now; try again later',
  },
  'auth.sms_code_wrong': {
    'zh-CN': '验证码不正确，还可尝试 {left} 次',
    en: 'Wrong code; {left} tries left',
  },
  'auth.sms_code_expired': {
    'zh-CN': '验证码已失效，请重新获取',
    en: 'The code has expired; request a new one',
  },
  'auth.sms_code_dead': {
    'zh-CN': '验证码错误次数过多，已失效，请重新获取',
    en: 'Too many wrong tries; the code no longer works, request a new one',
  },
  'auth.sms_staff_account': {
    'zh-CN': '该手机号绑定的是工作人员账号，请使用用户名和密码登录',
    en: 'This number belongs to a staff account; log in with your username and password',
  },
  'auth.weak_password': {
    'zh-CN': '密码至少 10 位，且不能与用户名相同',
    en: 'The password needs at least 10 characters and must differ from the username',
  },
  'auth.wrong_password': { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'users.username_taken': { 'zh-CN': '用户名“{username}”已被使用', en: 'Username "{username}" is taken' },
  'users.role_unit_kind': {
    'zh-CN': '角色“{role}”不能分配在该层级的组织上',
    en: 'Role "{role}" cannot be assigned at this level of the org tree',
  },
  'users.not_in_scope': {
    'zh-CN': '只能在您管辖范围内分配角色',
    en: 'You can only assign roles within your scope',
  },
};
