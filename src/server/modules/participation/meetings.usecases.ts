import { chinaDate, chinaMinute } from '../../../shared/chinaTime';
import type { z } from 'zod';
import {
  type CreateMeetingBody,
  MEETING_RULES,
  type MeetingBasis,
  type MeetingDetailDto,
  type MeetingDto,
  type MeetingKind,
  type MotionDto,
  type attendanceBody,
  type closeMeetingBody,
  type correctionBody,
  type electorsQuery,
  type meetingListQuery,
  type motionBody,
  passWords,
  quorumWords,
  reaches,
  type voteBody,
} from '../../../shared/contracts/participation';
import { foundInReach } from '../../platform/findInScope';
import { auditRecord } from '../../platform/recordAudit';
import { newUnitRow } from '../../platform/newRow';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/ids';
import { unitHead } from '../../platform/unitHead';
import { notify } from '../notifications/notifications.api';
import { electorateOf, electorsAmong, electorsPage } from '../residents/residents.api';
import { invitationAttachment } from './calendar.usecases';
import { meetingsPolicy } from './participation.policy';
import { activeUnitFor, listUnder, unitNamesOf } from './participation.units';
import {
  type MeetingRow,
  type MotionRow,
  attendanceOf,
  correctionsOf,
  findMeeting,
  findMotion,
  insertAttendance,
  insertCorrection,
  insertMeeting,
  insertMotion,
  listMeetingRows,
  motionsOf,
  presentCount,
  presentCounts,
  presentResidentIds,
  recordTally,
  updateMeeting,
} from './participation.repository';

export type Locale = 'zh-CN' | 'en';
const DAY = 24 * 3_600_000;

/** The calendar date in China (UTC+8) of an instant, as YYYY-MM-DD. */
export { chinaDate };

const ruleOf = (m: Pick<MeetingRow, 'kind'>) => MEETING_RULES[m.kind as MeetingKind];
const quorumRatio = (m: Pick<MeetingRow, 'kind' | 'basis'>) =>
  ruleOf(m).quorum[m.basis as MeetingBasis] ?? null;

/** The quorum from recorded attendance only (R-LAW-MT-1…3): live while open, as written at close after. */
function quorumOf(m: MeetingRow, present: number, loc: Locale) {
  const r = quorumRatio(m);
  // The fewest people that reach the ratio: more than due*num/den, or at least it.
  const required = r
    ? r.op === 'gt'
      ? Math.floor((m.due * r.num) / r.den) + 1
      : Math.ceil((m.due * r.num) / r.den)
    : null;
  return {
    present,
    due: m.due,
    required,
    met: r ? reaches(present, m.due, r) : true,
    words: quorumWords(present, m.due, r, loc),
  };
}

async function toDtos(ctx: ActorCtx, rows: MeetingRow[], loc: Locale): Promise<MeetingDto[]> {
  const names = await unitNamesOf(ctx.db, rows);
  const present = await presentCounts(ctx.db, rows);
  return rows.map((m) => ({
    ...unitHead(m, names),
    kind: m.kind as MeetingKind,
    basis: m.basis as MeetingBasis,
    title: m.title,
    agenda: m.agenda,
    heldAt: m.heldAt,
    noticeAt: m.noticeAt,
    place: m.place,
    host: m.host,
    frozenOn: m.frozenOn,
    status: m.status as MeetingDto['status'],
    quorum: quorumOf(m, present.get(m.id) ?? 0, loc),
    closedAt: m.closedAt,
  }));
}

function motionDto(m: MotionRow, meeting: MeetingRow, loc: Locale): MotionDto {
  const decided = m.decidedAt !== null && m.yes !== null;
  return {
    id: m.id,
    title: m.title,
    text: m.text,
    ballot: m.ballot as MotionDto['ballot'],
    yes: m.yes,
    no: m.no,
    abstain: m.abstain,
    passed: decided ? m.passed : null,
    words: decided ? passWords(m.yes!, m.presentAtVote ?? 0, meeting.due, ruleOf(meeting).pass, loc) : null,
    decidedAt: m.decidedAt,
  };
}

/**
 * R-LAW-MT-2's roster checks for a representatives' meeting: one representative per 5–15 households
 * and women at least a third. Advisory: the meeting is valid either way, the page shows the warning.
 */
function rosterWarnings(m: MeetingRow): string[] {
  if (m.kind !== 'villager_reps' && m.kind !== 'resident_reps') return [];
  const out: string[] = [];
  const n = m.members.length;
  if (m.households > 0 && (n * 5 > m.households || n * 15 < m.households)) out.push('reps_ratio');
  const women = m.members.filter((x) => x.gender === 'female').length;
  if (women * 3 < n) out.push('women_share');
  return out;
}

