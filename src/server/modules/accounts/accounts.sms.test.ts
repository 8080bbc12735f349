import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { buildResident } from '../../../../test/factories';
import { verifyPassword } from '../../platform/auth';
import { auditLog } from '../../platform/audit.table';
import type { SmsMessage } from '../../platform/sms';
import { smsCodes, userRoles, users } from './accounts.table';
import { NO_PASSWORD } from './accounts.sms';

let t: TestApp;
const outbox: SmsMessage[] = [];
let ipSeq = 0;
/** Each test sends from its own client address, so the per-address limits do not add up across tests. */
const newIp = () => `10.0.0.${++ipSeq}`;

function post(url: string, payload: object, ip = '10.9.9.9') {
  return t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
}
const codeFor = (phone: string) => [...outbox].reverse().find((m) => m.phone === phone)!.params.code!;

async function sendAndLogin(phone: string, ip = newIp()) {
  expect((await post('/api/auth/sms/send', { phone }, ip)).statusCode).toBe(200);
  return post('/api/auth/sms/login', { phone, code: codeFor(phone) }, ip);
}

beforeAll(async () => {
  t = await createTestApp();
  t.deps.sms = { provider: 'test', send: async (m) => void outbox.push(m) };
});
afterAll(() => t.close());

describe('SMS login: sending codes', () => {
  it('sends a 6-digit code and answers the same for any phone, stored only as a hash and audited without it (R-LAW-PI-1)', async () => {
    const res = await post('/api/auth/sms/send', { phone: '+86 139-0000-0001' }, newIp());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sent: true, retryAfterSeconds: 60 });
    const msg = outbox.at(-1)!;
    expect(msg.phone).toBe('13900000001');
    expect(msg.template).toBe('login_code');
    expect(msg.params.code).toMatch(/^\d{6}$/);
    const rows = await t.database.db.select().from(smsCodes);
    expect(JSON.stringify(rows)).not.toContain(msg.params.code);
    expect(JSON.stringify(rows)).not.toContain('13900000001');
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sms_send'));
    expect(audits.length).toBeGreaterThan(0);
    expect(JSON.stringify(audits)).not.toContain(msg.params.code);
    expect(JSON.stringify(audits)).toContain('139****0001');
  });

  it('refuses a malformed phone with 400 and a Chinese message', async () => {
    for (const phone of ['12345', '2390000000x', '1390000000']) {
      const res = await post('/api/auth/sms/send', { phone }, newIp());
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe('请输入正确的 11 位手机号码');
    }
  });

  it('sends to one phone once a minute and ten times a day', async () => {
    const phone = '13900000002';
    const ip = newIp();
    expect((await post('/api/auth/sms/send', { phone }, ip)).statusCode).toBe(200);
    const again = await post('/api/auth/sms/send', { phone }, newIp());
    expect(again.statusCode).toBe(429);
    expect(again.json().error.code).toBe('auth.sms_too_soon');
    expect(again.json().error.message).toMatch(/^发送过于频繁，请 \d+ 秒后再试$/);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 1; i < 10; i++) {
      t.clock.advance(61_000);
      expect((await post('/api/auth/sms/send', { phone }, newIp())).statusCode).toBe(200);
    }
    t.clock.advance(61_000);
    const daily = await post('/api/auth/sms/send', { phone }, newIp());
    expect(daily.statusCode).toBe(429);
    expect(daily.json().error.code).toBe('auth.sms_daily_limit');
    t.clock.advance(86_400_000);
    expect((await post('/api/auth/sms/send', { phone }, newIp())).statusCode).toBe(200);
  });

  it('limits one client address to 5 sends a minute and 30 a day, counted in the database', async () => {
    const ip = newIp();
    t.clock.advance(60_000);
    for (let i = 0; i < 5; i++)
      expect((await post('/api/auth/sms/send', { phone: `1370000${1000 + i}` }, ip)).statusCode).toBe(200);
    const sixth = await post('/api/auth/sms/send', { phone: '13700009999' }, ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('common.too_many_requests');
    for (let i = 5; i < 30; i++) {
      if (i % 5 === 0) t.clock.advance(60_000);
      expect((await post('/api/auth/sms/send', { phone: `1370000${1000 + i}` }, ip)).statusCode).toBe(200);
    }
    t.clock.advance(60_000);
    expect((await post('/api/auth/sms/send', { phone: '13700008888' }, ip)).statusCode).toBe(429);
  });
});

