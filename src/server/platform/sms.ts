import { createHmac, randomUUID } from 'node:crypto';
import { maskPhone } from './crypto';

/**
 * Text messages (SMS) behind one provider interface: the resident login sends its one-time codes through
 * it, and notifications will. A message names a template (`login_code`, …) and its parameters; each
 * provider maps the name to its own registered template (Chinese carriers only deliver pre-approved
 * templates under an approved sign name), so no free text ever goes out.
 *
 * Adapters: `console` (development: the message is written to the server log, codes included, and nothing
 * is sent) and `aliyun` (Alibaba Cloud SMS, `SendSms` of API version 2017-05-25, RPC signature v1 =
 * HMAC-SHA1). Configured by environment (see `smsConfigFromEnv`, docs/OPERATIONS.md).
 */
export interface SmsMessage {
  /** Mainland mobile, 11 digits. */
  phone: string;
  /** Template name, e.g. `login_code` (parameter `code`). */
  template: string;
  params: Record<string, string>;
}

export interface SmsSender {
  readonly provider: string;
  send(message: SmsMessage): Promise<void>;
}

export interface SmsConfig {
  provider: 'console' | 'aliyun';
  /** The approved sign name shown as 【…】 before the text. */
  signName: string;
  /** Template name → the provider's template code (SMS_TEMPLATE_<NAME>, e.g. SMS_TEMPLATE_LOGIN_CODE). */
  templates: Record<string, string>;
  aliyun?: { accessKeyId: string; accessKeySecret: string; endpoint: string; regionId: string };
}

type Log = { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };

export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly providerCode?: string,
  ) {
    super(message);
  }
}

/** The texts the console adapter prints (the real ones live at the provider, under the template codes). */
const CONSOLE_TEXT: Record<string, (p: Record<string, string>) => string> = {
  login_code: (p) => `您的登录验证码是 ${p.code}，5 分钟内有效。如非本人操作，请忽略本短信。`,
};

/** Development adapter: writes the message to the log (the only place a login code is ever written). */
export function consoleSms(log: Log, signName = '邻里'): SmsSender {
  return {
    provider: 'console',
    async send(m) {
      const text = CONSOLE_TEXT[m.template]?.(m.params) ?? m.params.text ?? JSON.stringify(m.params);
      log.info(
        { sms: { to: maskPhone(m.phone), template: m.template } },
        `SMS (console, not sent) to ${maskPhone(m.phone)}: 【${signName}】${text}`,
      );
    },
  };
}

/** Percent-encoding of Alibaba Cloud's RPC signature: RFC 3986 unreserved characters stay, all else is %XX. */
export function aliyunEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Signs RPC parameters (signature version 1.0): the sorted, encoded query is the canonical string;
 * StringToSign = `GET&%2F&` + encode(canonical); Signature = base64(HMAC-SHA1(secret + '&', StringToSign)).
 * Returns the full query string with `Signature` added.
 */
export function aliyunSignedQuery(params: Record<string, string>, accessKeySecret: string): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${aliyunEncode(k)}=${aliyunEncode(params[k]!)}`)
    .join('&');
  const stringToSign = `GET&${aliyunEncode('/')}&${aliyunEncode(canonical)}`;
  const signature = createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest('base64');
  return `Signature=${aliyunEncode(signature)}&${canonical}`;
}

/** Alibaba Cloud SMS (dysmsapi `SendSms`). `now` and `nonce` are injectable for tests. */
export function aliyunSms(
  config: SmsConfig,
  opts: { now?: () => Date; nonce?: () => string; fetch?: typeof fetch } = {},
): SmsSender {
  const a = config.aliyun;
  if (!a?.accessKeyId || !a.accessKeySecret)
    throw new Error('SMS_PROVIDER=aliyun needs SMS_ALIYUN_ACCESS_KEY_ID and SMS_ALIYUN_ACCESS_KEY_SECRET');
  if (!config.signName) throw new Error('SMS_PROVIDER=aliyun needs SMS_SIGN_NAME');
  const doFetch = opts.fetch ?? fetch;
  return {
    provider: 'aliyun',
    async send(m) {
      const templateCode = config.templates[m.template];
      if (!templateCode)
        throw new SmsSendError(
          `no template code for ${m.template} (SMS_TEMPLATE_${m.template.toUpperCase()})`,
        );
      const params: Record<string, string> = {
        AccessKeyId: a.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: m.phone,
        RegionId: a.regionId,
        SignName: config.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: opts.nonce?.() ?? randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: templateCode,
        TemplateParam: JSON.stringify(m.params),
        Timestamp: (opts.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      };
      const url = `${a.endpoint.replace(/\/+$/, '')}/?${aliyunSignedQuery(params, a.accessKeySecret)}`;
      let body: { Code?: string; Message?: string };
      try {
        const res = await doFetch(url, { method: 'GET', signal: AbortSignal.timeout(10_000) });
        body = (await res.json()) as typeof body;
      } catch (err) {
        throw new SmsSendError(`aliyun request failed: ${(err as Error).message}`);
      }
      if (body.Code !== 'OK') throw new SmsSendError(`aliyun: ${body.Message ?? 'error'}`, body.Code);
    },
  };
}

/** Reads SMS_* variables. Default: the console adapter. */
export function smsConfigFromEnv(env: NodeJS.ProcessEnv): SmsConfig {
  const provider = (env.SMS_PROVIDER ?? 'console').toLowerCase();
  if (provider !== 'console' && provider !== 'aliyun')
    throw new Error(`SMS_PROVIDER must be console or aliyun, not ${provider}`);
  const templates: Record<string, string> = {};
  for (const [k, v] of Object.entries(env))
    if (k.startsWith('SMS_TEMPLATE_') && v) templates[k.slice('SMS_TEMPLATE_'.length).toLowerCase()] = v;
  return {
    provider,
    signName: env.SMS_SIGN_NAME ?? '',
    templates,
    ...(provider === 'aliyun' && {
      aliyun: {
        accessKeyId: env.SMS_ALIYUN_ACCESS_KEY_ID ?? '',
        accessKeySecret: env.SMS_ALIYUN_ACCESS_KEY_SECRET ?? '',
        endpoint: env.SMS_ALIYUN_ENDPOINT ?? 'https://dysmsapi.aliyuncs.com',
        regionId: env.SMS_ALIYUN_REGION ?? 'cn-hangzhou',
      },
    }),
  };
}

/** The sender for a configuration (console when none is given). */
export function createSmsSender(config: SmsConfig | undefined, log: Log): SmsSender {
  if (config?.provider === 'aliyun') return aliyunSms(config);
  return consoleSms(log, config?.signName || '邻里');
}
