import { createHmac } from 'node:crypto';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SmsSendError,
  aliyunSignedQuery,
  aliyunSms,
  consoleSms,
  createSmsSender,
  smsConfigFromEnv,
} from './sms';

describe('Aliyun SMS request signing (RPC signature v1, HMAC-SHA1)', () => {
  it("gives the signature of Alibaba Cloud's documented SendSms example", () => {
    const query = aliyunSignedQuery(
      {
        AccessKeyId: 'testId',
        Action: 'SendSms',
        Format: 'XML',
        OutId: '123',
        PhoneNumbers: '15300000001',
        RegionId: 'cn-hangzhou',
        SignName: '阿里云短信测试专用',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
        SignatureVersion: '1.0',
        TemplateCode: 'SMS_71390007',
        TemplateParam: '{"customer":"test"}',
        Timestamp: '2017-07-12T02:42:19Z',
        Version: '2017-05-25',
      },
      'testSecret',
    );
    expect(query).toBe(
      'Signature=zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D&AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123' +
        '&PhoneNumbers=15300000001&RegionId=cn-hangzhou' +
        '&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8' +
        '&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0' +
        '&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D' +
        '&Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25',
    );
  });
});

describe('Aliyun SMS adapter against a local HTTP server (no network)', () => {
  let server: Server;
  let endpoint: string;
  const seen: URL[] = [];
  let answer: object = { Code: 'OK', Message: 'OK', BizId: '1', RequestId: 'r' };

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      seen.push(new URL(req.url ?? '/', 'http://local'));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** The server's side: recompute the signature from the received parameters, as Alibaba Cloud does. */
  function verify(url: URL, secret: string): boolean {
    const enc = (s: string) =>
      encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const params = [...url.searchParams.entries()].filter(([k]) => k !== 'Signature');
    params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const canonical = params.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
    const expected = createHmac('sha1', `${secret}&`)
      .update(`GET&%2F&${enc(canonical)}`)
      .digest('base64');
    return url.searchParams.get('Signature') === expected;
  }

  const config = () =>
    smsConfigFromEnv({
      SMS_PROVIDER: 'aliyun',
      SMS_ALIYUN_ACCESS_KEY_ID: 'LTAI-test',
      SMS_ALIYUN_ACCESS_KEY_SECRET: 'secret-test',
      SMS_ALIYUN_ENDPOINT: endpoint,
      SMS_SIGN_NAME: '邻里社区',
      SMS_TEMPLATE_LOGIN_CODE: 'SMS_123456789',
    });

  it('sends SendSms with the sign name, template code and parameters, correctly signed', async () => {
    await aliyunSms(config()).send({
      phone: '13800001234',
      template: 'login_code',
      params: { code: '042917' },
    });
    const url = seen.at(-1)!;
    expect(url.pathname).toBe('/');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      AccessKeyId: 'LTAI-test',
      PhoneNumbers: '13800001234',
      SignName: '邻里社区',
      TemplateCode: 'SMS_123456789',
      TemplateParam: '{"code":"042917"}',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      RegionId: 'cn-hangzhou',
    });
    expect(url.searchParams.get('Timestamp')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(verify(url, 'secret-test')).toBe(true);
    expect(verify(url, 'another-secret')).toBe(false);
  });

  it('turns a refusal of the provider into an SmsSendError with its code', async () => {
    answer = { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控' };
    const err = await aliyunSms(config())
      .send({ phone: '13800001234', template: 'login_code', params: { code: '1' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsSendError);
    expect((err as SmsSendError).providerCode).toBe('isv.BUSINESS_LIMIT_CONTROL');
    answer = { Code: 'OK' };
  });

  it('refuses to start without keys, and refuses a template it has no code for', async () => {
    expect(() =>
      createSmsSender(smsConfigFromEnv({ SMS_PROVIDER: 'aliyun' }), { info() {}, error() {} }),
    ).toThrow(/SMS_ALIYUN_ACCESS_KEY_ID/);
    await expect(
      aliyunSms(config()).send({ phone: '13800001234', template: 'order_assigned', params: {} }),
    ).rejects.toThrow(/SMS_TEMPLATE_ORDER_ASSIGNED/);
    expect(() => smsConfigFromEnv({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow();
  });
});

describe('console SMS adapter (development)', () => {
  it('writes the message, code included, to the log with the phone masked', async () => {
    const lines: string[] = [];
    const sender = consoleSms({ info: (_o, msg) => void lines.push(msg ?? ''), error() {} });
    await sender.send({ phone: '13800001234', template: 'login_code', params: { code: '123456' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('138****1234');
    expect(lines[0]).toContain('123456');
    expect(lines[0]).not.toContain('13800001234');
    expect(createSmsSender(undefined, { info() {}, error() {} }).provider).toBe('console');
  });
});
