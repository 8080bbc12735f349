import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TEST_PASSWORD, createTestApp, createUser, signInNewUser } from '../../../../test/app';
import { eq } from 'drizzle-orm';
import { users } from './accounts.table';

type Client = Awaited<ReturnType<TestApp['as']>>;
/** POST /api/users as `as`: one account with one role at a unit (null for platform-wide roles). */
const postUser = (
  as: Client,
  username: string,
  displayName: string,
  password: string,
  role: string,
  orgUnitId: string | null,
) => as.post('/api/users', { username, displayName, password, roles: [{ role, orgUnitId }] });

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('accounts and sessions', () => {
  it('logs in with an httpOnly SameSite session cookie and reports the user’s scope and permissions', async () => {
    const res = await login('sd_admin', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'linli_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = res.json();
    expect(me.assignments[0]).toMatchObject({ role: 'subdistrict_admin', orgUnitName: '新下陆街道' });
    expect(me.permissions).toContain('residents.reveal');
  });

  it('a wrong password says so in Chinese and is audited as a failure', async () => {
    const res = await login('grid_worker', 'wrong-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('用户名或密码错误');
    const admin = await t.as('admin');
    const audit = (await admin.get('/api/audit?action=auth.login&success=false')).json();
    expect(audit.total).toBeGreaterThan(0);
  });

  it('5 failed logins lock the account for 15 minutes, even with the right password', async () => {
    await createUser(t, 'lockme', [{ role: 'community_worker', orgUnitId: t.fx.tongdu.id }]);
    for (let i = 0; i < 4; i++) expect((await login('lockme', 'nope-nope-nope')).statusCode).toBe(401);
    const fifth = await login('lockme', 'nope-nope-nope');
    expect(fifth.statusCode).toBe(423);
    expect((await login('lockme', TEST_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(14 * 60_000);
    expect((await login('lockme', TEST_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(2 * 60_000);
    expect((await login('lockme', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a cookie-authenticated write without the CSRF header is refused', async () => {
    const res = await login('sd_admin', TEST_PASSWORD);
    const cookie = `linli_sid=${res.cookies.find((c) => c.name === 'linli_sid')!.value}`;
    const noCsrf = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie },
      payload: { locale: 'en' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('common.csrf');
    const withCsrf = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie, 'x-csrf-token': res.json().csrfToken },
      payload: { locale: 'en' },
    });
    expect(withCsrf.statusCode).toBe(200);
    expect(withCsrf.json().locale).toBe('en');
  });

  it('an idle session expires', async () => {
    const c = await t.as('grid_worker');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(121 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('logout ends the session', async () => {
    const c = await t.as('grid_worker');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('passwords need 10 characters and must differ from the username', async () => {
    const sd = await t.as('sd_admin');
    const short = await postUser(sd, 'newworker', '新同事', 'short', 'community_worker', t.fx.tongdu.id);
    expect(short.statusCode).toBe(422);
    expect(short.json().error.details.fields[0].path).toBe('password');
    const same = await postUser(sd, 'newworker1', '新同事', 'NEWWORKER1', 'community_worker', t.fx.tongdu.id);
    expect(same.statusCode).toBe(422);
    const ok = await postUser(
      sd,
      'newworker',
      '新同事',
      'a-good-password',
      'community_worker',
      t.fx.tongdu.id,
    );
    expect(ok.statusCode).toBe(201);
    expect((await login('newworker', 'a-good-password')).statusCode).toBe(200);
    // Stored with argon2id at OWASP's second profile (19 MiB, 2 passes), whatever test accounts use.
    const [stored] = await t.database.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.username, 'newworker'));
    expect(stored!.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const dup = await postUser(sd, 'newworker', 'x', 'a-good-password', 'community_worker', t.fx.tongdu.id);
    expect(dup.statusCode).toBe(409);
  });

  it('roles are assigned at units of the right level and only inside the assigner’s scope', async () => {
    const sd = await t.as('sd_admin');
    const wrongLevel = await postUser(sd, 'gw2', '网格员', 'a-good-password', 'grid_worker', t.fx.tongdu.id);
    expect(wrongLevel.statusCode).toBe(422);
    const platform = await postUser(sd, 'gw3', 'x', 'a-good-password', 'platform_admin', null);
    expect(platform.statusCode).toBe(422);
    const outside = await postUser(sd, 'gw4', 'x', 'a-good-password', 'civil_affairs', t.fx.district.id);
    expect(outside.statusCode).toBe(403);
  });

  it('a community secretary lists only users of their community; deactivating a user ends their sessions', async () => {
    const sec = await signInNewUser(t, 'td_secretary', 'community_secretary', t.fx.tongdu.id);
    const list = (await sec.get('/api/users?pageSize=100')).json();
    const names = list.items.map((u: { username: string }) => u.username);
    expect(names).toContain('tongdu_worker');
    expect(names).not.toContain('xhy_worker');
    const worker = await t.as('tongdu_worker');
    const id = list.items.find((u: { username: string }) => u.username === 'tongdu_worker').id;
    expect((await sec.patch(`/api/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await worker.get('/api/auth/me')).statusCode).toBe(401);
    const xhyId = (await (await t.as('admin')).get('/api/users?q=xhy_worker')).json().items[0].id;
    expect((await sec.get(`/api/users/${xhyId}`)).statusCode).toBe(404);
  });
});

describe('account safety (review findings)', () => {
  it('a community secretary cannot change the password of a user whose other roles reach beyond their community', async () => {
    await createUser(t, 'td_sec2', [{ role: 'community_secretary', orgUnitId: t.fx.tongdu.id }]);
    const bigId = await createUser(t, 'two_hats', [
      { role: 'subdistrict_admin', orgUnitId: t.fx.subdistrict.id },
      { role: 'community_worker', orgUnitId: t.fx.tongdu.id },
    ]);
    const sec = await t.as('td_sec2');
    const res = await sec.patch(`/api/users/${bigId}`, { password: 'taken-over-123' });
    expect(res.statusCode).toBe(403);
    expect((await login('two_hats', 'taken-over-123')).statusCode).toBe(401);
  });

  it('parallel wrong passwords still lock the account after 5 failures', async () => {
    await createUser(t, 'parallel', [{ role: 'community_worker', orgUnitId: t.fx.tongdu.id }]);
    await Promise.all(Array.from({ length: 12 }, () => login('parallel', 'wrong-password-x')));
    expect((await login('parallel', TEST_PASSWORD)).statusCode).toBe(423);
  });

  it('a disabled account answers like an unknown one to a wrong password', async () => {
    const id = await createUser(t, 'retired', [{ role: 'community_worker', orgUnitId: t.fx.tongdu.id }]);
    const admin = await t.as('admin');
    expect((await admin.patch(`/api/users/${id}`, { active: false })).statusCode).toBe(200);
    const wrong = await login('retired', 'wrong-password-x');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    expect((await login('retired', TEST_PASSWORD)).statusCode).toBe(403);
  });

  it('two simultaneous creations of the same username give one 201 and one 409, never a 500', async () => {
    const sd = await t.as('sd_admin');
    const body = {
      username: 'twin',
      displayName: '双胞胎',
      password: 'a-good-password',
      roles: [{ role: 'community_worker', orgUnitId: t.fx.tongdu.id }],
    };
    const codes = (await Promise.all([sd.post('/api/users', body), sd.post('/api/users', body)]))
      .map((r) => r.statusCode)
      .sort();
    expect(codes).toEqual([201, 409]);
  });
});
