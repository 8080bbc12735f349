import { usccCheckChar } from '../../../shared/validation/codes';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, signInNewUser } from '../../../../test/app';
import { buildUnit } from '../../../../test/factories';
import { chinaDate } from '../../../shared/chinaTime';
import { auditLog } from '../../platform/audit.table';

let t: TestApp;
let tongdu: Client;
let xhy: Client;
let sd: Client;
const compounds: Record<string, Awaited<ReturnType<typeof buildUnit>>> = {};

beforeAll(async () => {
  t = await createTestApp();
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
  sd = await t.as('sd_admin');
  for (const name of ['铜都花园', '铜都家园', '矿冶老宿舍'])
    compounds[name] = await buildUnit(t.deps, t.fx.tongduGrid, 'compound', name);
});
afterAll(() => t.close());

const company = {
  management: 'company',
  companyName: '黄石华新物业服务有限公司',
  contractStart: '2024-01-01',
  contractEnd: '2026-12-31',
  feeFenPerM2: 120,
  starRating: 3,
  ownersCommittee: {
    termStart: '2024-03-01',
    termEnd: '2029-02-28',
    electedOn: '2024-02-26',
    members: [
      { name: '周建国', role: 'chair' },
      { name: '李秀兰', role: 'member' },
    ],
  },
};

