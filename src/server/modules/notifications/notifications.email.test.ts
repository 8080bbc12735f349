import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../../../test/app';
import type { SmsSender } from '../../platform/sms';
import { emailSender, useSenders } from './notifications.channels';
import { deliverDue } from './notifications.usecases';

/**
 * Email through a real nodemailer transport (the stream transport: the full MIME message is built, nothing
 * leaves the machine), against the real database: a meeting invitation carries its .ics (issue 17 item 6).
 */
describe('meeting invitation by email', () => {
  let t: TestApp;
  const mails: string[] = [];
  const noSms: SmsSender = { provider: 'test', async send() {} };

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t, 'tongdu_mail_reader', [{ role: 'grid_worker', orgUnitId: t.fx.tongdu.id }]);
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const send = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
      const info = await send(mail);
      mails.push((info.message as Buffer).toString('utf8'));
      return info;
    }) as typeof transport.sendMail;
    useSenders({
      postJson: async () => ({ status: 200, json: { errcode: 0 } }),
      email: emailSender(transport, '邻里平台 <notice@linli.example.cn>'),
    });
  });
  afterAll(async () => {
    useSenders(undefined);
    await t.close();
  });

  it('the email of a called meeting carries the .ics as text/calendar; method=REQUEST, with organizer and attendee', async () => {
    const reader = await t.as('tongdu_mail_reader');
    const on = await reader.put('/api/notifications/channels/email', {
      target: 'reader@example.cn',
      enabled: true,
    });
    expect(on.statusCode, on.body).toBe(200);

    const worker = await t.as('tongdu_worker');
    const created = await worker.post('/api/meetings', {
      orgUnitId: t.fx.tongdu.id,
      title: '关于加装电梯的听证会',
      kind: 'hearing',
      basis: 'members',
      members: [{ name: '张三', gender: 'female' }],
      place: '社区党群服务中心二楼会议室',
      heldAt: new Date(t.clock.now().getTime() + 12 * 86_400_000).toISOString(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    const r = await deliverDue({ ...t.deps, requestId: 'test' }, noSms);
    expect(r.sent).toBeGreaterThanOrEqual(1);
    const mail = mails.find((m) => m.includes('To: reader@example.cn'));
    expect(mail).toBeDefined();
    // The attachment part: its content type names the method, its body is the calendar.
    const part =
      /Content-Type: text\/calendar;[^\r]*(?:\r\n\s[^\r]*)*\r\n([\s\S]*?)\r\n\r\n([\s\S]*?)\r\n--/i.exec(
        mail!,
      );
    expect(part, mail).not.toBeNull();
    expect(mail).toMatch(/Content-Type: text\/calendar;[^\r]*method=REQUEST/i);
    expect(mail).toMatch(/Content-Disposition: attachment;/i);
    const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(part![1]!)?.[1]?.toLowerCase();
    const body = part![2]!.replace(/\r\n/g, '');
    const ics =
      encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : part![2]!
            .replace(/=\r\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));
    expect(ics).toContain('METHOD:REQUEST\r\n');
    expect(ics).toContain(`UID:pt-meeting-${id}@linli\r\n`);
    expect(ics).toContain('ORGANIZER;CN="邻里":mailto:notice@linli.example.cn\r\n');
    expect(ics.replace(/\r\n /g, '')).toContain(
      'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:reader@example.cn\r\n',
    );
    // Every content line is folded at 75 octets (RFC 5545 3.1).
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n /g, '')).toContain('LOCATION:社区党群服务中心二楼会议室');
    // The text part still says what happened and where to look.
    expect(mail).toMatch(/Subject: =\?UTF-8\?/);
  });
});
