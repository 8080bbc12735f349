import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, signInNewUser } from '../../../test/app';
import { ratingQuestion } from '../../../test/surveys';
import { addResidenceCatalogueItem } from '../../../test/certificates';
import { actorCtxFor, buildResident } from '../../../test/factories';
import { users } from '../modules/accounts/accounts.table';
import { auditLog } from './audit.table';
import { AppError } from './errors';
import { resolveProxy } from './proxy';

/**
 * 帮办代办 (seed 003 task 16) in the four modules that allow it: staff (and, for services, volunteers) act
 * for a registry resident with the resident's consent; the record and the audit trail name principal,
 * proxy and consent; the resident sees the record among their own; no consent → 422; a principal outside
 * the actor's scope → 404 (DESIGN convention 5). No personal data of the principal is copied (R-LAW-PI-1).
 */
let t: TestApp;
let grid: Client; // 铜都 grid worker
let tongdu: Client; // 铜都 community worker
let xhy: Client; // 西花苑 community worker
let vol: Client; // a volunteer of 铜都
let elder: Client; // the principal's own login
let elderId: string;
let xhyResidentId: string;

const consent = { method: 'phone', note: '王奶奶来电请网格员代为反映' };
const zh = { 'accept-language': 'zh-CN' };

async function auditOf(entityId: string) {
  return t.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
}

beforeAll(async () => {
  t = await createTestApp();
  const deps = t.deps;
  const e = await buildResident(deps, t.fx.tongduBuilding, t.fx.tongdu, {
    name: '王秀英',
    tags: ['living_alone'],
  });
  elderId = e.id;
  xhyResidentId = (await buildResident(deps, t.fx.xihuayuanBuilding, t.fx.xihuayuan, { name: '李四' })).id;
  const elderUser = await createUser(t, 'elder_wang', [{ role: 'resident', orgUnitId: t.fx.tongdu.id }]);
  await t.database.db.update(users).set({ residentId: elderId }).where(eq(users.id, elderUser));
  grid = await t.as('grid_worker');
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
  vol = await signInNewUser(t, 'vol_tongdu', 'volunteer', t.fx.tongdu.id);
  elder = await t.as('elder_wang');
});
afterAll(() => t?.close());

describe('帮办代办: work-order intake', () => {
  const body = (proxy: unknown) => ({
    kind: 'help',
    categoryCode: 'street_lamp',
    description: '楼道灯坏了，老人夜里看不清台阶',
    proxy,
  });

  it('a grid worker files a request for a resident with consent: record, audit and the resident phone show it', async () => {
    const res = await grid.post('/api/work-orders', body({ principalResidentId: elderId, consent }));
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o.proxy).toMatchObject({
      principalResidentId: elderId,
      principalName: '王秀英',
      proxyName: 'grid_worker',
      consent: { method: 'phone', note: consent.note },
    });
    expect(o.requesterName).toBeNull();
    const [a] = await auditOf(o.id);
    expect(a!.action).toBe('work_orders.intake_on_behalf');
    expect(a!.after).toMatchObject({
      proxy: { principalResidentId: elderId, proxyName: 'grid_worker', consentMethod: 'phone' },
    });
    expect(JSON.stringify(a!.after)).not.toContain('王秀英');

    const me = (await elder.get('/api/me/overview')).json();
    expect(me.requests.items).toContainEqual(
      expect.objectContaining({ number: o.number, proxyName: 'grid_worker' }),
    );
    const track = await elder.get(`/api/public/work-orders/${o.number}`);
    expect(track.statusCode, track.body).toBe(200);
    expect(track.json().proxyName).toBe('grid_worker');
  });

  it('without the resident consent the intake is refused with a Chinese 422', async () => {
    const res = await grid.request({
      method: 'POST',
      url: '/api/work-orders',
      headers: zh,
      payload: body({ principalResidentId: elderId }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'common.proxy_consent_required' });
    expect(res.json().error.message).toContain('同意');
  });

  it('a principal outside the actor scope answers 404, like an unknown id', async () => {
    const other = await xhy.post('/api/work-orders', body({ principalResidentId: elderId, consent }));
    expect(other.statusCode).toBe(404);
    const unknown = await grid.post('/api/work-orders', body({ principalResidentId: 'nope', consent }));
    expect(unknown.statusCode).toBe(404);
    const far = await grid.post('/api/work-orders', body({ principalResidentId: xhyResidentId, consent }));
    expect(far.statusCode).toBe(404);
  });
});

