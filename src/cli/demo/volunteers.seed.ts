import { and, asc, eq, inArray, like, lte, sql } from 'drizzle-orm';
import { creditService } from '../../server/modules/ledger/ledger.credit';
import { orgUnits } from '../../server/modules/org/org.table';
import { partyMembers } from '../../server/modules/people/people.table';
import { residents } from '../../server/modules/residents/residents.table';
import {
  volunteerActivities,
  volunteerAttendance,
  volunteerCommunityFlags,
  volunteerHours,
  volunteerSignups,
  volunteerTeamMembers,
  volunteerTeams,
  volunteers,
} from '../../server/modules/volunteers/volunteers.table';
import type { ActivityTheme } from '../../shared/contracts/volunteers';
import type { AppDeps, UseCaseCtx } from '../../server/platform/context';
import { maskPhone } from '../../server/platform/crypto';
import { yieldToRequests } from './bulk';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './names';
import { insertDemoLogin } from './demoLogin';
import { xinxialuCommunities } from './seedContext';
import { demoDraws } from './demoDraws';

const SKILLS = [
  '助老服务',
  '水电维修',
  '理发',
  '医疗保健',
  '法律咨询',
  '心理疏导',
  '课业辅导',
  '环境清洁',
  '文艺演出',
  '急救',
];
const UNI_SKILLS = ['课业辅导', '文艺演出', '环境清洁', '助老服务', '急救', '电脑维修'];
/** Past activities: [title, type, place, campaign theme (seed 000: 邻里亲 … 邻里守望) or none]. */
const PAST: [string, string, string, ActivityTheme | null][] = [
  ['关爱独居老人上门探访', 'elderly_care', '党群服务中心', 'closeness'],
  ['小区环境大扫除', 'environment', '广场', 'beauty'],
  ['邻里互助便民维修', 'neighbour_help', '党群服务中心', 'help'],
  ['防汛应急演练', 'emergency', '广场', 'watch'],
  ['重阳节文艺汇演', 'culture', '文化活动室', 'joy'],
  ['垃圾分类宣传', 'environment', '小区门口', null],
  ['老年人智能手机课堂', 'elderly_care', '文化活动室', 'help'],
  ['楼道邻里纠纷调解茶话会', 'neighbour_help', '党群服务中心', 'harmony'],
];

/** A small deterministic generator so reseeding gives the same demo. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return demoDraws(next);
}

const DAY = 86_400_000;
/** The instant of hh:mm China time on the China day `daysAgo` before `now`. */
function chinaAt(now: Date, daysAgo: number, hh: number, mm = 0): Date {
  const day = new Date(now.getTime() + 8 * 3_600_000 - daysAgo * DAY).toISOString().slice(0, 10);
  return new Date(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);
}

/**
 * Demo data of the volunteers module, for 新下陆街道's communities: profiles from residents and from
 * reporting party members, partner-university volunteers (22 in 铜都社区, 8 in 西花苑社区 — both marked
 * demonstration communities, so R-ORG-4 flags 西花苑), an emergency team per community, a year of past
 * activities with confirmed hours credited to the ledger through creditService, upcoming activities
 * (one under way today) and the volunteer login `zhiyuan` (a reporting party member of 铜都社区).
 */