function actionsOf(ctx: ActorCtx, m: MeetingRow, quorate: boolean): MeetingDetailDto['actions'] {
  if (!meetingsPolicy.can(ctx.actor, 'manage', m)) return [];
  if (m.status === 'scheduled') return ['open', 'close'];
  if (m.status === 'open')
    return quorate ? ['sign_in', 'motion', 'vote', 'close'] : ['sign_in', 'motion', 'close'];
  return ['correct'];
}

export const listMeetings = listUnder(
  meetingsPolicy,
  (ctx, q: z.infer<typeof meetingListQuery>, path) => listMeetingRows(ctx.db, ctx.actor, { ...q, path }),
  toDtos,
);

async function loadDetail(ctx: ActorCtx, m: MeetingRow, loc: Locale): Promise<MeetingDetailDto> {
  const [base] = await toDtos(ctx, [m], loc);
  const attendance = await attendanceOf(ctx.db, m.id);
  const present = new Set(attendance.map((a) => a.name));
  const motions = await motionsOf(ctx.db, m.id);
  const corrections = await correctionsOf(ctx.db, m.id);
  const rule = ruleOf(m);
  return {
    ...base!,
    members: m.members.map((x) => ({ name: x.name, gender: x.gender ?? null, present: present.has(x.name) })),
    attendance: attendance.map((a) => ({
      name: a.name,
      household: null,
      method: a.method,
      signedAt: a.signedAt,
    })),
    motions: motions.map((x) => motionDto(x, m, loc)),
    minutes: m.minutes,
    corrections: corrections.map((c) => ({ id: c.id, text: c.text, createdAt: c.createdAt, by: null })),
    warnings: rosterWarnings(m),
    rule: { source: rule.source, noticeDays: rule.noticeDays },
    actions: actionsOf(ctx, m, base!.quorum.met),
  };
}

export async function getMeeting(ctx: ActorCtx, id: string, loc: Locale): Promise<MeetingDetailDto> {
  const m = await foundInReach(meetingsPolicy, ctx, 'read', () => findMeeting(ctx.db, ctx.actor, 'read', id));
  return loadDetail(ctx, m, loc);
}

/**
 * Calls a meeting (R-LAW-MT-1…4): the kind's rule must know the basis, the legal notice period must be
 * kept, and those due are counted from the registry at the frozen date, once.
 */
export async function createMeeting(ctx: ActorCtx, input: CreateMeetingBody, loc: Locale) {
  meetingsPolicy.require(ctx.actor, 'manage');
  const unit = await activeUnitFor(ctx, 'participation.manage', input.orgUnitId);
  const rule = MEETING_RULES[input.kind];
  if (!(input.basis in rule.quorum)) throw invalidField('basis', 'participation.basis');
  const now = ctx.clock.now();
  const noticeAt = input.noticeAt ?? now;
  if (rule.noticeDays !== null && input.heldAt.getTime() - noticeAt.getTime() < rule.noticeDays * DAY)
    throw new AppError('participation.notice_period', 422, { days: rule.noticeDays });
  const frozenOn = input.frozenOn ?? chinaDate(now);
  if (frozenOn > chinaDate(input.heldAt))
    throw invalidField('frozenOn', 'participation.frozen_after_meeting');
  const members = input.basis === 'members' ? input.members : [];
  if (input.basis === 'members' && members.length === 0)
    throw invalidField('members', 'participation.members_required');
  if (new Set(members.map((x) => x.name)).size !== members.length)
    throw invalidField('members', 'participation.members_duplicate');
  const electorate = await electorateOf(ctx.db, unit.path, frozenOn);
  const due =
    input.basis === 'adults'
      ? electorate.adults
      : input.basis === 'households'
        ? electorate.households
        : members.length;
  if (due === 0) throw new AppError('participation.no_electorate', 422);
  const row = await ctx.db.transaction(async (tx) => {
    const m = await insertMeeting(tx, {
      ...newUnitRow(ctx, unit, now),
      kind: input.kind,
      basis: input.basis,
      title: input.title,
      agenda: input.agenda ?? null,
      heldAt: input.heldAt,
      noticeAt,
      place: input.place ?? null,
      host: input.host ?? null,
      frozenOn,
      due,
      households: electorate.households,
      members,
      status: 'scheduled',
      createdBy: ctx.actor.userId,
    });
    await auditRecord(tx, ctx, m, {
      action: 'participation.meeting.create',
      entityType: 'pt_meeting',
      after: { kind: m.kind, basis: m.basis, title: m.title, heldAt: m.heldAt, frozenOn, due },
    });
    // The invitation: the unit's readers are told; the meeting page offers the .ics ("加入日历").
    await notify(tx, ctx, {
      event: 'participation.meeting_scheduled',
      params: {
        unit: unit.name,
        title: m.title,
        when: chinaMinute(m.heldAt),
        place: m.place ?? '会议通知所定地点',
      },
      link: `/meetings/${m.id}`,
      holders: { permission: 'participation.read', orgUnitId: unit.id },
      unit: { id: unit.id, path: unit.path },
      // An email of the invitation carries the .ics (text/calendar; method=REQUEST).
      attachments: [invitationAttachment(m, unit.name, now)],
    });
    return m;
  });
  return loadDetail(ctx, row, loc);
}

