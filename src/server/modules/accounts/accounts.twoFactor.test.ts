import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type TestApp,
  TEST_PASSWORD,
  client,
  createTestApp,
  createUser,
} from '../../../../test/app';
import { rowsOf } from '../../platform/db';
import { totp } from './totp';

// Two-factor login for administrators (GB/T 22239-2019 level 3, 身份鉴别: two combined techniques).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password = TEST_PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const second = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login/totp', payload });
const sessionOf = (res: LightMyRequestResponse): Client => {
  const cookie = res.cookies.find((c) => c.name === 'linli_sid')!;
  const headers = { cookie: `linli_sid=${cookie.value}`, 'x-csrf-token': res.json().csrfToken as string };
  return client(t.app, headers);
};
/** The next 30-second step, so that a code is one the server has not accepted yet. */
const nextStep = () => t.clock.advance(30_000);

/** Logs in a required-role user who has not enrolled, enrols them and returns the secret and codes. */
async function enrol(username: string) {
  const c = sessionOf(await login(username));
  const setup = (await c.post('/api/auth/two-factor/setup')).json();
  const enabled = await c.post('/api/auth/two-factor/enable', { code: totp(setup.secret, t.clock.now()) });
  expect(enabled.statusCode).toBe(200);
  await c.post('/api/auth/logout');
  nextStep();
  return { secret: setup.secret as string, recoveryCodes: enabled.json().recoveryCodes as string[] };
}

async function auditActions(userId: string) {
  const admin = await t.as('admin');
  const res = (await admin.get(`/api/audit?entityId=${userId}&pageSize=200`)).json();
  return res.items as { action: string; success: boolean; after: Record<string, unknown> | null }[];
}

describe('two-factor enrolment', () => {
  it('a platform admin without a second factor gets a session for enrolment only: everything else answers 403 until a code confirms the app', async () => {
    const id = await createUser(t, 'plat2', [{ role: 'platform_admin', orgUnitId: null }], { demo: false });
    const res = await login('plat2');
    expect(res.statusCode).toBe(200);
    expect(res.json().twoFactor).toEqual({ required: true, enabled: false, enrolmentRequired: true });
    const c = sessionOf(res);
    for (const url of ['/api/users', '/api/org/roots', '/api/residents', '/api/audit']) {
      const denied = await c.get(url);
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('accounts.two_factor_enrolment_required');
    }
    expect((await c.patch(`/api/users/${id}`, { displayName: 'x' })).json().error.code).toBe(
      'accounts.two_factor_enrolment_required',
    );
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);

    const status = (await c.get('/api/auth/two-factor')).json();
    expect(status).toMatchObject({ enabled: false, required: true, demo: false, recoveryCodesLeft: 0 });
    const setup = await c.post('/api/auth/two-factor/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrDataUrl } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toBe(`otpauth://totp/Linli:plat2?secret=${secret}&issuer=Linli`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await c.post('/api/auth/two-factor/enable', { code: '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('accounts.two_factor_wrong_code');
    expect((await c.post('/api/auth/two-factor/enable', { code: '12ab' })).statusCode).toBe(400);

    const ok = await c.post('/api/auth/two-factor/enable', { code: totp(secret, t.clock.now()) });
    expect(ok.statusCode).toBe(200);
    const codes: string[] = ok.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    // The same session goes on with full rights once enrolled.
    expect((await c.get('/api/users')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json().twoFactor).toEqual({
      required: true,
      enabled: true,
      enrolmentRequired: false,
    });
    expect((await c.post('/api/auth/two-factor/setup')).statusCode).toBe(409);

    const actions = await auditActions(id);
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.two_factor_setup', 'auth.two_factor_enable']),
    );
    expect(actions.find((a) => a.action === 'auth.two_factor_failed')).toMatchObject({
      success: false,
      after: { stage: 'enrol', method: 'totp' },
    });
  });

  it('the TOTP secret and the recovery codes cannot be read from the database', async () => {
    const id = await createUser(t, 'civil2', [{ role: 'civil_affairs', orgUnitId: t.fx.district.id }], {
      demo: false,
    });
    const { secret, recoveryCodes } = await enrol('civil2');
    const dump = async (table: string) =>
      JSON.stringify(rowsOf(await t.database.db.execute(sql.raw(`select * from ${table}`))));
    const factor = await dump('user_two_factor');
    expect(factor).toContain(id);
    expect(factor).not.toContain(secret);
    expect(factor).not.toContain(secret.toLowerCase());
    const codes = await dump('user_recovery_codes');
    for (const code of recoveryCodes) {
      expect(codes).not.toContain(code);
      expect(codes).not.toContain(code.replace('-', ''));
    }
    // Only the PII key opens it.
    const [row] = rowsOf<{ secret_enc: string }>(
      await t.database.db.execute(sql`select secret_enc from user_two_factor where user_id = ${id}`),
    );
    expect(t.deps.pii.decrypt(row!.secret_enc)).toBe(secret);
    // The pending-login token is kept as a hash only.
    const challenge = (await login('civil2')).json();
    expect(await dump('login_challenges')).not.toContain(challenge.pendingToken);
  });
});

