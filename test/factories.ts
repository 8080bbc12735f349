import { eq } from 'drizzle-orm';
import type { IntakeBody } from '../src/shared/contracts/workOrders';
import { ALLOWED_CHILDREN, type OrgKind } from '../src/shared/orgKinds';
import { users } from '../src/server/modules/accounts/accounts.table';
import { intake } from '../src/server/modules/work-orders/work-orders.api';
import { loadActor } from '../src/server/platform/auth';
import type { Actor } from '../src/server/platform/permissions';
import type { ActorCtx, AppDeps } from '../src/server/platform/context';
import { insertUnit, type OrgUnitRow } from '../src/server/modules/org/org.repository';
import { orgUnits } from '../src/server/modules/org/org.table';
import { residents } from '../src/server/modules/residents/residents.table';
import { sealPii, sealSpecialGroups } from '../src/server/modules/residents/residents.usecases';
import type { Role } from '../src/shared/permissions';
import { birthDateFromIdNumber, composeIdNumber, genderFromIdNumber } from '../src/shared/validation/codes';

export interface Fixture {
  city: OrgUnitRow;
  district: OrgUnitRow;
  subdistrict: OrgUnitRow;
  tongdu: OrgUnitRow;
  tongduGrid: OrgUnitRow;
  tongduBuilding: OrgUnitRow;
  xihuayuan: OrgUnitRow;
  xihuayuanGrid: OrgUnitRow;
  xihuayuanBuilding: OrgUnitRow;
}

/**
 * A small slice of seed 003's jurisdiction, and one user per role:
 * admin (platform), sd_admin (新下陆街道), tongdu_worker / xhy_worker (community workers), grid_worker (铜都 grid 1).
 */
export async function buildFixture(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids'>,
  createUser: (username: string, roles: { role: Role; orgUnitId: string | null }[]) => Promise<string>,
): Promise<Fixture> {
  const city = await insertUnit(deps, null, { kind: 'city', name: '黄石市', divisionCode: '420200' });
  const district = await insertUnit(deps, city, { kind: 'district', name: '下陆区', divisionCode: '420204' });
  const subdistrict = await insertUnit(deps, district, {
    kind: 'subdistrict',
    name: '新下陆街道',
    divisionCode: '420204003',
  });
  const tongdu = await insertUnit(deps, subdistrict, {
    kind: 'community',
    name: '铜都社区',
    divisionCode: '420204003001',
  });
  const tongduGrid = await insertUnit(deps, tongdu, { kind: 'grid', name: '铜都第一网格' });
  const tongduBuilding = await insertUnit(deps, tongduGrid, { kind: 'building', name: '1栋' });
  const xihuayuan = await insertUnit(deps, subdistrict, {
    kind: 'community',
    name: '西花苑社区',
    divisionCode: '420204003002',
  });
  const xihuayuanGrid = await insertUnit(deps, xihuayuan, { kind: 'grid', name: '西花苑第一网格' });
  const xihuayuanBuilding = await insertUnit(deps, xihuayuanGrid, { kind: 'building', name: '5栋' });
  await createUser('admin', [{ role: 'platform_admin', orgUnitId: null }]);
  await createUser('sd_admin', [{ role: 'subdistrict_admin', orgUnitId: subdistrict.id }]);
  await createUser('tongdu_worker', [{ role: 'community_worker', orgUnitId: tongdu.id }]);
  await createUser('xhy_worker', [{ role: 'community_worker', orgUnitId: xihuayuan.id }]);
  await createUser('grid_worker', [{ role: 'grid_worker', orgUnitId: tongduGrid.id }]);
  await createUser('evaluator', [{ role: 'evaluator', orgUnitId: subdistrict.id }]);
  return {
    city,
    district,
    subdistrict,
    tongdu,
    tongduGrid,
    tongduBuilding,
    xihuayuan,
    xihuayuanGrid,
    xihuayuanBuilding,
  };
}

/** The fixture `buildFixture` wrote into the test template, read back by the units' names. */
export async function loadFixture(db: AppDeps['db']): Promise<Fixture> {
  const rows = await db.select().from(orgUnits);
  const byName = (name: string) => {
    const row = rows.find((r) => r.name === name);
    if (!row) throw new Error(`fixture unit ${name} missing from the test template`);
    return row;
  };
  return {
    city: byName('黄石市'),
    district: byName('下陆区'),
    subdistrict: byName('新下陆街道'),
    tongdu: byName('铜都社区'),
    tongduGrid: byName('铜都第一网格'),
    tongduBuilding: byName('1栋'),
    xihuayuan: byName('西花苑社区'),
    xihuayuanGrid: byName('西花苑第一网格'),
    xihuayuanBuilding: byName('5栋'),
  };
}

