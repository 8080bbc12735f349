import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, signInNewUser } from '../../../../test/app';
import { addResidenceCatalogueItem } from '../../../../test/certificates';
import { auditLog } from '../../platform/audit.table';
import { cjkFont } from './certificates.pdf';

let t: TestApp;
let sd: Client;
let tongdu: Client;
let secretary: Client;
let xhy: Client;
let catalogueId: string;

beforeAll(async () => {
  t = await createTestApp();
  sd = await t.as('sd_admin');
  tongdu = await t.as('tongdu_worker');
  secretary = await signInNewUser(t, 'cert_sec', 'community_secretary', t.fx.tongdu.id);
  xhy = await t.as('xhy_worker');
  catalogueId = await addResidenceCatalogueItem(t, sd);
});
afterAll(() => t?.close());

const request = (over: Record<string, unknown> = {}) => ({
  communityId: t.fx.tongdu.id,
  requesterKind: 'resident',
  requesterName: '张三',
  subjectName: '张三',
  purpose: '办理子女入学',
  content: '系本社区居民，自2019年起居住在铜都社区1栋。',
  ...over,
});

describe('R-AC-2 certificates', () => {
  it('R-AC-2 a catalogue item cites its law and specific clause; communities below read it', async () => {
    const list = (await tongdu.get('/api/certificates/catalogue')).json();
    expect(list.items[0]).toMatchObject({ name: '居住情况证明', clause: '第三条第（二）项' });
    const vague = await sd.post('/api/certificates/catalogue', {
      orgUnitId: t.fx.subdistrict.id,
      name: '其他证明',
      lawName: '有关规定',
      clause: '依法',
    });
    expect(vague.json().error.code).toBe('certificates.clause_not_specific');
    expect(
      (
        await tongdu.post('/api/certificates/catalogue', {
          orgUnitId: t.fx.tongdu.id,
          name: 'x',
          lawName: 'x',
          clause: '第一条',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('R-AC-2 a resident sees on the phone the catalogue their community may certify, with each law and clause', async () => {
    const r = await signInNewUser(t, 'cert_resident', 'resident', t.fx.tongduBuilding.id);
    const res = await r.get('/api/me/certificates/catalogue');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { name: string }) => i.name)).toContain('居住情况证明');
    expect(res.json().items[0]).toMatchObject({
      lawName: '中华人民共和国城市居民委员会组织法',
      clause: '第三条第（二）项',
    });
    // a catalogue kept by another subdistrict's tree is not theirs; staff without a resident role get none
    expect((await tongdu.get('/api/me/certificates/catalogue')).json().items).toEqual([]);
    expect((await t.anonymous.get('/api/me/certificates/catalogue')).statusCode).toBe(401);
  });

  it('R-AC-2 a catalogue item is issued with a number, its clause and a seal-log entry; the PDF prints', async () => {
    const res = await tongdu.post('/api/certificates', request({ catalogueId }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'issued', clauseSource: 'catalogue' });
    expect(c.number).toMatch(/^ZM\d{4}-0001$/);
    expect(c.clause).toBe('《中华人民共和国城市居民委员会组织法》第三条第（二）项');
    const seals = (await tongdu.get('/api/seals')).json();
    expect(seals.items[0]).toMatchObject({ status: 'used', certificateId: c.id, legalBasis: c.clause });
    if (cjkFont()) {
      const pdf = await tongdu.get(`/api/certificates/${c.id}/certificate.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await xhy.get(`/api/certificates/${c.id}`)).statusCode).toBe(404);
  });

  it('R-AC-2 a body asking for a certificate must supply the specific clause; without it the request is refused with the reason and registered', async () => {
    const ok = await tongdu.post(
      '/api/certificates',
      request({
        requesterKind: 'unit',
        requestingBody: '下陆区人力资源和社会保障局',
        citedClause: '《工伤保险条例》第十九条',
        itemName: '工伤事故目击情况证明',
        purpose: '工伤认定调查',
      }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ clauseSource: 'requesting_body', clause: '《工伤保险条例》第十九条' });

    const vague = await tongdu.post(
      '/api/certificates',
      request({
        requesterKind: 'unit',
        requestingBody: '某银行',
        citedClause: '按有关规定',
        itemName: '无犯罪记录证明',
      }),
    );
    expect(vague.statusCode).toBe(422);
    expect(vague.json().error.code).toBe('certificates.refused_no_basis');
    expect(vague.json().error.message).toContain('具体条款');
    const none = await tongdu.post('/api/certificates', request({ itemName: '亲属关系证明' }));
    expect(none.json().error.code).toBe('certificates.refused_no_basis');
    const refused = (await tongdu.get('/api/certificates?status=refused')).json();
    expect(refused.total).toBe(2);
    expect(refused.items[0].refusalCode).toBe('no_basis');
  });

  it('R-AC-2 matters within the asking body’s own duties and certificates carrying economic joint liability are refused', async () => {
    const own = await tongdu.post(
      '/api/certificates',
      request({
        catalogueId,
        requesterKind: 'unit',
        requestingBody: '下陆区公安分局',
        withinRequesterDuty: true,
      }),
    );
    expect(own.json().error.code).toBe('certificates.refused_own_duty');
    const joint = await tongdu.post('/api/certificates', request({ catalogueId, jointLiability: true }));
    expect(joint.json().error.code).toBe('certificates.refused_joint_liability');
  });

  it('R-AC-2 the register and the seal log are immutable: updates and deletes are refused by the database', async () => {
    await expect(t.database.db.execute(sql`update cert_register set content = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from cert_register`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`update seal_uses set purpose = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from seal_uses`)).rejects.toThrow();
    // A unit move may still rewrite the path.
    await t.database.db.execute(sql`update seal_uses set org_path = org_path`);
  });
});

describe('R-AC-2 seal log', () => {
  it('R-AC-2 every seal use is logged and audited; a document with economic joint liability outside the committee’s duties is refused and the refusal logged', async () => {
    const use = await secretary.post('/api/seals', {
      communityId: t.fx.tongdu.id,
      document: '铜都社区2026年度居务公开栏更新通知',
      purpose: '张贴公示',
      legalBasis: '《中华人民共和国城市居民委员会组织法》第十条',
      requester: '铜都社区居委会',
      jointLiability: false,
    });
    expect(use.statusCode, use.body).toBe(201);
    expect(use.json()).toMatchObject({ status: 'used', approverName: expect.any(String) });
    const loan = await secretary.post('/api/seals', {
      communityId: t.fx.tongdu.id,
      document: '居民个人创业贷款担保书',
      purpose: '银行贷款担保',
      requester: '某农商银行',
      jointLiability: true,
    });
    expect(loan.statusCode).toBe(422);
    expect(loan.json().error.code).toBe('certificates.seal_refused');
    const log = (await secretary.get('/api/seals?status=refused')).json();
    expect(log.items[0]).toMatchObject({ document: '居民个人创业贷款担保书', status: 'refused' });
    expect(
      (
        await tongdu.post('/api/seals', {
          communityId: t.fx.tongdu.id,
          document: 'x',
          purpose: 'x',
          requester: 'x',
          jointLiability: false,
        })
      ).statusCode,
    ).toBe(403);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, log.items[0].id));
    expect(audits.map((a) => a.action)).toEqual(['certificates.seal.refuse']);
  });
});