export async function seedDemoVolunteers(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void; logins: string[] },
): Promise<void> {
  const { db, ids, pii } = deps;
  const ctx: UseCaseCtx = { ...deps };
  const now = deps.clock.now();
  const r = rng(20261123);
  const xinxialu = await xinxialuCommunities(db);
  if (!xinxialu) return;
  const { sd, communities } = xinxialu;
  if (communities.length === 0) return;
  const gridRows = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'grid'), like(orgUnits.path, `${sd.path}%`)));
  const gridOfPath = (path: string) => gridRows.find((g) => path.startsWith(g.path));
  const person = () => `${r.pick(SURNAMES)}${r.chance(0.5) ? r.pick(GIVEN_MALE) : r.pick(GIVEN_FEMALE)}`;
  const availability = () => ({
    weekdays: [1, 2, 3, 4, 5, 6, 7].filter(() => r.chance(0.4)),
    slots: (['morning', 'afternoon', 'evening'] as const).filter(() => r.chance(0.5)),
  });

  type VRow = typeof volunteers.$inferInsert;
  const vRows: VRow[] = [];
  const byCommunity = new Map<string, VRow[]>();
  const add = (row: VRow) => {
    vRows.push(row);
    byCommunity.set(row.communityId, [...(byCommunity.get(row.communityId) ?? []), row]);
  };
  const base = { createdAt: now, updatedAt: now, status: 'active' as const, version: 1 };

  for (const [ci, c] of communities.entries()) {
    /** Where a profile of someone living at `path` belongs: their grid, else the community itself. */
    const placedAt = (path: string) => {
      const grid = gridOfPath(path);
      return {
        orgUnitId: grid?.id ?? c.id,
        orgPath: grid?.path ?? c.path,
        communityId: c.id,
        gridId: grid?.id ?? null,
      };
    };
    // Reporting party members (在职党员到社区报到) get a profile.
    const members = await db
      .select()
      .from(partyMembers)
      .where(and(eq(partyMembers.reporting, true), like(partyMembers.orgPath, `${c.path}%`)))
      .orderBy(asc(partyMembers.name))
      .limit(10);
    const memberResidentIds = new Set(members.map((m) => m.residentId).filter(Boolean));
    const memberResidents = members.length
      ? await db
          .select()
          .from(residents)
          .where(
            inArray(
              residents.id,
              members.map((m) => m.residentId).filter((x): x is string => !!x),
            ),
          )
      : [];
    for (const m of members) {
      const res = memberResidents.find((x) => x.id === m.residentId);
      add({
        id: ids(),
        residentId: m.residentId,
        partyMemberId: m.id,
        name: m.name,
        phoneEnc: res?.phoneEnc ?? null,
        phoneHash: res?.phoneHash ?? null,
        phoneMask: res?.phoneMask ?? null,
        skills: m.skills.length ? m.skills : [r.pick(SKILLS)],
        availability: availability(),
        kind: 'party_member',
        ...placedAt(m.orgPath),
        notes: m.employer ? `报到单位：${m.employer}` : null,
        ...base,
      });
    }
    // Residents who volunteer.
    const adults = await db
      .select()
      .from(residents)
      .where(and(eq(residents.communityId, c.id), lte(residents.birthDate, '2006-01-01')))
      .orderBy(asc(residents.id))
      .limit(ci < 2 ? 40 : 20);
    const picked = adults.filter((x) => !memberResidentIds.has(x.id)).slice(0, ci < 2 ? 14 : 6);
    for (const res of picked) {
      add({
        id: ids(),
        residentId: res.id,
        name: res.name,
        phoneEnc: res.phoneEnc,
        phoneHash: res.phoneHash,
        phoneMask: res.phoneMask,
        skills: [...new Set([r.pick(SKILLS), r.pick(SKILLS)])],
        availability: availability(),
        kind: 'resident',
        ...placedAt(res.orgPath),
        ...base,
      });
    }
    // Partner-university volunteers (R-ORG-4): 22 in 铜都, 8 in 西花苑, a few elsewhere.
    const uni =
      ci === 0 ? '湖北师范大学' : ci === 1 ? '湖北理工学院' : r.pick(['湖北师范大学', '湖北理工学院']);
    const uniCount = ci === 0 ? 22 : ci === 1 ? 8 : r.int(0, 3);
    for (let i = 0; i < uniCount; i++) {
      const phone = `1${r.pick(['37', '58', '86', '99'])}${String(r.int(10000000, 99999999))}`;
      add({
        id: ids(),
        name: person(),
        phoneEnc: pii.encrypt(phone),
        phoneHash: pii.blindIndex('phone', phone),
        phoneMask: maskPhone(phone),
        skills: [r.pick(UNI_SKILLS)],
        availability: { weekdays: [6, 7], slots: ['morning', 'afternoon'] },
        kind: 'university',
        university: uni,
        orgUnitId: c.id,
        orgPath: c.path,
        communityId: c.id,
        gridId: null,
        ...base,
      });
    }
  }

  // The volunteer login `zhiyuan`: a reporting party member of 铜都社区.
  const tongdu = communities[0]!;
  let zhiyuanProfile = byCommunity.get(tongdu.id)?.find((v) => v.kind === 'party_member');
  if (!zhiyuanProfile) {
    const [res] = await db
      .select()
      .from(residents)
      .where(and(eq(residents.communityId, tongdu.id), lte(residents.birthDate, '1995-01-01')))
      .orderBy(asc(residents.name))
      .limit(1);
    const pmId = ids();
    await db.insert(partyMembers).values({
      id: pmId,
      residentId: res?.id ?? null,
      name: res?.name ?? '周志远',
      orgUnitId: res?.orgUnitId ?? tongdu.id,
      orgPath: res?.orgPath ?? tongdu.path,
      reporting: true,
      employer: '下陆区教育局',
      reportedOn: '2024-03-15',
      skills: ['课业辅导', '助老服务'],
      createdAt: now,
      updatedAt: now,
    });
    zhiyuanProfile = {
      id: ids(),
      residentId: res?.id ?? null,
      partyMemberId: pmId,
      name: res?.name ?? '周志远',
      phoneEnc: res?.phoneEnc ?? null,
      phoneHash: res?.phoneHash ?? null,
      phoneMask: res?.phoneMask ?? null,
      skills: ['课业辅导', '助老服务'],
      availability: { weekdays: [6, 7], slots: ['morning'] },
      kind: 'party_member',
      orgUnitId: tongdu.id,
      orgPath: tongdu.path,
      communityId: tongdu.id,
      gridId: null,
      notes: '报到单位：下陆区教育局',
      ...base,
    };
    add(zhiyuanProfile);
  }
  const userId = await insertDemoLogin(db, ids, now, {
    username: 'zhiyuan',
    displayName: zhiyuanProfile.name,
    title: '在职党员(铜都社区报到)',
    role: 'volunteer',
    orgUnitId: tongdu.id,
  });
  zhiyuanProfile.userId = userId;
  for (let i = 0; i < vRows.length; i += 500) await db.insert(volunteers).values(vRows.slice(i, i + 500));
  opts.logins.push(
    'zhiyuan        volunteer, reporting party member (铜都社区): /m/activities, /m/hours, /m/certificate',
  );

  // Demonstration communities (R-ORG-4): 铜都 (22 university volunteers) and 西花苑 (8: flagged).
  await db.insert(volunteerCommunityFlags).values([
    {
      orgUnitId: tongdu.id,
      orgPath: tongdu.path,
      demonstration: true,
      partnerUniversities: ['湖北师范大学'],
      updatedAt: now,
    },
    ...(communities[1]
      ? [
          {
            orgUnitId: communities[1].id,
            orgPath: communities[1].path,
            demonstration: true,
            partnerUniversities: ['湖北理工学院'],
            updatedAt: now,
          },
        ]
      : []),
  ]);

  // Teams: an emergency team per community (seed 000), a party-member team and a university team in 铜都.
  const teamRows: (typeof volunteerTeams.$inferInsert)[] = [];
  const memberRows: (typeof volunteerTeamMembers.$inferInsert)[] = [];
  const team = (
    c: (typeof communities)[number],
    name: string,
    kind: string,
    members: VRow[],
    description: string,
  ) => {
    if (members.length === 0) return;
    const id = ids();
    teamRows.push({
      id,
      name,
      kind,
      orgUnitId: c.id,
      orgPath: c.path,
      communityId: c.id,
      leaderVolunteerId: members[0]!.id,
      description,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    for (const [i, m] of members.entries())
      memberRows.push({
        id: ids(),
        teamId: id,
        volunteerId: m.id,
        role: i === 0 ? 'leader' : 'member',
        joinedAt: now,
      });
  };
  for (const c of communities) {
    const vs = byCommunity.get(c.id) ?? [];
    // Party members and residents side by side, the first party member leading.
    const party = vs.filter((v) => v.kind === 'party_member');
    const res = vs.filter((v) => v.kind === 'resident');
    const local = [...party.slice(0, 4), ...res.slice(0, 8 - Math.min(4, party.length))];
    team(
      c,
      `${c.name}应急志愿服务队`,
      'emergency',
      local,
      '防汛、消防、突发事件先期处置与群众转移(R-SV-3 临时救助就地开展)',
    );
  }
  const tdVols = byCommunity.get(tongdu.id) ?? [];
  team(
    tongdu,
    '铜都社区在职党员志愿服务队',
    'party_member',
    tdVols.filter((v) => v.kind === 'party_member'),
    '在职党员到社区报到，认领服务项目',
  );
  team(
    tongdu,
    '湖北师范大学青年志愿者服务队',
    'university',
    tdVols.filter((v) => v.kind === 'university'),
    '校地共建，周末课业辅导与助老服务',
  );
  await db.insert(volunteerTeams).values(teamRows);
  for (let i = 0; i < memberRows.length; i += 500)
    await db.insert(volunteerTeamMembers).values(memberRows.slice(i, i + 500));

  // Past activities with confirmed hours (R-LAW-VL-1), credited to the ledger; a core group in 铜都
  // served every week for a year (star levels, R-LAW-VL-2).
  let activities = 0;
  let entries = 0;
  const activeCommunities = communities;
  for (const [ci, c] of activeCommunities.entries()) {
    const vs = byCommunity.get(c.id) ?? [];
    if (vs.length === 0) continue;
    const core =
      ci === 0 ? [zhiyuanProfile, ...vs.filter((v) => v !== zhiyuanProfile).slice(0, 5)] : vs.slice(0, 3);
    const weeks = ci === 0 ? 52 : ci === 1 ? 26 : ci < 4 ? 8 : 3;
    for (let w = weeks; w >= 1; w--) {
      const [title, type, place, theme] = PAST[(w + ci) % PAST.length]!;
      const startsAt = chinaAt(now, w * 7 - ci, 8, 30);
      const hours = ci === 0 ? r.int(3, 4) : r.int(2, 4);
      const endsAt = new Date(startsAt.getTime() + hours * 3_600_000);
      const others = vs.filter((v) => !core.includes(v) && r.chance(0.25)).slice(0, 6);
      const attendees = [...core, ...others];
      const activityId = ids();
      await db.transaction(async (tx) => {
        await tx.insert(volunteerActivities).values({
          id: activityId,
          title,
          type,
          theme,
          description: `${c.name}组织的${title}活动。`,
          orgUnitId: c.id,
          orgPath: c.path,
          communityId: c.id,
          place: `${c.name}${place}`,
          lat: c.lat,
          lng: c.lng,
          radiusM: 300,
          startsAt,
          endsAt,
          signupLimit: Math.max(attendees.length, 20),
          signupCount: attendees.length,
          status: 'open',
          organiserName: `${c.name}工作人员`,
          createdAt: new Date(startsAt.getTime() - 7 * DAY),
          updatedAt: endsAt,
        });
        // The rows of all attendees in three statements, then one ledger credit each (creditService reads
        // only the ledger tables, so the order is the same as row by row).
        const rows = attendees.map((v) => {
          const inAt = new Date(startsAt.getTime() + r.int(0, 10) * 60_000);
          const outAt = new Date(endsAt.getTime() - r.int(0, 15) * 60_000);
          return {
            v,
            attId: ids(),
            inAt,
            outAt,
            minutes: Math.floor((outAt.getTime() - inAt.getTime()) / 60_000),
            selfCheckIn: r.chance(0.6),
          };
        });
        await tx.insert(volunteerSignups).values(
          rows.map(({ v }) => ({
            id: ids(),
            activityId,
            volunteerId: v.id!,
            status: 'signed',
            createdAt: new Date(startsAt.getTime() - 3 * DAY),
          })),
        );
        await tx.insert(volunteerAttendance).values(
          rows.map(({ v, attId, inAt, outAt, minutes, selfCheckIn }) => ({
            id: attId,
            activityId,
            volunteerId: v.id!,
            orgPath: c.path,
            status: 'confirmed',
            checkInAt: inAt,
            checkInMethod: selfCheckIn ? 'self' : 'staff',
            checkOutAt: outAt,
            checkOutMethod: 'staff',
            minutes,
            confirmedAt: new Date(endsAt.getTime() + 3_600_000),
            confirmedByName: `${c.name}工作人员`,
            createdAt: inAt,
            updatedAt: endsAt,
          })),
        );
        await tx.insert(volunteerHours).values(
          rows.map(({ v, attId, outAt, minutes }) => ({
            id: ids(),
            volunteerId: v.id!,
            kind: 'activity',
            minutes,
            activityId,
            attendanceId: attId,
            activityType: type,
            communityId: c.id,
            orgPath: c.path,
            occurredAt: outAt,
            createdByName: `${c.name}工作人员`,
            createdAt: new Date(endsAt.getTime() + 3_600_000),
          })),
        );
        for (const { v, attId, outAt, minutes } of rows) {
          await creditService(tx, ctx, {
            idempotencyKey: `activity:${attId}`,
            volunteerId: v.id!,
            volunteerName: v.name,
            communityUnitId: c.id,
            minutes,
            activityType: type,
            sourceType: 'activity',
            sourceId: attId,
            occurredAt: outAt,
            memo: title,
          });
          entries++;
        }
      });
      activities++;
      await yieldToRequests();
    }
  }
  // A correction as a new entry (never an edit): one volunteer left an hour early.
  const [first] = await db
    .select()
    .from(volunteerHours)
    .where(and(eq(volunteerHours.volunteerId, zhiyuanProfile.id!), eq(volunteerHours.kind, 'activity')))
    .orderBy(asc(volunteerHours.occurredAt))
    .limit(1);
  if (first && first.minutes > 60)
    await db.transaction(async (tx) => {
      const id = ids();
      await tx.insert(volunteerHours).values({
        id,
        volunteerId: first.volunteerId,
        kind: 'correction',
        minutes: -30,
        activityId: first.activityId,
        attendanceId: first.attendanceId,
        activityType: first.activityType,
        correctsId: first.id,
        reason: '提前半小时离场，签退时间补录有误',
        communityId: first.communityId,
        orgPath: first.orgPath,
        occurredAt: new Date(first.occurredAt.getTime() + DAY),
        createdByName: `${tongdu.name}工作人员`,
        createdAt: new Date(first.occurredAt.getTime() + DAY),
      });
      await creditService(tx, ctx, {
        idempotencyKey: `correction:${id}`,
        volunteerId: first.volunteerId,
        volunteerName: zhiyuanProfile.name,
        communityUnitId: first.communityId,
        minutes: -30,
        activityType: first.activityType,
        sourceType: 'activity',
        sourceId: first.attendanceId ?? first.id,
        occurredAt: new Date(first.occurredAt.getTime() + DAY),
        memo: '时长更正',
      });
    });

  // Upcoming activities of 铜都 and 西花苑: one under way today (self check-in at the centre), two ahead.
  const upcoming: (typeof volunteerActivities.$inferInsert)[] = [];
  for (const c of communities.slice(0, 2)) {
    const todayStart = new Date(now.getTime() - 3_600_000);
    /** An open activity at the community's centre, organised by its staff. */
    const inCommunity = (
      a: Pick<
        typeof volunteerActivities.$inferInsert,
        | 'title'
        | 'type'
        | 'theme'
        | 'description'
        | 'place'
        | 'radiusM'
        | 'startsAt'
        | 'endsAt'
        | 'signupLimit'
      >,
    ): typeof volunteerActivities.$inferInsert => ({
      id: ids(),
      ...a,
      orgUnitId: c.id,
      orgPath: c.path,
      communityId: c.id,
      lat: c.lat,
      lng: c.lng,
      status: 'open',
      organiserName: `${c.name}工作人员`,
      createdAt: now,
      updatedAt: now,
    });
    upcoming.push(
      inCommunity({
        title: '社区助老餐厅志愿服务',
        type: 'elderly_care',
        theme: 'closeness',
        description: '协助助老餐厅分餐、送餐上门，陪独居老人聊天。',
        place: `${c.name}党群服务中心`,
        radiusM: 300,
        startsAt: todayStart,
        endsAt: new Date(todayStart.getTime() + 4 * 3_600_000),
        signupLimit: 12,
      }),
      inCommunity({
        title: '周末小区环境整治',
        type: 'environment',
        theme: 'beauty',
        description: '清理楼道堆积物、绿化带垃圾，宣传垃圾分类。',
        place: `${c.name}广场`,
        radiusM: 400,
        startsAt: chinaAt(now, -3, 8, 30),
        endsAt: chinaAt(now, -3, 11, 30),
        signupLimit: 20,
      }),
      inCommunity({
        title: '冬季防火应急演练',
        type: 'emergency',
        theme: 'watch',
        description: '应急志愿服务队参加消防演练，学习灭火器使用与人员疏散。',
        place: `${c.name}文化活动室`,
        radiusM: 300,
        startsAt: chinaAt(now, -7, 14, 30),
        endsAt: chinaAt(now, -7, 17, 0),
        signupLimit: 3,
      }),
    );
  }
  await db.insert(volunteerActivities).values(upcoming);
  // A few sign-ups on today's 铜都 activity (zhiyuan is left to sign up on the phone).
  const today = upcoming[0]!;
  const early = (byCommunity.get(tongdu.id) ?? []).filter((v) => v !== zhiyuanProfile).slice(0, 4);
  await db.insert(volunteerSignups).values(
    early.map((v) => ({
      id: ids(),
      activityId: today.id,
      volunteerId: v.id!,
      status: 'signed',
      createdAt: now,
    })),
  );
  await db
    .update(volunteerActivities)
    .set({ signupCount: sql`${early.length}` })
    .where(eq(volunteerActivities.id, today.id));
  opts.log(
    `volunteers: ${vRows.length} profiles, ${teamRows.length} teams, ${activities + upcoming.length} activities, ${entries} confirmed attendances`,
  );
}
