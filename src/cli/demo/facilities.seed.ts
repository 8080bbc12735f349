import { and, eq } from 'drizzle-orm';
import { createFacility } from '../../server/modules/facilities/facilities.usecases';
import { orgUnits } from '../../server/modules/org/org.table';
import type { FacilityBody } from '../../shared/contracts/facilities';
import { type DemoSeedDeps, demoUserCtx, xinxialuCommunities } from './seedContext';

/** Degrees of latitude / longitude per metre near 30° N. */
const LAT_M = 1 / 111_195;
const lngM = (lat: number) => 1 / (111_195 * Math.cos((lat * Math.PI) / 180));

/**
 * Zhoushan's 8 demonstration communities (seed 004) have no point in the base demo: approximate centres
 * of their towns, so the coverage page can compute distances there too.
 */
const ZHOUSHAN_POINTS: Record<string, [number, number]> = {
  北园社区: [30.0205, 122.1022],
  桔南社区: [30.0148, 122.1187],
  大蒲湾社区: [29.9542, 122.3011],
  莲安社区: [29.9428, 122.3147],
  嘉和社区: [30.2452, 122.2045],
  东海社区: [30.7248, 122.4551],
  星岛社区: [30.0036, 122.2035],
  莲花社区: [29.8914, 122.3933],
};

/** The facilities every community has near its point: kind, name suffix, metres north, metres east, extras. */
const COMMON: [string, string, number, number, Partial<FacilityBody>][] = [
  ['neighbour_station', '邻里驿站', 120, -80, { hours: '每日 8:30—20:30', staffCount: 2, areaM2: 90 }],
  ['council_room', '居民议事厅', 20, 30, { hours: '周一至周五 9:00—17:00', areaM2: 60 }],
  ['civilisation_station', '新时代文明实践站', 30, 10, { areaM2: 80 }],
  ['volunteer_station', '志愿服务站', 60, 40, { staffCount: 1 }],
  ['health_station', '社区卫生服务站', 380, 250, { hours: '每日 8:00—17:30', operator: '下陆区人民医院' }],
  ['fitness', '全民健身广场', -260, 330, { areaM2: 1500 }],
  ['culture_room', '文化活动室', 40, -20, { areaM2: 120 }],
  [
    'market',
    '便民菜市场',
    -420,
    -180,
    { operatorKind: 'company', operator: '新下陆农贸市场有限公司', operationMode: 'asset_rights' },
  ],
  ['bus_stop', '公交站', 300, -500, {}],
  ['parcel_station', '快递驿站', -150, 220, { operatorKind: 'company', operator: '菜鸟驿站' }],
  ['property_office', '物业服务中心', -90, 140, { operatorKind: 'company' }],
  ['police_room', '社区警务室', 10, 60, { operatorKind: 'government', operator: '新下陆派出所' }],
];

/**
 * Demo facilities (issue 16 §1): every community's party-mass service centre and the stations of seeds
 * 000 and 003 around it; the subdistrict's own centre, elderly-care complex, gig-work station and minors'
 * protection centre; the two urban villages of the base demo — 陆家铺 (centre 1,350 m away, sub-station with
 * 2 workers, a canteen) and 大塘 (centre 1,800 m away, no sub-station, no elderly care: flagged, R-ORG-5/6);
 * Zhoushan's 8 demonstration communities with a centre and a few stations each.
 */
