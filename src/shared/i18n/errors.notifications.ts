import type { Locale } from './errors';

/** Error messages of the notifications module, merged into ERROR_MESSAGES. */
export const NOTIFICATIONS_ERRORS: Record<string, Record<Locale, string>> = {
  'notifications.webhook_url': {
    'zh-CN':
      '机器人地址不对：企业微信应以 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key= 开头，钉钉应以 https://oapi.dingtalk.com/robot/send?access_token= 开头',
    en: 'Not a robot URL: WeCom starts with https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=, DingTalk with https://oapi.dingtalk.com/robot/send?access_token=',
  },
  'notifications.secret_dingtalk_only': {
    'zh-CN': '只有钉钉机器人可以设置加签密钥',
    en: 'Only a DingTalk robot takes a signing secret',
  },
  'notifications.bad_target': {
    'zh-CN': '接收地址格式不对：短信填 11 位手机号，邮件填邮箱地址',
    en: 'Not a valid address: an 11-digit mobile number for SMS, an email address for email',
  },
  'notifications.channel_unavailable': {
    'zh-CN': '本平台尚未开通该通知渠道，请联系管理员',
    en: 'This channel is not set up on this platform; ask an administrator',
  },
  'notifications.test_failed': {
    'zh-CN': '测试消息发送失败：{reason}',
    en: 'The test message was not delivered: {reason}',
  },
};
