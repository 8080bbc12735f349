// The assessments and scheduled-reports demos read what modules offer one another (evidence sources, report
// figures): the registry is built from the app's module list, installed here for `linli seed --demo` as well.
import { MODULES } from '../../server/app';
import { installOfferings } from '../../server/platform/offerings';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../server/platform/auth';
import type { AppDeps } from '../../server/platform/context';
import { type Database, type Db, SEED_LOCK } from '../../server/platform/db';
import { writeAudit } from '../../server/platform/audit';
import { orgUnits } from '../../server/modules/org/org.table';
import {
  deputies,
  gridAssignments,
  partyMembers,
  partyOrgLevels,
  partyOrgs,
  residentUnits,
  socialOrgs,
  workers,
} from '../../server/modules/people/people.table';
import { residents } from '../../server/modules/residents/residents.table';
import { sealPii, sealSpecialGroups } from '../../server/modules/residents/residents.usecases';
import { maskPhone } from '../../server/platform/crypto';
import type { Role } from '../../shared/permissions';
import {
  birthDateFromIdNumber,
  composeIdNumber,
  genderFromIdNumber,
  usccCheckChar,
} from '../../shared/validation/codes';
import { bulkInsert, yieldToRequests } from './bulk';
import { COMPOUND_WORDS, GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './names';
import { seedDemoLedger } from './ledger.seed';
import { seedDemoMerchants } from './merchants.seed';
import { seedDemoNotifications } from './notifications.seed';
import { seedDemoProjects } from './projects.seed';
import { seedDemoProjectArchive } from './projects.archive.seed';
import { seedDemoProjectMoney } from './projects.money.seed';
import { seedDemoProjectMilestones } from './projects.milestones.seed';
import { seedDemoProjectsJinjiang } from './projects.jinjiang.seed';
import { seedDemoProjectEvaluation } from './projects.evaluation.seed';
import { seedDemoDoorstepProjects } from './projects.doorstep.seed';
import { seedDemoDoorstepRatings } from './projects.doorstep.ratings.seed';
import { seedDemoServices, seedDemoStationHosts } from './services.seed';
import { seedDemoDisputes } from './disputes.seed';
import { seedDemoAssessmentEvidence, seedDemoAssessments } from './assessments.seed';
import { seedDemoParticipation } from './participation.seed';
import { seedDemoKeyTasks } from './keyTasks.seed';
import { seedDemoWorkItemAccess } from './workItemAccess.seed';
import { seedDemoCertificates } from './certificates.seed';
import { seedDemoVolunteers } from './volunteers.seed';
import { seedDemoCareGaps } from './careGaps.seed';
import { seedDemoWorkOrders } from './workOrders.seed';
import { seedDemoFacilities } from './facilities.seed';
import { seedDemoCare } from './care.seed';
import { seedDemoSurveys } from './surveys.seed';
import { seedDemoScheduledReports } from './scheduledReports.seed';
import { seedDemoProperty } from './property.seed';
import { seedDemoSelfGovernance } from './selfGovernance.seed';
import { seedDemoSocialOrgs } from './socialOrgs.seed';
import { seedDemoDeliberation } from './deliberation.seed';
import { seedDemoProxy } from './proxy.seed';
import { DEMO_PASSWORD, insertDemoUser } from './demoLogin';
import { demoDraws } from './demoDraws';

export { DEMO_PASSWORD };

type UnitRow = typeof orgUnits.$inferInsert & { id: string; path: string; depth: number };

/** Deterministic PRNG so the demo is the same on every machine. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return demoDraws(next);
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const r = await db.execute(sql`select count(*)::int as n from org_units`);
  return (r as unknown as { rows: { n: number }[] }).rows[0]!.n === 0;
}

/**
 * Loads the demo data when the database is empty, once per cluster: several processes started together
 * on an empty database queue on a lock, and the later ones find it no longer empty. Null when not loaded.
 */
export async function seedDemoOnce(
  database: Pick<Database, 'withLock'>,
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: SeedOptions & { onStart?: () => void } = {},
  seed: (d: typeof deps, o: SeedOptions) => Promise<{ logins: string[] }> = seedDemo,
): Promise<{ logins: string[] } | null> {
  return database.withLock(SEED_LOCK, async () => {
    if (!(await isDatabaseEmpty(deps.db))) return null;
    opts.onStart?.();
    return seed(deps, opts);
  });
}

/** seed 003: 新下陆街道's 12 communities and their leaders (attachment 1). */
const XINXIALU_COMMUNITIES: [string, string, string][] = [
  ['铜都社区', '陆合香', 'luhx'],
  ['西花苑社区', '占霞生', 'zhanxs'],
  ['孔雀苑社区', '王婷婷', 'wangtt'],
  ['铜花社区', '马细群', 'maxq'],
  ['新星社区', '姚卫萍', 'yaowp'],
  ['陆家铺社区', '桂森', 'guis'],
  ['神牛社区', '江丽', 'jiangl'],
  ['胜利社区', '卫文娟', 'weiwj'],
  ['康宁社区', '向权', 'xiangq'],
  ['大塘社区', '吴小桂', 'wuxg'],
  ['团结社区', '谈家兴', 'tanjx'],
  ['友谊社区', '江海燕', 'jianghy'],
];

/**
 * Seed 003 appendix 1 gives each community's leader with their own post: most are 党委书记、居委会主任,
 * 江海燕 is 友谊社区's 党委副书记、居委会副主任 (not its secretary).
 */
const DEPUTY_LEADERS = new Set(['江海燕']);
const leaderTitle = (community: string, name: string) =>
  DEPUTY_LEADERS.has(name) ? `${community}党委副书记、居委会副主任` : `${community}党委书记、居委会主任`;

/** Demo urban villages (城中村, seed 002's standards R-ORG-5/6): one compliant, one not. */
const URBAN_VILLAGES: Record<string, Record<string, string | number | boolean>> = {
  陆家铺社区: {
    urbanVillage: true,
    distanceToCentreM: 1350,
    hasSubStation: true,
    subStationStaff: 2,
    elderlyCareFacilities: 1,
  },
  大塘社区: {
    urbanVillage: true,
    distanceToCentreM: 1800,
    hasSubStation: false,
    subStationStaff: 0,
    elderlyCareFacilities: 0,
  },
};

/** seed 003: the leadership group's subdistrict members. */
const XINXIALU_LEADERS: [string, string, string, Role][] = [
  ['刘克涛', 'liukt', '新下陆街道党工委书记', 'subdistrict_admin'],
  ['郭莎莎', 'guoss', '新下陆街道党工委副书记、办事处主任', 'subdistrict_admin'],
  ['邵成胜', 'shaocs', '新下陆街道党工委副书记、人大工委主任', 'subdistrict_admin'],
  ['胡婷婷', 'hutt', '新下陆街道党工委委员、办事处副主任', 'subdistrict_admin'],
  ['柯青', 'keq', '新下陆街道党工委委员、办事处副主任', 'subdistrict_admin'],
  // The discipline-inspection secretary is a member of the subdistrict's working committee, not a third party.
  ['周易', 'zhouy', '新下陆街道党工委委员、纪工委书记', 'subdistrict_admin'],
  ['柯浩', 'keh', '新下陆街道党工委委员、办事处副主任', 'subdistrict_admin'],
  ['陆冬英', 'ludy', '新下陆街道党群服务中心负责人', 'subdistrict_admin'],
  ['向良', 'xiangl', '新下陆街道社区网格管理综合服务中心负责人', 'dispatcher'],
  ['陈常弋', 'chency', '新下陆街道党政综合办负责人', 'subdistrict_admin'],
  ['王宇杰', 'wangyj', '新下陆街道经济服务办负责人', 'subdistrict_admin'],
  ['饶诗华', 'raosh', '新下陆街道平安建设办负责人', 'dispatcher'],
  ['程敏', 'chengm', '新下陆街道综合执法中心负责人', 'dispatcher'],
  ['吴兰兰', 'wull', '新下陆街道社会事务办负责人', 'subdistrict_admin'],
  ['张婷', 'zhangt', '新下陆街道财务负责人', 'subdistrict_admin'],
];

/** seed 004: the first 8 "美丽群岛 幸福社区" demonstration communities of Zhoushan. */
const ZHOUSHAN: { district: string; code: string | null; subdistrict: string; community: string }[] = [
  { district: '定海区', code: '330902', subdistrict: '昌国街道', community: '北园社区' },
  { district: '定海区', code: '330902', subdistrict: '城东街道', community: '桔南社区' },
  { district: '普陀区', code: '330903', subdistrict: '沈家门街道', community: '大蒲湾社区' },
  { district: '普陀区', code: '330903', subdistrict: '东港街道', community: '莲安社区' },
  { district: '岱山县', code: '330921', subdistrict: '高亭镇', community: '嘉和社区' },
  { district: '嵊泗县', code: '330922', subdistrict: '菜园镇', community: '东海社区' },
  { district: '新城管委会', code: null, subdistrict: '临城街道', community: '星岛社区' },
  { district: '普陀山—朱家尖管委会', code: null, subdistrict: '朱家尖街道', community: '莲花社区' },
];

export interface SeedOptions {
  /** Residents for 新下陆街道 (default 20,000). */
  residents?: number;
  log?: (message: string) => void;
}

/** `linli seed --demo`: the jurisdictions of seeds 003 and 004 with synthetic people. */
export async function seedDemo(deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>, opts: SeedOptions = {}) {
  const log = opts.log ?? (() => undefined);
  installOfferings(MODULES);
  let lap = performance.now();
  let lapCpu = process.cpuUsage();
  const r = rng(20231101);
  const now = deps.clock.now();
  const db = deps.db;
  const units: UnitRow[] = [];
  const unit = (
    parent: UnitRow | null,
    kind: string,
    name: string,
    extra: Partial<UnitRow> = {},
  ): UnitRow => {
    const id = deps.ids();
    const row: UnitRow = {
      attrs: {},
      ...extra,
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: (parent?.depth ?? -1) + 1,
      kind,
      name,
      sort: units.filter((u) => u.parentId === (parent?.id ?? null)).length,
      createdAt: now,
      updatedAt: now,
    };
    units.push(row);
    return row;
  };

  // ---- 湖北省黄石市下陆区新下陆街道 (seed 003) ----
  const huangshi = unit(null, 'city', '黄石市', { divisionCode: '420200', lat: 30.2, lng: 115.04 });
  const xialu = unit(huangshi, 'district', '下陆区', { divisionCode: '420204', lat: 30.17, lng: 114.96 });
  const xinxialu = unit(xialu, 'subdistrict', '新下陆街道', {
    divisionCode: '420204003',
    lat: 30.18,
    lng: 114.95,
  });

  const communities: UnitRow[] = [];
  const grids: { grid: UnitRow; community: UnitRow }[] = [];
  const buildings: { building: UnitRow; grid: UnitRow; community: UnitRow; compound: UnitRow }[] = [];
  XINXIALU_COMMUNITIES.forEach(([name], ci) => {
    const cLat = 30.165 + (ci % 4) * 0.012;
    const cLng = 114.93 + Math.floor(ci / 4) * 0.016;
    // The community's outline: around its grids (two columns of up to three, below), corners cut.
    const [h, w, c] = [0.0035 + 0.0017 + 0.0007, 0.0025 + 0.0017 * 1.4 + 0.0008, 0.0012];
    const outline = [
      [cLng - w + c, cLat - h],
      [cLng + w - c, cLat - h],
      [cLng + w, cLat - h + c],
      [cLng + w, cLat + h - c],
      [cLng + w - c, cLat + h],
      [cLng - w + c, cLat + h],
      [cLng - w, cLat + h - c],
      [cLng - w, cLat - h + c],
    ].map(([x, y]) => [Math.round(x! * 1e6) / 1e6, Math.round(y! * 1e6) / 1e6]);
    const community = unit(xinxialu, 'community', name, {
      divisionCode: `420204003${String(ci + 1).padStart(3, '0')}`,
      lat: cLat,
      lng: cLng,
      boundary: { type: 'Polygon', coordinates: [[...outline, outline[0]!]] },
      attrs: { serviceCentre: `${name}党群服务中心`, ...URBAN_VILLAGES[name] },
    });
    communities.push(community);
    const gridCount = r.int(4, 6);
    for (let g = 0; g < gridCount; g++) {
      const gLat = cLat + (g % 3) * 0.0035 - 0.0035;
      const gLng = cLng + Math.floor(g / 3) * 0.005 - 0.0025;
      const d = 0.0017;
      const grid = unit(community, 'grid', `${name.replace('社区', '')}第${g + 1}网格`, {
        lat: gLat,
        lng: gLng,
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [gLng - d * 1.4, gLat - d],
              [gLng + d * 1.4, gLat - d],
              [gLng + d * 1.4, gLat + d],
              [gLng - d * 1.4, gLat + d],
              [gLng - d * 1.4, gLat - d],
            ],
          ],
        },
      });
      grids.push({ grid, community });
      const compound = unit(
        grid,
        'compound',
        `${r.pick(COMPOUND_WORDS)}${r.pick(['小区', '花园', '家园', '苑'])}`,
        { lat: gLat, lng: gLng },
      );
      const bCount = r.int(4, 8);
      for (let b = 0; b < bCount; b++) {
        const building = unit(compound, 'building', `${b + 1}栋`, {
          lat: gLat + (r.next() - 0.5) * 0.002,
          lng: gLng + (r.next() - 0.5) * 0.003,
          attrs: { floors: r.int(5, 18), unitsPerFloor: r.pick([2, 3, 4]) },
        });
        buildings.push({ building, grid, community, compound });
      }
    }
  });

  // ---- 浙江省舟山市: the 8 demonstration communities (seed 004) ----
  const zhoushan = unit(null, 'city', '舟山市', { divisionCode: '330900', lat: 30.0, lng: 122.2 });
  const zsDistricts = new Map<string, UnitRow>();
  const zsSubdistricts = new Map<string, UnitRow>();
  const zsCommunities: UnitRow[] = [];
  for (const z of ZHOUSHAN) {
    let district = zsDistricts.get(z.district);
    if (!district) {
      district = unit(zhoushan, 'district', z.district, {
        divisionCode: z.code,
        attrs: z.code ? {} : { functionalArea: true },
      });
      zsDistricts.set(z.district, district);
    }
    const sdKey = `${z.district}/${z.subdistrict}`;
    let sd = zsSubdistricts.get(sdKey);
    if (!sd) {
      sd = unit(district, 'subdistrict', z.subdistrict);
      zsSubdistricts.set(sdKey, sd);
    }
    const c = unit(sd, 'community', z.community, {
      attrs: { demonstration: true, demonstrationSince: 2016 },
    });
    zsCommunities.push(c);
    const grid = unit(c, 'grid', `${z.community.replace('社区', '')}第1网格`);
    grids.push({ grid, community: c });
    const compound = unit(grid, 'compound', `${z.community.replace('社区', '')}小区`);
    for (let b = 0; b < 3; b++) {
      buildings.push({
        building: unit(compound, 'building', `${b + 1}幢`, { attrs: { floors: 6 } }),
        grid,
        community: c,
        compound,
      });
    }
  }

  // ---- 福建省泉州市晋江市 (seed 000): twelve of its towns/subdistricts, a few communities and villages each
  // (real towns; the communities' names are synthetic where the seed gives none). No residents: the
  // projects demo (projects.jinjiang.seed.ts) runs the 2023 call here. Town codes are left out (unverified).
  const quanzhou = unit(null, 'city', '泉州市', { divisionCode: '350500', lat: 24.87, lng: 118.68 });
  const jinjiang = unit(quanzhou, 'district', '晋江市', {
    divisionCode: '350582',
    lat: 24.78,
    lng: 118.55,
  });
  for (const [town, places] of [
    ['青阳街道', ['青华社区', '阳光社区', '洪山社区']],
    ['梅岭街道', ['桂华社区', '岭山社区', '竹树下社区']],
    ['西园街道', ['霞浯社区', '王厝社区']],
    ['罗山街道', ['缺塘社区', '社店社区']],
    ['灵源街道', ['灵水社区', '林口社区']],
    ['新塘街道', ['湖光社区', '沙塘社区']],
    ['陈埭镇', ['江头村', '涵口村', '岸兜村']],
    ['池店镇', ['池店村', '仕春村']],
    ['安海镇', ['星塔社区', '庄头村', '后库社区']],
    ['磁灶镇', ['大埔村', '岭畔村']],
    ['英林镇', ['湖尾村', '嘉排村']],
    ['金井镇', ['围头村', '塘东村']],
  ] as const) {
    const sd = unit(jinjiang, 'subdistrict', town);
    for (const p of places) unit(sd, 'community', p);
  }

  // ---- households and residents ----
  const total = opts.residents ?? 20_000;
  const xinxialuBuildings = buildings.filter((b) => b.community.path.startsWith(xinxialu.path));
  const zsBuildings = buildings.filter((b) => !b.community.path.startsWith(xinxialu.path));
  const usedIds = new Set<string>();
  const residentRows: (typeof residents.$inferInsert)[] = [];
  const birthOf = (age: number) => {
    const y = 2026 - age;
    return `${y}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
  };
  const makePerson = (age: number, male: boolean, region: string) => {
    for (;;) {
      const seq = r.int(0, 499) * 2 + (male ? 1 : 0);
      const id = composeIdNumber(region, birthOf(age), seq);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const addHousehold = (b: (typeof buildings)[number], region: string) => {
    const floors = Number(b.building.attrs?.floors ?? 6);
    const room = `${r.int(1, 2)}单元${r.int(1, floors)}0${r.int(1, 4)}`;
    const household = unit(b.building, 'household', room);
    const surname = r.pick(SURNAMES);
    const migrant = r.chance(0.12);
    const status = migrant ? 'migrant' : r.chance(0.8) ? 'registered' : 'permanent';
    const elderlyAlone = r.chance(0.07);
    const members: { age: number; male: boolean; tags: string[] }[] = [];
    if (elderlyAlone) {
      members.push({ age: r.int(68, 92), male: r.chance(0.4), tags: ['living_alone'] });
    } else {
      const headAge = r.int(28, 80);
      const emptyNest = headAge >= 60 && r.chance(0.35);
      members.push({ age: headAge, male: true, tags: emptyNest ? ['empty_nest'] : [] });
      members.push({
        age: Math.max(22, headAge + r.int(-4, 2)),
        male: false,
        tags: emptyNest ? ['empty_nest'] : [],
      });
      if (!emptyNest) {
        const kids = headAge < 55 ? r.int(0, 2) : 0;
        const leftBehind = kids > 0 && r.chance(0.04);
        for (let k = 0; k < kids; k++)
          members.push({
            age: r.int(1, Math.min(25, headAge - 22)),
            male: r.chance(0.5),
            tags: leftBehind ? ['left_behind'] : [],
          });
        if (headAge < 50 && r.chance(0.25))
          members.push({ age: r.int(headAge + 24, 90), male: r.chance(0.5), tags: [] });
      }
    }
    for (const [i, m] of members.entries()) {
      if (r.chance(0.015)) m.tags.push('disabled');
      if (r.chance(0.005)) m.tags.push('severely_disabled');
      if (r.chance(0.025)) m.tags.push('low_income');
      const idNumber = makePerson(
        m.age,
        m.male,
        migrant ? r.pick(['420222', '421102', '420281', '360402']) : region,
      );
      const name =
        (i === 1 || !m.male ? r.pick(SURNAMES) : surname) +
        r.pick(m.male ? GIVEN_MALE : GIVEN_FEMALE) +
        (r.chance(0.6) ? r.pick(m.male ? GIVEN_MALE : GIVEN_FEMALE) : '');
      const phone =
        m.age >= 14
          ? `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`
          : null;
      const address = `${b.community.name}${b.compound.name}${b.building.name}${room}`;
      residentRows.push({
        id: deps.ids(),
        orgUnitId: household.id,
        orgPath: household.path,
        communityId: b.community.id,
        name,
        gender: genderFromIdNumber(idNumber),
        birthDate: birthDateFromIdNumber(idNumber),
        ...sealPii(deps.pii, { idNumber, phone, address }),
        room,
        registrationStatus: status,
        ...sealSpecialGroups(deps.pii, m.tags),
        notes: null,
        createdAt: now,
        updatedAt: now,
      });
    }
  };
  for (let h = 0; residentRows.length < total; h++) {
    addHousehold(r.pick(xinxialuBuildings), '420204');
    if (h % 500 === 499) await yieldToRequests(); // encryption is CPU work: let requests in
  }
  for (const b of zsBuildings)
    for (let h = 0; h < 25; h++) addHousehold(b, b.community.name === '嘉和社区' ? '330921' : '330902');

  log(`org tree: ${units.length} units`);
  await bulkInsert(db, orgUnits, units);
  log(`residents: ${residentRows.length}`);
  await bulkInsert(db, residents, residentRows);

  // ---- workers, grid workers, party, deputies, units, social organisations ----
  const workerRows: (typeof workers.$inferInsert)[] = [];
  const assignmentRows: (typeof gridAssignments.$inferInsert)[] = [];
  const person = (male = r.chance(0.45)) =>
    r.pick(SURNAMES) + r.pick(male ? GIVEN_MALE : GIVEN_FEMALE) + r.pick(male ? GIVEN_MALE : GIVEN_FEMALE);
  const phoneFields = () => {
    const p = `13${r.int(0, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
    return { phoneEnc: deps.pii.encrypt(p), phoneMask: maskPhone(p) };
  };
  const allCommunities = [...communities, ...zsCommunities];
  for (const [ci, c] of allCommunities.entries()) {
    const leader = XINXIALU_COMMUNITIES[ci];
    // A few communities fall short of the R-ORG-3 standard on purpose.
    const count = ci < communities.length ? (ci % 5 === 3 ? 1 : r.int(2, 5)) : r.int(5, 9);
    for (let w = 0; w < count; w++) {
      workerRows.push({
        id: deps.ids(),
        name: w === 0 && leader ? leader[1] : person(),
        orgUnitId: c.id,
        orgPath: c.path,
        kind: 'community_worker',
        postType:
          w === 0 && !(leader && DEPUTY_LEADERS.has(leader[1]))
            ? 'secretary_director'
            : w <= 1
              ? 'deputy'
              : w < 4
                ? 'committee_member'
                : 'general',
        grade: w === 0 ? r.int(10, 18) : r.int(1, 12),
        qualifications: r.chance(0.4) ? ['social_worker_assistant'] : r.chance(0.2) ? ['social_worker'] : [],
        ...phoneFields(),
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  const gridWorkerIds = new Map<string, string>();
  for (const [gi, { grid, community }] of grids.entries()) {
    if (gi % 11 === 7) continue; // vacancies to fill one-for-one (缺一补一)
    const id = deps.ids();
    workerRows.push({
      id,
      name: person(),
      orgUnitId: community.id,
      orgPath: grid.path,
      kind: 'grid_worker',
      grade: r.int(1, 6),
      // Seed 003: 专兼结合 — some grids are covered by part-time grid workers (not counted as staff, R-ORG-3).
      partTime: gi % 9 === 4,
      ...phoneFields(),
      createdAt: now,
      updatedAt: now,
    });
    assignmentRows.push({ id: deps.ids(), gridId: grid.id, workerId: id, createdAt: now });
    gridWorkerIds.set(grid.id, id);
  }
  await db.insert(workers).values(workerRows);
  await db.insert(gridAssignments).values(assignmentRows);

  // R-ORG-2: seed 003's five levels for 新下陆街道, seed 004's four levels for 舟山市.
  const levelRows: (typeof partyOrgLevels.$inferInsert)[] = [];
  const levels = (root: UnitRow, names: string[]) =>
    names.map((name, i) => {
      const row = { id: deps.ids(), orgUnitId: root.id, rank: i + 1, name, createdAt: now, updatedAt: now };
      levelRows.push(row);
      return row;
    });
  const xl = levels(xinxialu, ['街道大工委', '社区大党委', '小区党支部', '楼栋党小组', '党员中心户']);
  levels(zhoushan, ['街道(乡镇)党(工)委', '社区党组织', '网格党支部', '楼道党小组']);
  await db.insert(partyOrgLevels).values(levelRows);
  const partyOrgRows: (typeof partyOrgs.$inferInsert)[] = [];
  const top = {
    id: deps.ids(),
    parentId: null,
    levelId: xl[0]!.id,
    name: '新下陆街道大工委',
    orgUnitId: xinxialu.id,
    orgPath: xinxialu.path,
    secretary: '刘克涛',
    createdAt: now,
    updatedAt: now,
  };
  partyOrgRows.push(top);
  const branchOf = new Map<string, string>();
  for (const [ci, c] of communities.entries()) {
    const cp = {
      id: deps.ids(),
      parentId: top.id,
      levelId: xl[1]!.id,
      name: `${c.name}大党委`,
      orgUnitId: c.id,
      orgPath: c.path,
      secretary: DEPUTY_LEADERS.has(XINXIALU_COMMUNITIES[ci]![1]) ? null : XINXIALU_COMMUNITIES[ci]![1],
      createdAt: now,
      updatedAt: now,
    };
    partyOrgRows.push(cp);
    for (const b of xinxialuBuildings.filter((x) => x.community.id === c.id)) {
      if (branchOf.has(b.compound.id)) continue;
      const branch = {
        id: deps.ids(),
        parentId: cp.id,
        levelId: xl[2]!.id,
        name: `${b.compound.name}党支部`,
        orgUnitId: b.compound.id,
        orgPath: b.compound.path,
        secretary: person(),
        createdAt: now,
        updatedAt: now,
      };
      partyOrgRows.push(branch);
      branchOf.set(b.compound.id, branch.id);
    }
  }
  await db.insert(partyOrgs).values(partyOrgRows);
  const memberRows: (typeof partyMembers.$inferInsert)[] = [];
  const compoundOfPath = (path: string) => [...branchOf.keys()].find((id) => path.includes(`/${id}/`));
  for (const res of residentRows) {
    if (!res.birthDate || Number(res.birthDate.slice(0, 4)) > 2004 || !r.chance(0.06)) continue;
    const compoundId = compoundOfPath(res.orgPath);
    if (!compoundId) continue;
    const reporting = r.chance(0.3);
    memberRows.push({
      id: deps.ids(),
      residentId: res.id,
      name: res.name,
      partyOrgId: branchOf.get(compoundId)!,
      orgUnitId: res.orgUnitId,
      orgPath: res.orgPath,
      joinedOn: `${r.int(1975, 2022)}-07-01`,
      reporting,
      employer: reporting
        ? r.pick([
            '下陆区教育局',
            '黄石市第二医院',
            '大冶有色金属集团',
            '下陆区税务局',
            '黄石市公安局下陆分局',
            '华新水泥',
          ])
        : null,
      reportedOn: reporting ? `2023-${String(r.int(1, 12)).padStart(2, '0')}-15` : null,
      skills: reporting
        ? [r.pick(['法律咨询', '医疗保健', '水电维修', '心理疏导', '助老服务', '课业辅导'])]
        : [],
      isCentralHousehold: r.chance(0.1),
      createdAt: now,
      updatedAt: now,
    });
  }
  await bulkInsert(db, partyMembers, memberRows);

  // Deputies (代表委员): whether a man, the congress, its level and the community they are registered in.
  const deputyRows: [boolean, string, string, number][] = [
    [true, 'peoples_congress', '区', 0],
    [false, 'party_congress', '区', 1],
    [true, 'cppcc', '市', 3],
    [false, 'peoples_congress', '市', 5],
  ];
  await db.insert(deputies).values(
    deputyRows.map(([male, kind, level, c]) => ({
      id: deps.ids(),
      name: person(male),
      kind,
      level,
      orgUnitId: communities[c]!.id,
      orgPath: communities[c]!.path,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const uscc = (i: number) => {
    const first17 = `91420200${String(70_000_000 + i * 7919).slice(0, 8)}X`
      .slice(0, 17)
      .replace(/[IOSVZ]/g, '0');
    return first17 + usccCheckChar(first17);
  };
  const unitNames = [
    '下陆区实验小学',
    '黄石市第二医院下陆分院',
    '中国工商银行新下陆支行',
    '新下陆派出所',
    '大冶有色金属集团铜都物业公司',
    '华中农贸市场',
    '下陆区图书馆',
    '陆家铺社区卫生服务站',
  ];
  await db.insert(residentUnits).values(
    unitNames.map((name, i) => ({
      id: deps.ids(),
      name,
      uscc: i % 4 === 3 ? null : uscc(i + 1),
      kind: i % 4 === 3 ? 'agency' : 'enterprise',
      address: `新下陆街道${communities[i % communities.length]!.name}`,
      contactName: person(),
      orgUnitId: communities[i % communities.length]!.id,
      orgPath: communities[i % communities.length]!.path,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const orgKinds = ['志愿服务队', '文体队', '老年协会', '调解委员会', '邻里互助会', '读书会'];
  const socialRows: (typeof socialOrgs.$inferInsert)[] = [];
  for (const c of allCommunities) {
    for (let i = 0; i < r.int(1, 3); i++) {
      const field = r.pick(orgKinds);
      socialRows.push({
        id: deps.ids(),
        name: `${c.name.replace('社区', '')}${field}`,
        registration: r.chance(0.3) ? 'registered' : 'filed',
        field,
        publicWelfare: field !== '文体队',
        migrantMembers: r.chance(0.3),
        memberCount: r.int(8, 60),
        orgUnitId: c.id,
        orgPath: c.path,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  await db.insert(socialOrgs).values(socialRows);

  // ---- staff accounts ----
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: string[] = [];
  const account = (
    username: string,
    displayName: string,
    title: string | null,
    roles: { role: Role; orgUnitId: string | null }[],
  ) => insertDemoUser(db, deps.ids, now, { username, displayName, title }, roles, passwordHash);
  await account('admin', '平台管理员', null, [{ role: 'platform_admin', orgUnitId: null }]);
  logins.push('admin          platform admin');
  await account('civil', '下陆区民政局', '区民政局社区建设科', [
    { role: 'civil_affairs', orgUnitId: xialu.id },
  ]);
  logins.push('civil          district civil-affairs staff (下陆区)');
  for (const [name, username, title, role] of XINXIALU_LEADERS)
    await account(username, name, title, [{ role, orgUnitId: xinxialu.id }]);
  logins.push('liukt          subdistrict admin (刘克涛, 新下陆街道)');
  logins.push('xiangl         governance-centre dispatcher (向良)');
  for (const [ci, [, name, username]] of XINXIALU_COMMUNITIES.entries()) {
    await account(username, name, leaderTitle(communities[ci]!.name, name), [
      { role: 'community_secretary', orgUnitId: communities[ci]!.id },
    ]);
  }
  logins.push('luhx           community secretary (陆合香, 铜都社区)');
  await account('tongdu', '铜都社区工作者', '铜都社区综合岗', [
    { role: 'community_worker', orgUnitId: communities[0]!.id },
  ]);
  await account('xihuayuan', '西花苑社区工作者', '西花苑社区综合岗', [
    { role: 'community_worker', orgUnitId: communities[1]!.id },
  ]);
  logins.push('tongdu         community worker (铜都社区)');
  logins.push('xihuayuan      community worker (西花苑社区)');
  const tongduGrid = grids.find((g) => g.community.id === communities[0]!.id)!.grid;
  await account('grid1', '铜都第1网格网格员', null, [{ role: 'grid_worker', orgUnitId: tongduGrid.id }]);
  logins.push('grid1          grid worker (铜都第1网格)');
  await account('evaluator', '第三方评估机构', '舟山市社会工作评估中心', [
    { role: 'evaluator', orgUnitId: zhoushan.id },
  ]);
  logins.push('evaluator      third-party evaluator (舟山市, read-only)');
  await account('zhoushan', '舟山市民政局', '社区建设处', [
    { role: 'civil_affairs', orgUnitId: zhoushan.id },
  ]);
  logins.push('zhoushan       city civil-affairs staff (舟山市)');
  // 晋江市 (seed 000): the bureau, each town's 社会事务办 (they file the monthly reports), one secretary.
  await account('jinjiang', '晋江市民政局', '晋江市民政局基层政权和社区建设科', [
    { role: 'civil_affairs', orgUnitId: jinjiang.id },
  ]);
  logins.push('jinjiang       county-level city civil-affairs staff (晋江市)');
  for (const [username, name, town] of [
    ['qingyang', '蔡明辉', '青阳街道'],
    ['meiling', '许文彬', '梅岭街道'],
    ['xiyuan', '施雅琴', '西园街道'],
    ['luoshan', '洪志强', '罗山街道'],
    ['lingyuan', '吴晓燕', '灵源街道'],
    ['xintang', '陈国栋', '新塘街道'],
    ['chendai', '丁建华', '陈埭镇'],
    ['chidian', '王丽娟', '池店镇'],
    ['anhai', '黄清泉', '安海镇'],
    ['cizao', '张志远', '磁灶镇'],
    ['yinglin', '洪美玲', '英林镇'],
    ['jinjing', '李振南', '金井镇'],
  ] as const) {
    const sd = units.find((u) => u.parentId === jinjiang.id && u.name === town)!;
    await account(username, name, `${town}社会事务办负责人`, [
      { role: 'subdistrict_admin', orgUnitId: sd.id },
    ]);
  }
  logins.push(
    'qingyang       subdistrict admin (蔡明辉, 青阳街道; each 晋江 town has one: chendai, anhai, …)',
  );
  const qinghua = units.find((u) => u.name === '青华社区' && u.path.startsWith(jinjiang.path))!;
  await account('qinghua', '许丽华', '青华社区党委书记、居委会主任', [
    { role: 'community_secretary', orgUnitId: qinghua.id },
  ]);
  logins.push('qinghua        community secretary (许丽华, 青华社区, 青阳街道)');

  // Each part's time, wall and this process's CPU (on a busy machine the wall time says little).
  const timed = async (name: string, step: () => Promise<unknown>) => {
    await step();
    const t = performance.now();
    const cpu = process.cpuUsage(lapCpu);
    log(`(${name}: ${((t - lap) / 1000).toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
    lap = t;
    lapCpu = process.cpuUsage();
  };
  await timed('people', async () => undefined);
  await timed('work orders', () => seedDemoWorkOrders(deps, { log }));
  // Issue 4, in dependency order: volunteer profiles → ledger (merchants, rules) → lists and service orders.
  await timed('volunteers', () => seedDemoVolunteers(deps, { log, logins }));
  await timed('ledger', () => seedDemoLedger(deps, { log, logins }));
  await timed('merchants', () => seedDemoMerchants(deps, { log, logins }));
  await timed('services', () => seedDemoServices(deps, { log, logins }));
  await timed('projects', () => seedDemoProjects(deps, { log, logins }));
  await timed('disputes', () => seedDemoDisputes(deps, { log }));
  await timed('notifications', () => seedDemoNotifications(deps, { log }));
  await timed('assessments', () => seedDemoAssessments(deps, { log, logins }));
  await timed('participation', () => seedDemoParticipation(deps, { log }));
  await timed('key tasks', () => seedDemoKeyTasks(deps, { log }));
  await timed('work-item access', () => seedDemoWorkItemAccess(deps, { log }));
  await timed('certificates', () => seedDemoCertificates(deps, { log }));
  await timed('facilities', () => seedDemoFacilities(deps, { log }));
  // The 邻里驿站's host facilities (seed 000 二.2), once both the stations and the registry are loaded.
  await timed('station hosts', () => seedDemoStationHosts(deps, { log }));
  await timed('care', () => seedDemoCare(deps, { log }));
  await timed('surveys', () => seedDemoSurveys(deps, { log }));
  await timed('assessment evidence', () => seedDemoAssessmentEvidence(deps, { log }));
  await timed('scheduled reports', () => seedDemoScheduledReports(deps, { log }));
  await timed('property', () => seedDemoProperty(deps, { log }));
  await timed('self-governance', () => seedDemoSelfGovernance(deps, { log }));
  await timed('social organisations', () => seedDemoSocialOrgs(deps, { log }));
  await timed('deliberation', () => seedDemoDeliberation(deps, { log }));
  await timed('proxy acts', () => seedDemoProxy(deps, { log }));
  await timed('care gaps', () => seedDemoCareGaps(deps, { log }));
  await timed('project archive', () => seedDemoProjectArchive(deps, { log }));
  await timed('project money', () => seedDemoProjectMoney(deps, { log }));
  await timed('projects 晋江', () => seedDemoProjectsJinjiang(deps, { log }));
  await timed('project evaluation', () => seedDemoProjectEvaluation(deps, { log }));
  await timed('project milestones', () => seedDemoProjectMilestones(deps, { log }));
  await timed('doorstep projects', () => seedDemoDoorstepProjects(deps, { log, logins }));
  await timed('doorstep ratings', () => seedDemoDoorstepRatings(deps, { log }));
  await db.transaction((tx) =>
    writeAudit(
      tx,
      { clock: deps.clock, pii: deps.pii },
      {
        action: 'system.seed_demo',
        entityType: 'system',
        after: { units: units.length, residents: residentRows.length },
      },
    ),
  );
  log('done');
  return { logins: logins.map((l) => `${l}`), units: units.length, residents: residentRows.length };
}
