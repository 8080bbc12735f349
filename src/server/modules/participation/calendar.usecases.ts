import { randomBytes } from 'node:crypto';
import { foundInReach } from '../../platform/findInScope';
import { writeAudit } from '../../platform/audit';
import { loadActor, tokenHash } from '../../platform/auth';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { type IcalEvent, writeCalendar } from '../../platform/ical';
import { can } from '../../platform/permissions';
import { jointMeetingEvents as disputeMeetings } from '../disputes/disputes.api';
import { jointMeetingEvents as keyTaskMeetings } from '../key-tasks/key-tasks.api';
import { feedByHash, feedOf, meetingsBetween, upsertFeed } from './calendar.repository';
import { meetingsPolicy } from './participation.policy';
import { type MeetingRow, findMeeting } from './participation.repository';
import { unitNamesOf } from './participation.units';

const DAY = 24 * 3_600_000;

/** A meeting as a calendar event: two hours from its start, the agenda as description, its console page as URL. */
function eventOf(m: MeetingRow, unit: string | undefined, stamp: Date, publicUrl: string): IcalEvent {
  return {
    uid: `pt-meeting-${m.id}@linli`,
    start: m.heldAt,
    summary: unit ? `${m.title}（${unit}）` : m.title,
    location: m.place,
    description: [m.agenda, m.host ? `主持人：${m.host}` : null].filter(Boolean).join('\n') || null,
    url: publicUrl ? `${publicUrl.replace(/\/$/, '')}/meetings/${m.id}` : null,
    stamp,
  };
}

/**
 * The invitation an email of `participation.meeting_scheduled` carries: the meeting as a `METHOD:REQUEST`
 * calendar (the email channel adds ORGANIZER and ATTENDEE), attached as 会议邀请.ics.
 */
export function invitationAttachment(m: MeetingRow, unit: string, stamp: Date) {
  return {
    filename: '会议邀请.ics',
    contentType: 'text/calendar; charset=UTF-8; method=REQUEST',
    content: writeCalendar([eventOf(m, unit, stamp, '')], { method: 'REQUEST' }),
  };
}

async function calendarOf(ctx: UseCaseCtx, rows: MeetingRow[], publicUrl: string, name?: string) {
  const names = await unitNamesOf(ctx.db, rows);
  const now = ctx.clock.now();
  return writeCalendar(
    rows.map((m) => eventOf(m, names.get(m.orgUnitId), now, publicUrl)),
    name ? { name } : {},
  );
}

/** The .ics invitation of a meeting the actor may read (else 404, like the meeting itself). */
export async function meetingInvite(ctx: ActorCtx, id: string, publicUrl = '') {
  const m = await foundInReach(meetingsPolicy, ctx, 'read', () => findMeeting(ctx.db, ctx.actor, 'read', id));
  return { title: m.title, ics: await calendarOf(ctx, [m], publicUrl) };
}

/** Whether the user has a calendar feed, and since when (the token itself is never shown again). */
export async function feedStatus(ctx: ActorCtx) {
  const f = await feedOf(ctx.db, ctx.actor.userId);
  return { active: f !== undefined, createdAt: f?.createdAt ?? null };
}

/**
 * Creates or rotates the user's secret feed token: the new address is answered once; only its hash is
 * stored, and the old address stops working. Audited as participation.calendar_feed.create / .rotate.
 */
export async function rotateFeed(ctx: ActorCtx) {
  const token = randomBytes(24).toString('base64url');
  const now = ctx.clock.now();
  const existed = await ctx.db.transaction(async (tx) => {
    const had = await upsertFeed(tx, ctx.actor.userId, tokenHash(token), now);
    await writeAudit(tx, ctx, {
      action: had ? 'participation.calendar_feed.rotate' : 'participation.calendar_feed.create',
      entityType: 'pt_calendar_feed',
      entityId: ctx.actor.userId,
      after: { createdAt: now },
    });
    return had;
  });
  return { token, path: `/api/calendar/feed/${token}.ics`, createdAt: now, rotated: existed };
}

/**
 * The feed behind a token (`<token>.ics`), from 30 days ago to 180 days ahead: the meetings of the units in its
 * user's reading scope, the leading groups' joint meetings (key tasks, R-TK-1) and the subdistricts' joint
 * meetings on disputes (R-DS-3) they may read, each through its module's api. An unknown token, or a user who
 * can read none of them any more, is 404.
 */
export async function feedCalendar(ctx: UseCaseCtx, file: string, publicUrl = '') {
  const m = /^([A-Za-z0-9_-]{16,128})\.ics$/.exec(file);
  if (!m) throw notFound();
  const f = await feedByHash(ctx.db, tokenHash(m[1]!));
  if (!f) throw notFound();
  const actor = await loadActor(ctx.db, f.userId);
  const reads = {
    meetings: !!actor && can(actor, 'participation.read'),
    keyTasks: !!actor && can(actor, 'key_tasks.read'),
    disputes: !!actor && can(actor, 'disputes.read'),
  };
  if (!actor || !(reads.meetings || reads.keyTasks || reads.disputes)) throw notFound();
  const now = ctx.clock.now();
  const from = new Date(now.getTime() - 30 * DAY);
  const to = new Date(now.getTime() + 180 * DAY);
  const rows = reads.meetings ? await meetingsBetween(ctx.db, actor, from, to) : [];
  const names = await unitNamesOf(ctx.db, rows);
  const window = { from, to, stamp: now, publicUrl };
  const events = [
    ...rows.map((r) => eventOf(r, names.get(r.orgUnitId), now, publicUrl)),
    ...(await keyTaskMeetings(ctx.db, actor, window)),
    ...(await disputeMeetings(ctx.db, actor, window)),
  ];
  events.sort(
    (a, b) =>
      (a.allDay ? Date.parse(a.allDay) : a.start.getTime()) -
      (b.allDay ? Date.parse(b.allDay) : b.start.getTime()),
  );
  return writeCalendar(events, { name: '邻里·会议日程' });
}