describe('SMS login: codes', () => {
  it('logs in with the right code once; the session works like a password login', async () => {
    const phone = '13900000010';
    const ip = newIp();
    const res = await sendAndLogin(phone, ip);
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.displayName).toBe('居民0010');
    expect(me.assignments).toEqual([]);
    expect(me.csrfToken).toBeTruthy();
    const cookie = res.cookies.find((c) => c.name === 'linli_sid')!;
    const meAgain = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { linli_sid: cookie.value },
    });
    expect(meAgain.statusCode).toBe(200);
    expect(meAgain.json().id).toBe(me.id);
    // The code is used up.
    const reuse = await post('/api/auth/sms/login', { phone, code: codeFor(phone) }, ip);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe('auth.sms_code_expired');
    // The login has no password anyone could guess.
    const [u] = await t.database.db.select().from(users).where(eq(users.id, me.id));
    expect(u!.passwordHash).toBe(NO_PASSWORD);
    expect(await verifyPassword(u!.passwordHash, NO_PASSWORD)).toBe(false);
    const pw = await post('/api/auth/login', { username: u!.username, password: NO_PASSWORD }, newIp());
    expect(pw.statusCode).toBe(401);
    // The next login finds the same account.
    t.clock.advance(61_000);
    expect((await sendAndLogin(phone)).json().id).toBe(me.id);
  });

  it('a code expires after 5 minutes', async () => {
    const phone = '13900000011';
    const ip = newIp();
    await post('/api/auth/sms/send', { phone }, ip);
    t.clock.advance(5 * 60_000 + 1);
    const res = await post('/api/auth/sms/login', { phone, code: codeFor(phone) }, ip);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('验证码已失效，请重新获取');
  });

  it('a code is dead after 5 wrong tries, even for the right code', async () => {
    const phone = '13900000012';
    const ip = newIp();
    await post('/api/auth/sms/send', { phone }, ip);
    const right = codeFor(phone);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const res = await post('/api/auth/sms/login', { phone, code: wrong }, ip);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe(`验证码不正确，还可尝试 ${left} 次`);
      expect(res.json().error.details.attemptsLeft).toBe(left);
    }
    const fifth = await post('/api/auth/sms/login', { phone, code: wrong }, ip);
    expect(fifth.json().error.code).toBe('auth.sms_code_dead');
    const late = await post('/api/auth/sms/login', { phone, code: right }, ip);
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('auth.sms_code_expired');
    // A new code replaces the dead one.
    t.clock.advance(61_000);
    expect((await sendAndLogin(phone)).statusCode).toBe(200);
  });

  it('a newer code replaces the older one', async () => {
    const phone = '13900000013';
    await post('/api/auth/sms/send', { phone }, newIp());
    const first = codeFor(phone);
    t.clock.advance(61_000);
    await post('/api/auth/sms/send', { phone }, newIp());
    const second = codeFor(phone);
    if (first !== second)
      expect((await post('/api/auth/sms/login', { phone, code: first }, newIp())).statusCode).toBe(401);
    expect((await post('/api/auth/sms/login', { phone, code: second }, newIp())).statusCode).toBe(200);
  });

  it('a code that is not 6 digits is a 400', async () => {
    const res = await post('/api/auth/sms/login', { phone: '13900000014', code: '12ab' }, newIp());
    expect(res.statusCode).toBe(400);
  });

  it('limits login tries per client address (20 a minute)', async () => {
    const ip = newIp();
    t.clock.advance(60_000);
    for (let i = 0; i < 20; i++)
      expect(
        (await post('/api/auth/sms/login', { phone: '13900000015', code: '123456' }, ip)).statusCode,
      ).toBe(401);
    expect((await post('/api/auth/sms/login', { phone: '13900000015', code: '123456' }, ip)).statusCode).toBe(
      429,
    );
  });

  it('audits the login and its failures without the code', async () => {
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login'));
    const sms = rows.filter((r) => (r.after as { method?: string } | null)?.method === 'sms');
    expect(sms.some((r) => r.success)).toBe(true);
    expect(sms.some((r) => !r.success)).toBe(true);
  });
});

