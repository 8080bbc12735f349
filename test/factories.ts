import type { AppDeps } from '../src/server/platform/context';
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
