import { createHmac } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser, signInNewUser } from '../../../../test/app';
import { buildWorkOrder } from '../../../../test/factories';
import { useSenders, sendersFromEnv, signDingTalk } from './notifications.channels';
import type { SmsSender } from '../../platform/sms';
import { MAX_ATTEMPTS, deliverDue } from './notifications.usecases';

/** Notifications: the inbox, own channels, group robots and the delivery job, against the real database. */
describe('notifications', () => {
  let t: TestApp;
  let robot: Server;
  let robotUrl: string;
  const posted: { url: string; body: { msgtype: string; text: { content: string } } }[] = [];
  const sms: { phone: string; template: string; text: string }[] = [];
  let smsFails = false;

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t, 'dispatcher', [{ role: 'dispatcher', orgUnitId: t.fx.subdistrict.id }]);
    robot = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        posted.push({ url: req.url ?? '', body: JSON.parse(body) });
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify(
            req.url?.includes('broken')
              ? { errcode: 310000, errmsg: 'keywords not in content' }
              : { errcode: 0, errmsg: 'ok' },
          ),
        );
      });
    });
    await new Promise<void>((r) => robot.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(robot.address() as AddressInfo).port}`;
    process.env.NOTIFY_WEBHOOK_ORIGINS = origin;
    robotUrl = `${origin}/cgi-bin/webhook/send?key=0123456789abcdef`;
    useSenders(sendersFromEnv({}));
  });
  afterAll(async () => {
    useSenders(undefined);
    delete process.env.NOTIFY_WEBHOOK_ORIGINS;
    await new Promise((r) => robot.close(r));
    await t.close();
  });

  // The SMS provider as the platform sees it (platform/sms.ts), capturing instead of sending.
  const provider: SmsSender = {
    provider: 'test',
    async send(m) {
      if (smsFails) throw new Error('provider down');
      sms.push({ phone: m.phone, template: m.template, text: m.params.text ?? '' });
    },
  };
  const deliver = () => deliverDue({ ...t.deps, requestId: 'test' }, provider);

  async function dispatchedToTongdu() {
    const { order } = await buildWorkOrder(t.deps, t.fx, { community: t.fx.tongdu });
    const d = await t.as('dispatcher');
    const res = await d.post(`/api/work-orders/${order.id}/actions`, {
      action: 'dispatch',
      unitId: t.fx.tongdu.id,
    });
    expect(res.statusCode).toBe(200);
    return order;
  }

  it('an order dispatched to a community lands in its handlers’ inboxes (unread count, read, read all); nobody else sees it', async () => {
    const worker = await t.as('tongdu_worker');
    const before = (await worker.get('/api/notifications/unread')).json().unread;
    const order = await dispatchedToTongdu();
    expect((await worker.get('/api/notifications/unread')).json().unread).toBe(before + 1);
    const inbox = (await worker.get('/api/notifications?unread=true')).json();
    const item = inbox.items.find((i: { link: string }) => i.link === `/work-orders/${order.id}`);
    expect(item).toMatchObject({ event: 'work_order.assigned', title: '新工单待处理', read: false });
    expect(item.body).toContain(order.number);
    expect(item.body).toContain('铜都社区');

    // Another community's worker has no such row: reading it is a 404, like an id that does not exist.
    const other = await t.as('xhy_worker');
    expect(
      (await other.get('/api/notifications')).json().items.some((i: { id: string }) => i.id === item.id),
    ).toBe(false);
    expect((await other.post(`/api/notifications/${item.id}/read`)).statusCode).toBe(404);

    expect((await worker.post(`/api/notifications/${item.id}/read`)).json().unread).toBe(before);
    await dispatchedToTongdu();
    expect((await worker.post('/api/notifications/read-all')).json().unread).toBe(0);
    // English readers get the English template.
    const en = await worker.request({
      method: 'GET',
      url: '/api/notifications',
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().items[0].title).toBe('New work order for you');
  });

  it('a handler’s return tells the dispatching centre, with the reason', async () => {
    const order = await dispatchedToTongdu();
    const worker = await t.as('tongdu_worker');
    const res = await worker.post(`/api/work-orders/${order.id}/actions`, {
      action: 'return',
      note: '不属于本社区',
    });
    expect(res.statusCode).toBe(200);
    const d = await t.as('dispatcher');
    const items = (await d.get('/api/notifications')).json().items;
    expect(items[0]).toMatchObject({ event: 'work_order.returned', link: `/work-orders/${order.id}` });
    expect(items[0].body).toContain('不属于本社区');
  });

  it('own SMS channel: a bad number is a 422 in Chinese; messages go out by the delivery job, masked in the log, retried, then failed and audited', async () => {
    const worker = await t.as('tongdu_worker');
    const bad = await worker.put('/api/notifications/channels/sms', { target: '12345', enabled: true });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.fields[0]).toMatchObject({
      path: 'target',
      message: expect.stringContaining('手机号'),
    });
    const ok = await worker.put('/api/notifications/channels/sms', {
      target: '138 0013 8000',
      enabled: true,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().channels).toEqual([
      { channel: 'sms', enabled: true, target: '138****8000', available: true },
    ]);

    await dispatchedToTongdu();
    const r = await deliver();
    expect(r.sent).toBeGreaterThanOrEqual(1);
    expect(sms.at(-1)).toMatchObject({ phone: '13800138000', template: 'notify_work_order_assigned' });
    expect(sms.at(-1)!.text).toMatch(/^【邻里】新工单待处理：工单 /);

    // The provider is down: retried 1, 2, 4, 8 minutes apart, then failed (and audited).
    smsFails = true;
    await dispatchedToTongdu();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliver();
      t.clock.advance(16 * 60_000);
    }
    smsFails = false;
    const admin = await t.as('sd_admin');
    const log = (await admin.get('/api/notifications/deliveries?channel=sms&status=failed')).json();
    expect(log.items[0]).toMatchObject({
      target: '138****8000',
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastError: 'provider down',
    });
    const audit = (await admin.get('/api/audit?action=notifications.delivery_failed')).json();
    expect(audit.total).toBeGreaterThanOrEqual(1);

    // Turned off: no more SMS rows.
    await worker.put('/api/notifications/channels/sms', { enabled: false });
    const sent = sms.length;
    await dispatchedToTongdu();
    await deliver();
    expect(sms.length).toBe(sent);
  });

  it('group robots: only vendor URLs (422 otherwise), masked, in scope (404 outside); a unit’s robot hears its subtree’s orders; DingTalk messages are signed', async () => {
    const admin = await t.as('sd_admin');
    const foreign = await admin.post('/api/notifications/webhooks', {
      orgUnitId: t.fx.tongdu.id,
      kind: 'wecom',
      name: '铜都工作群',
      url: 'https://example.com/hook?key=1',
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.message).toContain('qyapi.weixin.qq.com');

    const created = await admin.post('/api/notifications/webhooks', {
      orgUnitId: t.fx.tongdu.id,
      kind: 'wecom',
      name: '铜都工作群',
      url: robotUrl,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: '铜都工作群',
      url: expect.stringMatching(/key=0123\*\*\*\*$/),
      subtree: true,
    });

    // A community worker holds no notifications.manage; another community's secretary-less worker cannot see it.
    const worker = await t.as('xhy_worker');
    expect((await worker.get('/api/notifications/webhooks')).statusCode).toBe(403);

    const n = posted.length;
    await dispatchedToTongdu();
    await deliver();
    expect(posted.length).toBe(n + 1);
    expect(posted.at(-1)!.body).toMatchObject({ msgtype: 'text' });
    expect(posted.at(-1)!.body.text.content).toContain('新工单待处理');

    const tested = await admin.post(`/api/notifications/webhooks/${created.json().id}/test`);
    expect(tested.statusCode).toBe(200);
    expect(posted.at(-1)!.body.text.content).toContain('测试消息');

    // A robot answering an error: the test says why.
    const broken = await admin.post('/api/notifications/webhooks', {
      orgUnitId: t.fx.tongdu.id,
      kind: 'wecom',
      name: '坏的群',
      url: robotUrl.replace('/cgi-bin', '/broken'),
      subtree: false,
    });
    const failed = await admin.post(`/api/notifications/webhooks/${broken.json().id}/test`);
    expect(failed.statusCode).toBe(422);
    expect(failed.json().error.message).toContain('310000');
    expect(
      (await admin.request({ method: 'DELETE', url: `/api/notifications/webhooks/${broken.json().id}` }))
        .statusCode,
    ).toBe(204);

    // Out of scope: a unit the actor cannot manage is not found.
    const sec = await signInNewUser(t, 'xhy_secretary', 'community_secretary', t.fx.xihuayuan.id);
    expect((await sec.get(`/api/notifications/webhooks?orgUnitId=${t.fx.tongdu.id}`)).statusCode).toBe(404);
    expect((await sec.post(`/api/notifications/webhooks/${created.json().id}/test`)).statusCode).toBe(404);
    expect((await sec.get('/api/notifications/webhooks')).json().total).toBe(0);

    // DingTalk 加签: HMAC-SHA256 of "timestamp\nsecret", base64, URL-encoded.
    expect(signDingTalk('https://oapi.dingtalk.com/robot/send?access_token=x', 'SEC123', 1700000000000)).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=x&timestamp=1700000000000&sign=' +
        encodeURIComponent(createHmac('sha256', 'SEC123').update('1700000000000\nSEC123').digest('base64')),
    );
    expect(
      (
        await admin.post('/api/notifications/webhooks', {
          orgUnitId: t.fx.tongdu.id,
          kind: 'wecom',
          name: '加签',
          url: robotUrl,
          secret: 'x',
        })
      ).statusCode,
    ).toBe(422);
  });
});