/** A meeting to change: in manage scope (else 404), locked, not closed (R: a closed record is immutable). */
async function openForChange(ctx: ActorCtx, id: string, states: string[]): Promise<MeetingRow> {
  const m = await foundInReach(meetingsPolicy, ctx, 'manage', () =>
    findMeeting(ctx.db, ctx.actor, 'manage', id, true),
  );
  if (m.status === 'closed' && !states.includes('closed'))
    throw new AppError('participation.meeting_closed', 409);
  if (!states.includes(m.status)) throw new AppError('participation.meeting_state', 409);
  return m;
}

/** A change of a meeting: the meeting as it is after, and the audit entry's action, before and after. */
interface MeetingChange {
  row: MeetingRow;
  action: string;
  before?: unknown;
  after: unknown;
}

/**
 * Changes a meeting in one transaction: the meeting, found in one of `states` (openForChange), is handed to
 * `change`, whose audit entry is written on the meeting; answers the meeting's detail after the change.
 */
async function changeMeeting(
  ctx: ActorCtx,
  id: string,
  states: string[],
  loc: Locale,
  change: (tx: Db, m: MeetingRow) => Promise<MeetingChange>,
) {
  const row = await ctx.db.transaction(async (tx) => {
    const m = await openForChange({ ...ctx, db: tx }, id, states);
    const done = await change(tx, m);
    await auditRecord(tx, ctx, m, {
      action: done.action,
      entityType: 'pt_meeting',
      before: done.before,
      after: done.after,
    });
    return done.row;
  });
  return loadDetail(ctx, row, loc);
}

export async function openMeeting(ctx: ActorCtx, id: string, loc: Locale) {
  return changeMeeting(ctx, id, ['scheduled'], loc, async (tx, m) => {
    const now = ctx.clock.now();
    const next = await updateMeeting(tx, m.id, 'scheduled', { status: 'open', updatedAt: now });
    if (!next) throw new AppError('participation.meeting_state', 409);
    return {
      row: next,
      action: 'participation.meeting.open',
      before: { status: 'scheduled' },
      after: { status: 'open' },
    };
  });
}

/**
 * Staff sign people in (R-LAW-MT-1…3: only recorded attendance counts): registered adults of the unit at
 * the frozen date for the adults and households bases, roster names for the members basis.
 */
export async function signIn(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof attendanceBody>,
  loc: Locale,
  method: 'staff' | 'qr' = 'staff',
) {
  return changeMeeting(ctx, id, ['open'], loc, async (tx, m) => {
    const now = ctx.clock.now();
    let rows: Parameters<typeof insertAttendance>[1];
    if (m.basis === 'members') {
      const roster = new Set(m.members.map((x) => x.name));
      if (input.residentIds.length || input.memberNames.some((n) => !roster.has(n)))
        throw new AppError('participation.not_elector', 422);
      rows = [...new Set(input.memberNames)].map((name) => ({
        id: ctx.ids(),
        meetingId: m.id,
        residentId: null,
        householdId: null,
        name,
        method,
        signedBy: ctx.actor.userId,
        signedAt: now,
      }));
    } else {
      const ids = [...new Set(input.residentIds)];
      const electors = input.memberNames.length ? [] : await electorsAmong(tx, m.orgPath, m.frozenOn, ids);
      if (input.memberNames.length || electors.length !== ids.length)
        throw new AppError('participation.not_elector', 422);
      rows = electors.map((e) => ({
        id: ctx.ids(),
        meetingId: m.id,
        residentId: e.id,
        householdId: e.householdId,
        name: e.name,
        method,
        signedBy: ctx.actor.userId,
        signedAt: now,
      }));
    }
    const added = await insertAttendance(tx, rows);
    return {
      row: m,
      action: 'participation.meeting.sign_in',
      after: { method, added, present: await presentCount(tx, m.id, m.basis) },
    };
  });
}