describe('property service of compounds and coverage (seed 003 三(一)3, seed 004 Ⅱ-7)', () => {
  it('records a property company with contract, fee in fen and star rating, and audits it', async () => {
    const id = compounds.铜都花园!.id;
    const res = await tongdu.put(`/api/property/compounds/${id}`, company);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({
      management: 'company',
      covered: true,
      feeFenPerM2: 120,
      starRating: 3,
      version: 1,
    });
    expect(c.ownersCommittee.members).toHaveLength(2);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'property.compound.save'));
    expect(audits.length).toBe(1);
  });

  it('R-LAW-CD-3: a property company whose credit code fails the GB 32100 check is refused, a valid one is kept', async () => {
    const id = compounds.铜都花园!.id;
    const bad = await tongdu.put(`/api/property/compounds/${id}`, {
      ...company,
      companyUscc: '91420200714030001X',
      version: 1,
    });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().error.details.fields[0]).toMatchObject({ path: 'companyUscc', code: 'property.uscc' });
    const first17 = '91420200714030001';
    const good = await tongdu.put(`/api/property/compounds/${id}`, {
      ...company,
      companyUscc: (first17 + usccCheckChar(first17)).toLowerCase(),
      version: 1,
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().companyUscc).toBe(first17 + usccCheckChar(first17));
  });

  it('coverage counts company and self-management as covered and flags the community with its gaps', async () => {
    const self = await tongdu.put(`/api/property/compounds/${compounds.铜都家园!.id}`, {
      management: 'self',
      selfCommitteeName: '铜都家园自管委',
    });
    expect(self.statusCode, self.body).toBe(200);
    const cov = (await tongdu.get(`/api/property/coverage?orgUnitId=${t.fx.tongdu.id}`)).json();
    const row = cov.rows[0];
    expect(row).toMatchObject({
      compounds: 3,
      withCompany: 1,
      selfManaged: 1,
      uncovered: 1,
      withOwnersCommittee: 1,
    });
    expect(row.share).toBeCloseTo(2 / 3);
    expect(row.flags).toEqual(['not_full']);
    expect(row.gaps.map((g: { name: string }) => g.name)).toEqual(['矿冶老宿舍']);
    // The list filters the compounds without property service (the workbench's count).
    const none = (await tongdu.get('/api/property/compounds?management=none')).json();
    expect(none.total).toBe(1);
    // The subdistrict sees both communities; 西花苑 has no compound at all.
    const all = (await sd.get('/api/property/coverage')).json();
    expect(all.rows.map((r: { communityName: string }) => r.communityName)).toContain('西花苑社区');
    expect(all.totals.communitiesNotFull).toBe(1);
  });

  it('full coverage clears the flag; the coverage list downloads as xlsx', async () => {
    const res = await tongdu.put(`/api/property/compounds/${compounds.矿冶老宿舍!.id}`, {
      management: 'self',
      selfCommitteeName: '矿冶老宿舍物管委',
    });
    expect(res.statusCode).toBe(200);
    const row = (await tongdu.get(`/api/property/coverage?orgUnitId=${t.fx.tongdu.id}`)).json().rows[0];
    expect(row.share).toBe(1);
    expect(row.flags).toEqual([]);
    const x = await tongdu.get('/api/property/coverage.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });

  it('refuses bad input with a Chinese message (422), never a 500', async () => {
    const id = compounds.铜都花园!.id;
    const noName = await tongdu.request({
      method: 'PUT',
      url: `/api/property/compounds/${id}`,
      payload: { management: 'company' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(noName.statusCode).toBe(422);
    expect(noName.json().error.message).toContain('物业服务企业');
    const dates = await tongdu.put(`/api/property/compounds/${id}`, {
      ...company,
      contractEnd: '2023-01-01',
    });
    expect(dates.statusCode).toBe(422);
    const notCompound = await tongdu.put(`/api/property/compounds/${t.fx.tongduGrid.id}`, company);
    expect(notCompound.statusCode).toBe(422);
  });

  it('a compound outside the user’s community answers 404 for reads, writes and filters', async () => {
    const id = compounds.铜都花园!.id;
    expect((await xhy.get(`/api/property/compounds/${id}`)).statusCode).toBe(404);
    expect((await xhy.put(`/api/property/compounds/${id}`, company)).statusCode).toBe(404);
    expect((await xhy.get(`/api/property/coverage?orgUnitId=${t.fx.tongdu.id}`)).statusCode).toBe(404);
    expect((await xhy.get(`/api/property/compounds?communityId=${t.fx.tongdu.id}`)).statusCode).toBe(404);
    expect((await xhy.get('/api/property/compounds')).json().total).toBe(0);
  });
});

describe('三方联动 meetings, notices, appraisals (seed 003 三(一)3)', () => {
  it('a joint meeting records the three parties and its issues; an issue is resolved once', async () => {
    const res = await tongdu.post('/api/property/meetings', {
      communityId: t.fx.tongdu.id,
      compoundId: compounds.铜都花园!.id,
      heldOn: '2026-03-12',
      title: '铜都花园停车难问题三方联席会议',
      residentsCommittee: '铜都社区居委会',
      ownersCommittee: '铜都花园业委会',
      propertyCompany: '黄石华新物业服务有限公司',
      issues: [{ text: '夜间车辆乱停占用消防通道', owner: 'property_company' }, { text: '2栋外墙脱落' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ allThree: true, openIssues: 2, compoundName: '铜都花园' });
    const issueId = m.issues[0].id;
    const ok = await tongdu.post(`/api/property/issues/${issueId}/resolve`, {
      resolvedOn: '2026-03-30',
      resolution: '划定临时停车位，物业夜间巡查',
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (
        await tongdu.post(`/api/property/issues/${issueId}/resolve`, {
          resolvedOn: '2026-03-31',
          resolution: '再次',
        })
      ).statusCode,
    ).toBe(409);
    const open = (await tongdu.get('/api/property/meetings?open=true')).json();
    expect(open.items[0].openIssues).toBe(1);
    expect((await xhy.get(`/api/property/meetings/${m.id}`)).statusCode).toBe(404);
    expect(
      (
        await xhy.post(`/api/property/issues/${m.issues[1].id}/resolve`, {
          resolvedOn: '2026-03-31',
          resolution: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a meeting about a compound of another community is refused', async () => {
    const other = await buildUnit(t.deps, t.fx.xihuayuanGrid, 'compound', '西花苑小区');
    const res = await sd.post('/api/property/meetings', {
      communityId: t.fx.tongdu.id,
      compoundId: other.id,
      heldOn: '2026-03-12',
      title: '联席会议',
    });
    expect(res.statusCode).toBe(422);
  });

  it('notices and appraisals are posted to the compound; the resident sees the compound’s property company and notices', async () => {
    const compound = compounds.铜都花园!;
    expect(
      (
        await tongdu.post('/api/property/notices', {
          orgUnitId: compound.id,
          title: '2026年第一季度物业费收支公示',
          body: '收入12.6万元，支出11.8万元。',
          publishedOn: '2026-04-05',
        })
      ).statusCode,
    ).toBe(201);
    const a = await tongdu.post('/api/property/appraisals', {
      compoundId: compound.id,
      period: '2026年第一季度',
      appraisedOn: '2026-04-10',
      score: 86,
      respondents: 120,
    });
    expect(a.statusCode, a.body).toBe(201);
    const building = await buildUnit(t.deps, compound, 'building');
    const resident = await signInNewUser(t, 'tongdu_resident', 'resident', building.id);
    const mine = (await resident.get('/api/property/mine')).json();
    expect(mine.compound.companyName).toBe('黄石华新物业服务有限公司');
    expect(mine.notices.map((n: { title: string }) => n.title)).toContain('2026年第一季度物业费收支公示');
    expect((await resident.get('/api/property/compounds')).statusCode).toBe(403);
  });
});

describe('civilised compounds and 美好家园 model compounds (seed 003 三(一)2)', () => {
  it('flags a year without 1–2 city-level and 1 provincial model compounds, and the months without a selection', async () => {
    const year = Number(chinaDate(t.clock.now()).slice(0, 4));
    const c = compounds.铜都花园!.id;
    const before = (await sd.get(`/api/property/honours/targets?year=${year}`)).json();
    expect(before.rows[0].flags).toEqual(
      expect.arrayContaining(['model_city_missing', 'model_provincial_missing']),
    );
    /** Posts an honour of compound `c` this year; answers the status code. */
    const award = async (kind: string, awardedOn: string, month?: number) =>
      (
        await sd.post('/api/property/honours', {
          compoundId: c,
          kind,
          year,
          ...(month === undefined ? {} : { month }),
          awardedOn,
        })
      ).statusCode;
    expect(await award('model_city', `${year}-01-20`)).toBe(201);
    expect(await award('model_city', `${year}-01-21`)).toBe(409);
    expect(await award('civilised_monthly', `${year}-01-31`)).toBe(422);
    expect(await award('civilised_monthly', `${year}-01-31`, 1)).toBe(201);
    const after = (await sd.get(`/api/property/honours/targets?year=${year}`)).json().rows[0];
    expect(after.modelCity).toBe(1);
    expect(after.flags).not.toContain('model_city_missing');
    expect(after.flags).toContain('model_provincial_missing');
    expect(after.monthsMissing).not.toContain(1);
  });
});