export async function seedDemoFacilities(
  deps: DemoSeedDeps,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db } = deps;
  const ctxOf = (username: string) => demoUserCtx(deps, username);
  const admin = await ctxOf('admin');
  if (!admin) return;
  let n = 0;
  const add = async (
    unitId: string,
    body: Omit<FacilityBody, 'orgUnitId' | 'staffCount' | 'status'> & Partial<FacilityBody>,
  ) => {
    await createFacility(admin, { staffCount: 0, status: 'in_use', ...body, orgUnitId: unitId });
    n++;
  };
  const at = (lat: number, lng: number, north: number, east: number) => ({
    lat: Math.round((lat + north * LAT_M) * 1e6) / 1e6,
    lng: Math.round((lng + east * lngM(lat)) * 1e6) / 1e6,
  });

  // ---- 新下陆街道 (seed 003)
  const demo = await xinxialuCommunities(db);
  const sd = demo?.sd;
  if (sd?.lat != null && sd.lng != null) {
    const p = (north: number, east: number) => at(sd.lat!, sd.lng!, north, east);
    await add(sd.id, {
      kind: 'party_mass_centre',
      name: '新下陆街道党群服务中心',
      address: '新下陆大道88号',
      ...p(0, 0),
      areaM2: 1800,
      officeAreaM2: 420,
      hours: '周一至周日 8:30—17:30',
      operator: '新下陆街道党工委',
      operatorKind: 'government',
      staffCount: 12,
    });
    await add(sd.id, {
      kind: 'elderly_complex',
      name: '新下陆街道养老综合体',
      ...p(350, 420),
      areaM2: 2600,
      beds: 80,
      operator: '黄石市颐康养老服务中心',
      operatorKind: 'social_org',
      staffCount: 18,
      hours: '24小时',
      // Seed 003 五.2 (S003-61): built and run with social capital.
      operationMode: 'ppp',
      contractStartOn: '2023-07-01',
      contractEndOn: '2038-06-30',
      yearlyFeeFen: 120_000_000,
    });
    await add(sd.id, {
      kind: 'gig_station',
      name: '新下陆零工驿站',
      ...p(-200, 150),
      areaM2: 120,
      hours: '每日 6:30—18:00',
      operator: '下陆区人社局',
      operatorKind: 'government',
      staffCount: 2,
    });
    await add(sd.id, {
      kind: 'minor_protection',
      name: '新下陆街道未成年人保护工作站',
      ...p(80, -60),
      areaM2: 150,
      operatorKind: 'government',
    });
    await add(sd.id, {
      kind: 'social_work_station',
      name: '新下陆街道社工站',
      ...p(40, 60),
      areaM2: 200,
      operator: '黄石市同心社会工作服务中心',
      operatorKind: 'social_org',
      staffCount: 4,
      operationMode: 'government_purchase',
      contractStartOn: '2026-01-01',
      contractEndOn: '2026-12-31',
      yearlyFeeFen: 36_000_000,
    });
    await add(sd.id, { kind: 'workers_home', name: '新下陆街道职工之家', ...p(30, 80), areaM2: 160 });
    await add(sd.id, { kind: 'women_home', name: '新下陆街道妇女之家', ...p(50, 90), areaM2: 90 });
    await add(sd.id, { kind: 'youth_home', name: '新下陆街道青年之家', ...p(60, 100), areaM2: 110 });
  }
  const communities = demo?.communities ?? [];
  for (const [ci, c] of communities.entries()) {
    if (c.lat == null || c.lng == null) continue;
    const p = (north: number, east: number) => at(c.lat!, c.lng!, north, east);
    const short = c.name.replace(/社区$/, '');
    // The urban villages: their centre sits in the old town, far from the village (R-ORG-5).
    const centreAt = c.name === '陆家铺社区' ? p(1350, 0) : c.name === '大塘社区' ? p(0, 1800) : p(0, 0);
    await add(c.id, {
      kind: 'party_mass_centre',
      name: `${c.name}党群服务中心`,
      ...centreAt,
      areaM2: 600 + (ci % 4) * 100,
      officeAreaM2: 120,
      hours: '周一至周日 8:30—17:30（节假日值班）',
      operator: `${c.name}居委会`,
      operatorKind: 'community',
      staffCount: 6 + (ci % 3),
    });
    for (const [i, [kind, suffix, north, east, extra]] of COMMON.entries()) {
      // Not every community has everything: the life circle shows the gaps.
      if ((ci + i) % 5 === 4) continue;
      // Council rooms built in seed 003's lab period (2023-09 to 2025-08, S003-25) in two of every three.
      const built =
        kind === 'council_room' && ci % 3 !== 2 ? { builtOn: ci % 2 ? '2024-05-20' : '2025-04-18' } : {};
      await add(c.id, { kind, name: `${short}${suffix}`, ...p(north, east), ...extra, ...built });
    }
    if (ci % 3 === 0)
      await add(c.id, {
        kind: 'happiness_canteen',
        name: `${short}幸福食堂`,
        ...p(150, 60),
        areaM2: 180,
        hours: '每日 11:00—13:00，17:00—18:30',
        operator: '爱心餐饮服务社',
        operatorKind: 'social_org',
        staffCount: 4,
        operationMode: 'paid_use',
        contractStartOn: '2025-03-01',
        contractEndOn: '2028-02-29',
        yearlyFeeFen: 1_200_000,
      });
    if (ci % 4 === 1) await add(c.id, { kind: 'kindergarten', name: `${short}幼儿园`, ...p(-300, 200) });
    if (ci % 4 === 2)
      await add(c.id, {
        kind: 'nursery',
        name: `${short}托育中心`,
        ...p(220, -260),
        operatorKind: 'company',
        operationMode: 'paid_use',
        contractStartOn: '2025-09-01',
        contractEndOn: '2030-08-31',
        yearlyFeeFen: 4_800_000,
      });
    if (ci % 6 === 0) await add(c.id, { kind: 'red_station', name: `${short}红色驿站`, ...p(90, 120) });
    if (c.name === '陆家铺社区') {
      await add(c.id, {
        kind: 'service_sub_station',
        name: '陆家铺综合服务分站',
        ...p(0, 0),
        areaM2: 140,
        hours: '周一至周六 8:30—17:30',
        operatorKind: 'community',
        staffCount: 2,
        note: '距社区党群服务中心约1.35公里，2名网格员轮值',
      });
      await add(c.id, {
        kind: 'elderly_day_care',
        name: '陆家铺老年人日间照料中心',
        ...p(60, -40),
        areaM2: 320,
        beds: 12,
        staffCount: 3,
        operatorKind: 'social_org',
      });
    }
    // Grid party activity venues (seed 003: at least 10 a year), one per community this year.
    await add(c.id, {
      kind: 'grid_party_venue',
      name: `${short}小区网格党支部活动阵地`,
      ...p(-60, -60),
      builtOn: '2026-03-15',
      areaM2: 45,
    });
  }
  // Seed 001's 四同步: a new estate's service rooms, planned and built, not yet accepted or handed over.
  const tongdu = communities.find((c) => c.name === '铜都社区');
  if (tongdu?.lat != null && tongdu.lng != null)
    await add(tongdu.id, {
      kind: 'service_room',
      name: '铜都新城小区社区服务用房（含养老服务用房）',
      ...at(tongdu.lat, tongdu.lng, -500, 500),
      status: 'building',
      areaM2: 450,
      plannedOn: '2025-04-01',
      builtOn: '2026-09-30',
      note: '开发商无偿提供，验收、移交须与住宅交付同步',
    });

  // ---- 舟山 (seed 004)
  const zs = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'community')));
  for (const c of zs) {
    const pt = ZHOUSHAN_POINTS[c.name];
    if (!pt) continue;
    if (c.lat == null) await db.update(orgUnits).set({ lat: pt[0], lng: pt[1] }).where(eq(orgUnits.id, c.id));
    const p = (north: number, east: number) => at(pt[0], pt[1], north, east);
    const short = c.name.replace(/社区$/, '');
    await add(c.id, {
      kind: 'party_mass_centre',
      name: `${c.name}党群服务中心`,
      ...p(0, 0),
      areaM2: 800,
      officeAreaM2: 150,
      hours: '周一至周日 8:30—17:00',
      operatorKind: 'community',
      staffCount: 7,
    });
    await add(c.id, { kind: 'neighbour_station', name: `${short}睦邻中心`, ...p(150, 100), areaM2: 300 });
    await add(c.id, {
      kind: 'city_study',
      name: `${short}城市书房`,
      ...p(-200, 180),
      hours: '每日 9:00—21:00',
    });
    await add(c.id, { kind: 'culture_hall', name: `${short}文化礼堂`, ...p(260, -140) });
    await add(c.id, {
      kind: 'elderly_day_care',
      name: `${short}居家养老服务照料中心`,
      ...p(90, 40),
      staffCount: 3,
    });
    await add(c.id, { kind: 'health_station', name: `${short}社区卫生服务站`, ...p(-320, -220) });
  }
  opts.log(`facilities: ${n}`);
}
