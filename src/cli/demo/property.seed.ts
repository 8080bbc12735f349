import { and, asc, eq, like } from 'drizzle-orm';
import { orgUnits } from '../../server/modules/org/org.table';
import {
  createAppraisal,
  createHonour,
  createMeeting,
  createNotice,
  resolveIssue,
  saveCompound,
} from '../../server/modules/property/property.usecases';
import { usccCheckChar } from '../../shared/validation/codes';
import { SURNAMES } from './names';
import type { DemoSeedDeps } from './seedContext';
import { xinxialuSeedStart } from './xinxialuSeed';

/** A synthetic unified social credit code for the n-th demo company, with its GB 32100 check character. */
const companyUscc = (n: number) => {
  const first17 = `91420200${String(714_030_000 + n * 7919).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
};

const COMPANIES = [
  '黄石华新物业服务有限公司',
  '黄石金盾物业管理有限公司',
  '湖北大冶有色物业服务有限公司',
  '黄石万家和物业服务有限公司',
  '下陆区安居物业管理有限公司',
];
const GIVEN = [
  '建国',
  '秀兰',
  '志强',
  '桂英',
  '德明',
  '丽华',
  '卫东',
  '淑珍',
  '国平',
  '红梅',
  '长青',
  '玉兰',
];

/**
 * Demo property data (issue 16 §3, seed 003 三(一)2–3): every compound of the 12 Xinxialu communities gets a
 * property company (contract, fee in fen per m², stars) or a self-management committee (自管委/物管委, the old
 * works-unit estates), except a few left without property service — 大塘社区 and 陆家铺社区 (urban villages)
 * and 神牛社区 each have one, so coverage shows gaps; about half have an owners' committee. 三方联动 joint
 * meetings in four communities with issues raised and partly resolved; notices and appraisals; the monthly
 * civilised-compound selection (one month skipped) and 美好家园 model compounds (last year complete, this
 * year one city-level and no provincial yet: flagged).
 */
export async function seedDemoProperty(
  deps: DemoSeedDeps,
  opts: { log: (line: string) => void },
): Promise<void> {
  const start = await xinxialuSeedStart(deps);
  if (!start) return;
  const { db } = deps;
  const { admin, communities, today, year, daysAgo } = start;
  const person = (i: number) => `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`;
  const gapsIn = new Set(['大塘社区', '陆家铺社区', '神牛社区']);
  let n = 0;
  let p = 0;
  const served: {
    id: string;
    name: string;
    community: (typeof communities)[number];
    company: string | null;
  }[] = [];
  for (const [ci, c] of communities.entries()) {
    const compounds = await db
      .select()
      .from(orgUnits)
      .where(and(eq(orgUnits.kind, 'compound'), like(orgUnits.path, `${c.path}%`)))
      .orderBy(asc(orgUnits.name), asc(orgUnits.id));
    for (const [k, cp] of compounds.entries()) {
      n++;
      if (gapsIn.has(c.name) && k === compounds.length - 1) continue; // no property service: a gap
      const self = k === 1 || (c.name === '胜利社区' && k === 2);
      const company = self ? null : COMPANIES[(ci + k) % COMPANIES.length]!;
      const withOc = (ci + k) % 2 === 0 && !self;
      const start = `${year - 1 - (k % 2)}-0${1 + (k % 6)}-01`;
      await saveCompound(admin, cp.id, {
        management: self ? 'self' : 'company',
        companyName: company,
        companyUscc: company ? companyUscc((ci + k) % COMPANIES.length) : null,
        contractStart: company ? start : null,
        // One company's contract has run out (shown as expired).
        contractEnd: company ? (ci === 3 && k === 0 ? daysAgo(20) : `${year + 1 + (k % 2)}-12-31`) : null,
        feeFenPerM2: self ? 30 : 80 + ((ci + k) % 5) * 20,
        starRating: company ? 2 + ((ci + k) % 3) : null,
        selfCommitteeName: self ? `${cp.name}自管委` : null,
        ownersCommittee: withOc
          ? {
              electedOn: `${year - 2}-03-${10 + (k % 10)}`,
              termStart: `${year - 2}-04-01`,
              termEnd: `${year + 3}-03-31`,
              members: [0, 1, 2, 3, 4].map((m) => ({
                name: person(p++),
                role: m === 0 ? ('chair' as const) : m === 1 ? ('vice_chair' as const) : ('member' as const),
              })),
            }
          : null,
      });
      served.push({ id: cp.id, name: cp.name, community: c, company });
    }
  }

  // 三方联动 joint meetings with issues (seed 003: 联席会议、协同联动解决实际问题).
  const topics: [string, string[]][] = [
    ['停车秩序整治', ['夜间车辆占用消防通道', '新能源车充电桩安装位置', '外来车辆收费标准']],
    ['老旧小区改造施工协调', ['施工时间扰民', '雨污分流管网接入', '楼道杂物清理']],
    ['物业费收缴与服务质量', ['部分业主拖欠物业费', '电梯维保不及时']],
    ['加装电梯意见征集', ['低层住户意见协调', '费用分摊方案']],
  ];
  let meetings = 0;
  for (const [i, c] of communities.slice(0, 4).entries()) {
    const mine = served.filter((s) => s.community.id === c.id && s.company);
    for (const [j, s] of mine.slice(0, 2).entries()) {
      const [title, issues] = topics[(i + j) % topics.length]!;
      const m = await createMeeting(admin, {
        communityId: c.id,
        compoundId: s.id,
        heldOn: daysAgo(12 + i * 9 + j * 31),
        title: `${s.name}${title}三方联席会议`,
        residentsCommittee: `${c.name}居委会`,
        ownersCommittee: j === 1 && i === 2 ? null : `${s.name}业委会`,
        propertyCompany: s.company,
        minutes: '社区党委主持，居委会、业委会、物业服务企业三方协商，形成处理意见并公示。',
        issues: issues.map((text, x) => ({
          text,
          owner:
            x === 0
              ? ('property_company' as const)
              : x === 1
                ? ('residents_committee' as const)
                : ('owners_committee' as const),
        })),
      });
      meetings++;
      for (const issue of m.issues.slice(0, j === 0 ? 2 : 1))
        await resolveIssue(admin, issue.id, {
          resolvedOn: daysAgo(5 + i),
          resolution: '已按会议意见落实，居委会回访确认。',
        });
    }
  }

  // 公示通报 and 评议考评.
  for (const [i, s] of served
    .filter((x) => x.company)
    .slice(0, 10)
    .entries()) {
    await createNotice(admin, {
      orgUnitId: s.id,
      title: `${year}年第一季度物业服务费收支公示`,
      body: `${s.name}本季度物业费收入${(8 + i).toFixed(1)}万元，支出${(7.5 + i * 0.9).toFixed(1)}万元（保洁、绿化、秩序维护、公共设施维修），详细账目可到物业服务中心查阅。`,
      publishedOn: daysAgo(30 + i),
    });
    await createAppraisal(admin, {
      compoundId: s.id,
      period: `${year - 1}年度`,
      appraisedOn: `${year}-01-${10 + (i % 15)}`,
      score: 68 + ((i * 7) % 30),
      respondents: 80 + i * 13,
      remark: i % 3 === 0 ? '保洁及时，秩序维护需加强' : null,
    });
  }
  for (const c of communities.slice(0, 3))
    await createNotice(admin, {
      orgUnitId: c.id,
      title: '关于开展文明小区评选的通知',
      body: '社区每月评选文明小区一个，评选结果在社区公示栏和居民群公布。',
      publishedOn: daysAgo(40),
    });

  // 文明小区 every month (one month skipped) and 美好家园 model compounds.
  const month = Number(today.slice(5, 7));
  let honours = 0;
  const pick = (k: number) => served[(k * 5) % served.length]!;
  for (let m = 1; m <= 12; m++) {
    await createHonour(admin, {
      compoundId: pick(m).id,
      kind: 'civilised_monthly',
      year: year - 1,
      month: m,
      awardedOn: `${year - 1}-${String(m).padStart(2, '0')}-28`,
    });
    honours++;
  }
  for (let m = 1; m <= month; m++) {
    if (m === Math.max(1, month - 2) && month > 2) continue; // a month without a selection: flagged
    await createHonour(admin, {
      compoundId: pick(m + 3).id,
      kind: 'civilised_monthly',
      year,
      month: m,
      awardedOn: m === month ? today : `${year}-${String(m).padStart(2, '0')}-28`,
    });
    honours++;
  }
  const models: [number, 'model_city' | 'model_provincial', number][] = [
    [year - 1, 'model_city', 1],
    [year - 1, 'model_city', 2],
    [year - 1, 'model_provincial', 3],
    [year, 'model_city', 4],
  ];
  for (const [y, kind, k] of models) {
    await createHonour(admin, {
      compoundId: pick(k * 2).id,
      kind,
      year: y,
      awardedOn: y === year ? daysAgo(15) : `${y}-12-20`,
      remark:
        kind === 'model_provincial' ? '湖北省美好环境与幸福生活共同缔造示范小区' : '黄石市“美好家园”示范小区',
    });
    honours++;
  }
  opts.log(
    `property: ${served.length}/${n} compounds served, ${meetings} three-party meetings, ${honours} honours`,
  );
}