describe('SMS login: the resident account and the registry (blind index)', () => {
  it('links to the one registry record with the same phone (blind index, R-LAW-PI-1) and gets the resident role at its community', async () => {
    const phone = '13900000020';
    const record = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '李桂兰', phone });
    const res = await sendAndLogin(phone);
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.displayName).toBe('李桂兰');
    expect(me.assignments).toEqual([
      { role: 'resident', orgUnitId: t.fx.tongdu.id, orgUnitName: '铜都社区' },
    ]);
    expect(me.permissions).toContain('services.order');
    const [u] = await t.database.db.select().from(users).where(eq(users.id, me.id));
    expect(u!.residentId).toBe(record.id);
    expect(u!.phoneMask).toBe('139****0020');
    expect(u!.phoneEnc).not.toContain(phone);
    const links = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sms_link'));
    expect(links.some((l) => l.entityId === me.id && l.orgPath === t.fx.tongdu.path)).toBe(true);
  });

  it('creates an unlinked account without roles, and links it at a later login once staff register the phone', async () => {
    const phone = '13900000021';
    const first = (await sendAndLogin(phone)).json();
    expect(first.assignments).toEqual([]);
    const record = await buildResident(t.deps, t.fx.xihuayuanBuilding, t.fx.xihuayuan, {
      name: '赵大爷',
      phone,
    });
    t.clock.advance(61_000);
    const second = (await sendAndLogin(phone)).json();
    expect(second.id).toBe(first.id);
    expect(second.displayName).toBe('赵大爷');
    expect(second.assignments).toEqual([
      { role: 'resident', orgUnitId: t.fx.xihuayuan.id, orgUnitName: '西花苑社区' },
    ]);
    const [u] = await t.database.db.select().from(users).where(eq(users.id, first.id));
    expect(u!.residentId).toBe(record.id);
  });

  it('does not link when several registry records share the phone', async () => {
    const phone = '13900000022';
    await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '甲', phone });
    await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '乙', phone });
    const me = (await sendAndLogin(phone)).json();
    expect(me.assignments).toEqual([]);
  });

  it('finds a login staff linked to the registry record and binds the phone to it', async () => {
    const phone = '13900000023';
    const record = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '孙阿姨', phone });
    const { createUser } = await import('../../../../test/app');
    const id = await createUser(t, 'sun_ayi', [{ role: 'resident', orgUnitId: t.fx.tongdu.id }]);
    await t.database.db.update(users).set({ residentId: record.id }).where(eq(users.id, id));
    const me = (await sendAndLogin(phone)).json();
    expect(me.id).toBe(id);
    expect(me.username).toBe('sun_ayi');
    const roles = await t.database.db
      .select()
      .from(userRoles)
      .where(and(eq(userRoles.userId, id), eq(userRoles.role, 'resident')));
    expect(roles).toHaveLength(1);
  });

  it('refuses a staff login by SMS (staff use their password and second factor)', async () => {
    const phone = '13900000024';
    const [worker] = await t.database.db.select().from(users).where(eq(users.username, 'tongdu_worker'));
    await t.database.db
      .update(users)
      .set({ phoneHash: t.deps.pii.blindIndex('phone', phone) })
      .where(eq(users.id, worker!.id));
    const res = await sendAndLogin(phone);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('该手机号绑定的是工作人员账号，请使用用户名和密码登录');
  });
});