/** The sign-in desk's list: electors of the unit at the frozen date, with whether each is present. */
export async function listElectors(ctx: ActorCtx, id: string, q: z.infer<typeof electorsQuery>) {
  const m = await foundInReach(meetingsPolicy, ctx, 'manage', () =>
    findMeeting(ctx.db, ctx.actor, 'manage', id),
  );
  if (m.basis === 'members') return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const page = await electorsPage(ctx.db, m.orgPath, m.frozenOn, q.q, q);
  const present = await presentResidentIds(
    ctx.db,
    m.id,
    page.items.map((e) => e.id),
  );
  return {
    items: page.items.map((e) => ({
      residentId: e.id,
      name: e.name,
      household: e.household,
      present: present.has(e.id),
    })),
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function addMotion(ctx: ActorCtx, id: string, input: z.infer<typeof motionBody>, loc: Locale) {
  return changeMeeting(ctx, id, ['open'], loc, async (tx, m) => {
    const motion = await insertMotion(tx, {
      id: ctx.ids(),
      meetingId: m.id,
      title: input.title,
      text: input.text ?? null,
      ballot: input.ballot,
      createdAt: ctx.clock.now(),
    });
    return {
      row: m,
      action: 'participation.meeting.motion',
      after: { motionId: motion.id, title: motion.title, ballot: motion.ballot },
    };
  });
}

/**
 * Records a motion's tally (R-LAW-MT-1…4): only while the meeting is quorate by its recorded attendance;
 * the votes cannot exceed those present; the pass rule of the kind decides, on those present or due.
 */
export async function recordVote(
  ctx: ActorCtx,
  id: string,
  motionId: string,
  input: z.infer<typeof voteBody>,
  loc: Locale,
) {
  return changeMeeting(ctx, id, ['open'], loc, async (tx, m) => {
    const motion = isUuid(motionId) ? await findMotion(tx, m.id, motionId) : undefined;
    if (!motion) throw notFound();
    if (motion.decidedAt) throw new AppError('participation.motion_decided', 409);
    const present = await presentCount(tx, m.id, m.basis);
    const q = quorumRatio(m);
    if (q && !reaches(present, m.due, q)) throw new AppError('participation.quorum_not_met', 409);
    // Households basis: one vote per household represented.
    if (input.yes + input.no + input.abstain > present)
      throw invalidField('yes', 'participation.votes_exceed');
    const rule = ruleOf(m).pass;
    const passed = reaches(input.yes, rule.of === 'due' ? m.due : present, rule);
    const done = await recordTally(tx, motion.id, {
      ...input,
      presentAtVote: present,
      passed,
      decidedAt: ctx.clock.now(),
    });
    if (!done) throw new AppError('participation.motion_decided', 409);
    return {
      row: m,
      action: 'participation.meeting.vote',
      after: { motionId: motion.id, ...input, present, due: m.due, passed },
    };
  });
}

/** Closes the meeting: the attendance and quorum are written once; from now on the record is immutable. */
export async function closeMeeting(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof closeMeetingBody>,
  loc: Locale,
) {
  return changeMeeting(ctx, id, ['scheduled', 'open'], loc, async (tx, m) => {
    const present = await presentCount(tx, m.id, m.basis);
    const q = quorumRatio(m);
    const quorumMet = q ? reaches(present, m.due, q) : true;
    const now = ctx.clock.now();
    const next = await updateMeeting(tx, m.id, m.status, {
      status: 'closed',
      present,
      quorumMet,
      minutes: input.minutes ?? null,
      closedAt: now,
      updatedAt: now,
    });
    if (!next) throw new AppError('participation.meeting_state', 409);
    return {
      row: next,
      action: 'participation.meeting.close',
      before: { status: m.status },
      after: { status: 'closed', present, due: m.due, quorumMet },
    };
  });
}

/** A correction of a closed meeting: a new record linked to it; the original stays as it was. */
export async function addCorrection(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof correctionBody>,
  loc: Locale,
) {
  return changeMeeting(ctx, id, ['closed'], loc, async (tx, m) => {
    const c = await insertCorrection(tx, {
      id: ctx.ids(),
      meetingId: m.id,
      text: input.text,
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    });
    return { row: m, action: 'participation.meeting.correct', after: { correctionId: c.id, text: c.text } };
  });
}