describe('two-factor login', () => {
  let secret: string;
  let recoveryCodes: string[];
  beforeAll(async () => {
    await createUser(t, 'plat3', [{ role: 'platform_admin', orgUnitId: null }], { demo: false });
    ({ secret, recoveryCodes } = await enrol('plat3'));
  });

  it('the right password answers a pending login and no session; the current code opens the session', async () => {
    const first = await login('plat3');
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body).toMatchObject({ twoFactorRequired: true });
    expect(body.pendingToken).toEqual(expect.any(String));
    expect(body.id).toBeUndefined();
    expect(first.cookies.find((c) => c.name === 'linli_sid')).toBeUndefined();

    const ok = await second({ pendingToken: body.pendingToken, code: totp(secret, t.clock.now()) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ username: 'plat3', twoFactor: { enabled: true, required: true } });
    expect((await sessionOf(ok).get('/api/users')).statusCode).toBe(200);
    // A pending login is used once.
    const again = await second({ pendingToken: body.pendingToken, code: totp(secret, t.clock.now()) });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('accounts.two_factor_challenge_expired');
  });

  it('a code that was accepted once is not accepted again (RFC 6238 §5.2); the next step’s code is', async () => {
    nextStep();
    const code = totp(secret, t.clock.now());
    const a = await login('plat3');
    expect((await second({ pendingToken: a.json().pendingToken, code })).statusCode).toBe(200);
    const b = await login('plat3');
    const replay = await second({ pendingToken: b.json().pendingToken, code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('accounts.two_factor_wrong_code');
    nextStep();
    const fresh = await second({ pendingToken: b.json().pendingToken, code: totp(secret, t.clock.now()) });
    expect(fresh.statusCode).toBe(200);
  });

  it('a code one step old is accepted for clock drift; the pending login lapses after 5 minutes', async () => {
    nextStep();
    const drift = totp(secret, t.clock.now());
    t.clock.advance(30_000);
    const a = await login('plat3');
    expect((await second({ pendingToken: a.json().pendingToken, code: drift })).statusCode).toBe(200);
    nextStep();
    const b = await login('plat3');
    t.clock.advance(5 * 60_000 + 1000);
    const late = await second({ pendingToken: b.json().pendingToken, code: totp(secret, t.clock.now()) });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('accounts.two_factor_challenge_expired');
  });

  it('a recovery code logs in once, is audited, and is refused the second time', async () => {
    const id = (await (await t.as('admin')).get('/api/users?q=plat3')).json().items[0].id;
    const code = recoveryCodes[0]!;
    const a = await login('plat3');
    // Case, spaces and the hyphen do not matter when typing it.
    const ok = await second({
      pendingToken: a.json().pendingToken,
      recoveryCode: ` ${code.toUpperCase().replace('-', ' ')} `,
    });
    expect(ok.statusCode).toBe(200);
    expect((await sessionOf(ok).get('/api/auth/two-factor')).json().recoveryCodesLeft).toBe(9);
    const used = (await auditActions(id)).find((x) => x.action === 'auth.recovery_code_used');
    expect(used).toMatchObject({ success: true, after: { recoveryCodesLeft: 9 } });

    const b = await login('plat3');
    const again = await second({ pendingToken: b.json().pendingToken, recoveryCode: code });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('accounts.two_factor_wrong_recovery_code');
    // Both a code and a recovery code, or neither: bad input.
    expect((await second({ pendingToken: b.json().pendingToken })).statusCode).toBe(400);
    expect(
      (await second({ pendingToken: b.json().pendingToken, code: '123456', recoveryCode: code })).statusCode,
    ).toBe(400);
  });

  it('wrong codes count toward the same lockout as wrong passwords: the fifth failure locks the account for 15 minutes', async () => {
    const id = await createUser(t, 'plat4', [{ role: 'platform_admin', orgUnitId: null }], { demo: false });
    const { secret: s4 } = await enrol('plat4');
    // One wrong password, then wrong codes; re-entering the password does not reset the count.
    expect((await login('plat4', 'wrong-password-x')).statusCode).toBe(401);
    const p1 = (await login('plat4')).json().pendingToken;
    expect((await second({ pendingToken: p1, code: '000000' })).statusCode).toBe(401);
    expect((await second({ pendingToken: p1, code: '111111' })).statusCode).toBe(401);
    const p2 = (await login('plat4')).json().pendingToken;
    expect((await second({ pendingToken: p2, recoveryCode: 'aaaaa-bbbbb' })).statusCode).toBe(401);
    const fifth = await second({ pendingToken: p2, code: '222222' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('auth.locked');
    // Locked: neither the right code on the open pending login nor the password gets in.
    expect((await second({ pendingToken: p2, code: totp(s4, t.clock.now()) })).statusCode).toBe(401);
    expect((await login('plat4')).statusCode).toBe(423);
    t.clock.advance(16 * 60_000);
    const p3 = (await login('plat4')).json().pendingToken;
    expect((await second({ pendingToken: p3, code: totp(s4, t.clock.now()) })).statusCode).toBe(200);

    const failed = (await auditActions(id)).filter((a) => a.action === 'auth.two_factor_failed');
    expect(failed).toHaveLength(4);
    expect(failed.every((a) => a.success === false && a.after?.stage === 'login')).toBe(true);
  });
});

describe('who needs two-factor login', () => {
  it('civil-affairs staff are held to enrolment too; a community worker is not', async () => {
    await createUser(t, 'civil3', [{ role: 'civil_affairs', orgUnitId: t.fx.district.id }], { demo: false });
    const civil = sessionOf(await login('civil3'));
    expect((await civil.get('/api/org/roots')).statusCode).toBe(403);
    expect((await civil.post('/api/auth/logout')).statusCode).toBe(204);

    await createUser(t, 'worker2', [{ role: 'community_worker', orgUnitId: t.fx.tongdu.id }], {
      demo: false,
    });
    const res = await login('worker2');
    expect(res.json().twoFactor).toEqual({ required: false, enabled: false, enrolmentRequired: false });
    expect((await sessionOf(res).get('/api/residents')).statusCode).toBe(200);
  });

  it('a demo account with an admin role logs in with the password alone and may not enrol (it is shared)', async () => {
    await createUser(t, 'demo_admin', [{ role: 'platform_admin', orgUnitId: null }], { demo: true });
    const res = await login('demo_admin');
    expect(res.statusCode).toBe(200);
    expect(res.json().twoFactor).toEqual({ required: false, enabled: false, enrolmentRequired: false });
    const c = sessionOf(res);
    expect((await c.get('/api/users')).statusCode).toBe(200);
    expect((await c.get('/api/auth/two-factor')).json()).toMatchObject({ demo: true, required: false });
    const setup = await c.post('/api/auth/two-factor/setup');
    expect(setup.statusCode).toBe(403);
    expect(setup.json().error.code).toBe('accounts.two_factor_demo');
    const listed = (await c.get('/api/users?q=demo_admin')).json().items[0];
    expect(listed).toMatchObject({ demo: true, twoFactorEnabled: false });
  });

  it('an optional user may turn it on and off with a current code; a required user may not turn it off', async () => {
    const id = await createUser(t, 'worker3', [{ role: 'community_worker', orgUnitId: t.fx.tongdu.id }], {
      demo: false,
    });
    const c = sessionOf(await login('worker3'));
    const { secret } = (await c.post('/api/auth/two-factor/setup')).json();
    expect(
      (await c.post('/api/auth/two-factor/enable', { code: totp(secret, t.clock.now()) })).statusCode,
    ).toBe(200);
    expect((await login('worker3')).json().twoFactorRequired).toBe(true);
    expect((await c.post('/api/auth/two-factor/disable', { code: '000000' })).statusCode).toBe(422);
    nextStep();
    expect(
      (await c.post('/api/auth/two-factor/disable', { code: totp(secret, t.clock.now()) })).statusCode,
    ).toBe(204);
    expect((await login('worker3')).json().username).toBe('worker3');
    expect((await auditActions(id)).map((a) => a.action)).toContain('auth.two_factor_disable');

    await createUser(t, 'plat5', [{ role: 'platform_admin', orgUnitId: null }], { demo: false });
    const { secret: s5 } = await enrol('plat5');
    const p = (await login('plat5')).json().pendingToken;
    const admin = sessionOf(await second({ pendingToken: p, code: totp(s5, t.clock.now()) }));
    nextStep();
    const refused = await admin.post('/api/auth/two-factor/disable', { code: totp(s5, t.clock.now()) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('accounts.two_factor_required');
  });

  it('regenerating recovery codes needs a current code and voids the old ones', async () => {
    const id = await createUser(t, 'plat6', [{ role: 'platform_admin', orgUnitId: null }], { demo: false });
    const { secret, recoveryCodes: old } = await enrol('plat6');
    const p = (await login('plat6')).json().pendingToken;
    const c = sessionOf(await second({ pendingToken: p, code: totp(secret, t.clock.now()) }));
    expect((await c.post('/api/auth/two-factor/recovery-codes', { code: '000000' })).statusCode).toBe(422);
    nextStep();
    const res = await c.post('/api/auth/two-factor/recovery-codes', { code: totp(secret, t.clock.now()) });
    expect(res.statusCode).toBe(200);
    const fresh: string[] = res.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    const q = (await login('plat6')).json().pendingToken;
    expect((await second({ pendingToken: q, recoveryCode: old[0] })).statusCode).toBe(401);
    expect((await second({ pendingToken: q, recoveryCode: fresh[0] })).statusCode).toBe(200);
    const actions = await auditActions(id);
    expect(actions.map((a) => a.action)).toContain('auth.recovery_codes_regenerate');
    expect(
      actions.some((a) => a.action === 'auth.two_factor_failed' && a.after?.stage === 'regenerate'),
    ).toBe(true);
  });

  it('an administrator resets a lost second factor: the user’s sessions end and the next login enrols again', async () => {
    const id = await createUser(t, 'civil4', [{ role: 'civil_affairs', orgUnitId: t.fx.district.id }], {
      demo: false,
    });
    const { secret } = await enrol('civil4');
    const p = (await login('civil4')).json().pendingToken;
    const c = sessionOf(await second({ pendingToken: p, code: totp(secret, t.clock.now()) }));
    const admin = await t.as('admin');
    expect((await admin.get(`/api/users/${id}`)).json().twoFactorEnabled).toBe(true);
    expect((await admin.patch(`/api/users/${id}`, { resetTwoFactor: true })).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const again = await login('civil4');
    expect(again.json().twoFactor.enrolmentRequired).toBe(true);
  });
});