describe('帮办代办: service orders', () => {
  const body = (proxy: unknown) => ({
    communityId: t.fx.tongdu.id,
    title: '代买常用药',
    category: 'errand',
    forSelf: false,
    proxy,
  });

  it('staff order for a resident with consent: masked name on the order, principal read from the registry, audited, on the resident phone', async () => {
    const res = await tongdu.post(
      '/api/services/orders',
      body({ principalResidentId: elderId, consent: { method: 'in_person' } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o.onBehalf).toBe(true);
    expect(o.beneficiaryName).toBe('王*英');
    expect(o.proxy).toMatchObject({
      principalName: '王秀英',
      proxyName: 'tongdu_worker',
      consent: { method: 'in_person' },
    });
    const [a] = await auditOf(o.id);
    expect(a!.action).toBe('services.order_on_behalf');
    expect(a!.after).toMatchObject({ proxy: { principalResidentId: elderId, consentMethod: 'in_person' } });

    const mine = (await elder.get('/api/services/my/orders')).json();
    expect(mine.items).toContainEqual(
      expect.objectContaining({ id: o.id, proxy: expect.objectContaining({ proxyName: 'tongdu_worker' }) }),
    );
    expect((await elder.get(`/api/services/orders/${o.id}`)).statusCode).toBe(200);
    const me = (await elder.get('/api/me/overview')).json();
    expect(me.serviceOrders.items).toContainEqual(
      expect.objectContaining({ id: o.id, proxyName: 'tongdu_worker' }),
    );
  });

  it('a volunteer may act for a neighbour in services (the module allows volunteers)', async () => {
    const res = await vol.post(
      '/api/services/orders',
      body({ principalResidentId: elderId, consent: { method: 'written', attachmentRef: '授权书2026-001' } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().proxy).toMatchObject({
      proxyName: 'vol_tongdu',
      consent: { attachmentRef: '授权书2026-001' },
    });
  });

  it('without consent → 422; a principal outside scope → 404', async () => {
    const none = await tongdu.post('/api/services/orders', body({ principalResidentId: elderId }));
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('common.proxy_consent_required');
    const out = await tongdu.post(
      '/api/services/orders',
      body({ principalResidentId: xhyResidentId, consent }),
    );
    expect(out.statusCode).toBe(404);
  });
});

describe('帮办代办: survey answers', () => {
  let surveyId: string;
  beforeAll(async () => {
    const now = t.clock.now().getTime();
    const res = await tongdu.post('/api/surveys', {
      orgUnitId: t.fx.tongdu.id,
      title: '2026年铜都社区居民满意度调查',
      purpose: 'satisfaction',
      year: 2026,
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 10 * 86_400_000).toISOString(),
      questions: [ratingQuestion('sat', '您对社区服务的总体满意程度')],
    });
    expect(res.statusCode, res.body).toBe(201);
    surveyId = res.json().id;
    expect((await tongdu.post(`/api/surveys/${surveyId}/publish`)).statusCode).toBe(200);
  });

  it('a grid worker enters a resident answer for them with consent: at their home, counted once, audited', async () => {
    const res = await grid.post(`/api/surveys/${surveyId}/responses`, {
      answers: { sat: 5 },
      proxy: { principalResidentId: elderId, consent: { method: 'in_person' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.unitName).toBe('1栋');
    expect(r.proxy).toMatchObject({ principalName: '王秀英', proxyName: 'grid_worker' });
    const audits = await auditOf(surveyId);
    const a = audits.find((x) => x.action === 'surveys.paper_on_behalf');
    expect(a!.after).toMatchObject({ proxy: { principalResidentId: elderId, consentMethod: 'in_person' } });
    const list = (await tongdu.get(`/api/surveys/${surveyId}/responses`)).json();
    expect(list.items[0].proxy).toMatchObject({ proxyName: 'grid_worker' });
    const again = await grid.post(`/api/surveys/${surveyId}/responses`, {
      answers: { sat: 1 },
      proxy: { principalResidentId: elderId, consent: { method: 'phone' } },
    });
    expect(again.statusCode).toBe(409);
  });

  it('without consent → 422; a principal outside scope → 404', async () => {
    const none = await tongdu.post(`/api/surveys/${surveyId}/responses`, {
      answers: { sat: 4 },
      proxy: { principalResidentId: elderId },
    });
    expect(none.statusCode).toBe(422);
    const out = await grid.post(`/api/surveys/${surveyId}/responses`, {
      answers: { sat: 4 },
      proxy: { principalResidentId: xhyResidentId, consent },
    });
    expect(out.statusCode).toBe(404);
  });
});

describe('帮办代办: certificate requests', () => {
  let catalogueId: string;
  beforeAll(async () => {
    catalogueId = await addResidenceCatalogueItem(t, await t.as('sd_admin'));
  });
  const body = (proxy: unknown) => ({
    communityId: t.fx.tongdu.id,
    catalogueId,
    requesterKind: 'resident',
    requesterName: '王秀英',
    subjectName: '王秀英',
    purpose: '办理高龄津贴',
    content: '系本社区居民，独居于铜都社区1栋。',
    proxy,
  });

  it('staff ask for a certificate for a resident with written authorisation: register and audit name the proxy', async () => {
    const res = await tongdu.post(
      '/api/certificates',
      body({ principalResidentId: elderId, consent: { method: 'written', attachmentRef: '授权委托书' } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.proxy).toMatchObject({
      principalName: '王秀英',
      proxyName: 'tongdu_worker',
      consent: { method: 'written' },
    });
    expect((await tongdu.get(`/api/certificates/${c.id}`)).json().proxy.proxyName).toBe('tongdu_worker');
    const [a] = (await auditOf(c.id)).filter((x) => x.action === 'certificates.issue_on_behalf');
    expect(a!.after).toMatchObject({ proxy: { principalResidentId: elderId, consentMethod: 'written' } });
  });

  it('without consent → 422; a principal outside scope → 404', async () => {
    expect((await tongdu.post('/api/certificates', body({ principalResidentId: elderId }))).statusCode).toBe(
      422,
    );
    expect(
      (await tongdu.post('/api/certificates', body({ principalResidentId: xhyResidentId, consent })))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await xhy.post('/api/certificates', {
          ...body({ principalResidentId: elderId, consent }),
          communityId: t.fx.xihuayuan.id,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('帮办代办: who may act', () => {
  it('a volunteer acts only where the module allows volunteers; a resident never acts for another', async () => {
    const volCtx = await actorCtxFor(t.deps, 'vol_tongdu');
    const body = { principalResidentId: elderId, consent: { method: 'phone' as const } };
    await expect(
      resolveProxy(volCtx, body, { permissions: ['services.order'], volunteers: false }),
    ).rejects.toMatchObject({
      code: 'common.proxy_volunteer_not_allowed',
      status: 403,
    });
    expect(
      await resolveProxy(volCtx, body, { permissions: ['services.order'], volunteers: true }),
    ).toMatchObject({
      values: { principalResidentId: elderId, proxyName: 'vol_tongdu' },
    });
    const elderCtx = await actorCtxFor(t.deps, 'elder_wang');
    const err = await resolveProxy(elderCtx, body, {
      permissions: ['services.order'],
      volunteers: true,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(403);
  });
});