let seq = 0;
/** A valid, unique identity number (R-LAW-CD-2); the birth year moves on every 1,000 numbers. */
export function nextIdNumber(birth?: string): string {
  seq++;
  const date = birth ?? `${1940 + (Math.floor(seq / 1000) % 60)}0101`;
  return composeIdNumber('420204', date, seq % 1000);
}

/** Inserts a resident directly (personal data sealed as the app does). */
export async function buildResident(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  unit: OrgUnitRow,
  community: OrgUnitRow,
  overrides: Partial<{
    name: string;
    idNumber: string;
    phone: string;
    address: string;
    tags: string[];
    registrationStatus: string;
  }> = {},
) {
  const idNumber = overrides.idNumber ?? nextIdNumber();
  const now = deps.clock.now();
  const [row] = await deps.db
    .insert(residents)
    .values({
      id: deps.ids(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      communityId: community.id,
      name: overrides.name ?? '张三',
      gender: genderFromIdNumber(idNumber),
      birthDate: birthDateFromIdNumber(idNumber),
      ...sealPii(deps.pii, { idNumber, phone: overrides.phone ?? null, address: overrides.address ?? null }),
      registrationStatus: overrides.registrationStatus ?? 'registered',
      ...sealSpecialGroups(deps.pii, overrides.tags ?? []),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

type Deps = Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>;

let unitSeq = 0;
/**
 * A new unit of `kind` somewhere under `parent`, creating the levels in between (a building under a
 * community gets a new grid first), each named after its kind and a counter.
 */
export async function buildUnit(
  deps: Deps,
  parent: OrgUnitRow,
  kind: OrgKind,
  name?: string,
): Promise<OrgUnitRow> {
  const chain = shortestChain(parent.kind as OrgKind, kind);
  if (!chain) throw new Error(`no ${kind} can sit under a ${parent.kind}`);
  let unit = parent;
  for (const [i, k] of chain.entries())
    unit = await insertUnit(deps, unit, {
      kind: k,
      name: (i === chain.length - 1 && name) || `${k}-${++unitSeq}`,
    });
  return unit;
}

/** The kinds from just below `from` down to `to`, by the fewest levels (e.g. grid → building, not via compound). */
function shortestChain(from: OrgKind, to: OrgKind): OrgKind[] | null {
  const queue: OrgKind[][] = ALLOWED_CHILDREN[from].map((k) => [k]);
  for (let chain = queue.shift(); chain; chain = queue.shift()) {
    const last = chain.at(-1)!;
    if (last === to) return chain;
    for (const k of ALLOWED_CHILDREN[last]) queue.push([...chain, k]);
  }
  return null;
}

/** The use-case context of a test user (the fixture's usernames: admin, sd_admin, tongdu_worker…). */
export async function actorCtxFor(deps: Deps, username: string): Promise<ActorCtx> {
  const [user] = await deps.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  const actor = user && (await loadActor(deps.db, user.id));
  if (!actor) throw new Error(`test user ${username} missing`);
  return { ...deps, actor, requestId: `test-${username}` };
}

/**
 * A work order taken in by a staff member (`by`, default the subdistrict admin) through the intake use case,
 * so it is routed, timed and audited as in the app. Without a building it gets a new one (and a new grid) in
 * `community` (default 铜都社区), so each order can have a territory of its own.
 */
export async function buildWorkOrder(
  deps: Deps,
  fx: Fixture,
  o: Partial<IntakeBody> & { community?: OrgUnitRow; building?: OrgUnitRow; by?: string } = {},
) {
  const { community, building, by, ...body } = o;
  const place = building ?? (await buildUnit(deps, community ?? fx.tongdu, 'building'));
  const ctx = await actorCtxFor(deps, by ?? 'sd_admin');
  return intake(
    ctx,
    {
      kind: 'report',
      categoryCode: 'street_lamp',
      description: '路灯不亮，晚上出行不便',
      buildingId: place.id,
      requesterName: '王秀英',
      requesterPhone: '13800138000',
      attachmentIds: [],
      ...body,
    },
    { channel: body.channel ?? 'hotline' },
  );
}

/** An actor holding one role at the unit with `orgPath`, for policy tests that need no database. */
export function actorAt(role: Role, orgPath: string, userId = 'u'): Actor {
  return {
    userId,
    username: userId,
    displayName: userId,
    locale: 'zh-CN',
    assignments: [{ role, orgUnitId: 'x', orgPath, orgUnitName: null }],
  };
}
