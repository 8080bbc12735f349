import { chinaMonth } from '../../../shared/chinaTime';
import type { z } from 'zod';
import type { ContactDto, MeetingDto, contactBody, meetingBody } from '../../../shared/contracts/disputes';
import { auditedWrite } from '../../platform/auditedRows';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { activeUnitsOfKind, unitInScope, unitNamesOf } from '../org/org.api';
import { newUnitRow } from '../../platform/newRow';
import { auditContact } from './disputes.audit';
import { unitHead } from '../../platform/unitHead';
import { contactsPolicy, meetingsPolicy } from './disputes.policy';
import {
  type MeetingRow,
  contactRows,
  disputeTitles,
  disputesUnder,
  insertMeeting,
  listMeetingRows,
  upsertContact,
} from './disputes.repository';

async function toDtos(ctx: ActorCtx, rows: MeetingRow[]): Promise<MeetingDto[]> {
  const names = await unitNamesOf(ctx.db, rows);
  const cases = await disputeTitles(
    ctx.db,
    rows.flatMap((m) => m.disputeIds),
  );
  return rows.map((m) => ({
    ...unitHead(m, names),
    kind: m.kind as MeetingDto['kind'],
    heldAt: m.heldAt,
    place: m.place,
    host: m.host,
    attendees: m.attendees,
    cases: m.disputeIds.flatMap((id) => cases.filter((c) => c.id === id)),
    decisions: m.decisions,
    minutes: m.minutes,
  }));
}

/**
 * R-DS-3: the joint meetings in scope, and for each subdistrict the last six months with whether the
 * monthly meeting was held (a month without one shows as missing) and how many extra meetings there were.
 */
export async function listMeetings(ctx: ActorCtx) {
  meetingsPolicy.require(ctx.actor, 'read');
  const rows = await listMeetingRows(ctx.db, ctx.actor);
  const subdistricts = await activeUnitsOfKind(ctx.db, ctx.actor, 'disputes.read', 'subdistrict');
  const now = ctx.clock.now();
  const months: string[] = [];
  for (let i = 0; i < 6; i++) {
    const d = new Date(now.getTime() + 8 * 3_600_000);
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - i);
    months.push(d.toISOString().slice(0, 7));
  }
  return {
    items: await toDtos(ctx, rows),
    months: subdistricts.flatMap((s) =>
      months.map((month) => {
        const held = rows.filter((m) => m.orgUnitId === s.id && chinaMonth(m.heldAt) === month);
        return {
          orgUnitId: s.id,
          unitName: s.name,
          month,
          monthly: held.some((m) => m.kind === 'monthly'),
          extra: held.filter((m) => m.kind === 'extra').length,
        };
      }),
    ),
  };
}

export async function createMeeting(ctx: ActorCtx, input: z.infer<typeof meetingBody>): Promise<MeetingDto> {
  meetingsPolicy.require(ctx.actor, 'write');
  const unit = await unitInScope(ctx.db, ctx.actor, 'disputes.dispatch', input.orgUnitId);
  if (unit?.kind !== 'subdistrict') throw notFound();
  const ids = [...new Set(input.disputeIds)];
  const cases = await disputesUnder(ctx.db, unit.path, ids);
  if (cases.length !== ids.length) throw new AppError('disputes.meeting_cases', 422);
  const now = ctx.clock.now();
  const m = await auditedWrite(
    ctx,
    (tx) =>
      insertMeeting(tx, {
        ...newUnitRow(ctx, unit, now),
        kind: input.kind,
        heldAt: input.heldAt,
        place: input.place ?? null,
        host: input.host ?? null,
        attendees: input.attendees,
        disputeIds: ids,
        decisions: input.decisions,
        minutes: input.minutes ?? null,
        createdBy: ctx.actor.userId,
      }),
    {
      action: 'disputes.meeting',
      entityType: 'ds_meeting',
      view: (row) => ({
        kind: row.kind,
        heldAt: row.heldAt,
        attendees: row.attendees.length,
        cases: ids.length,
      }),
    },
  );
  return (await toDtos(ctx, [m]))[0]!;
}

/** R-DS-3: every community in scope with its responsible leader and contact (missing ones show empty). */
export async function listContacts(ctx: ActorCtx): Promise<ContactDto[]> {
  contactsPolicy.require(ctx.actor, 'read');
  const communities = await activeUnitsOfKind(ctx.db, ctx.actor, 'disputes.read', 'community');
  const rows = await contactRows(
    ctx.db,
    communities.map((c) => c.id),
  );
  return communities.map((c) => {
    const r = rows.find((x) => x.orgUnitId === c.id);
    return {
      communityId: c.id,
      communityName: c.name,
      leaderName: r?.leaderName ?? null,
      leaderTitle: r?.leaderTitle ?? null,
      contactName: r?.contactName ?? null,
      contactInfo: r?.contactInfo ?? null,
      canEdit: contactsPolicy.can(ctx.actor, 'write', { orgPath: c.path }),
    };
  });
}

/** Names the community's one responsible leader and one contact (replacing the previous ones). */
export async function setContact(ctx: ActorCtx, communityId: string, input: z.infer<typeof contactBody>) {
  contactsPolicy.require(ctx.actor, 'write');
  const unit = await unitInScope(ctx.db, ctx.actor, 'disputes.bodies', communityId);
  if (unit?.kind !== 'community') throw notFound();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await upsertContact(tx, {
      ...newUnitRow(ctx, unit, now),
      leaderName: input.leaderName,
      leaderTitle: input.leaderTitle ?? null,
      contactName: input.contactName,
      contactInfo: input.contactInfo ?? null,
    });
    await auditContact(tx, ctx, { id: unit.id, orgPath: unit.path }, 'disputes.contact', {
      leaderName: input.leaderName,
      contactName: input.contactName,
    });
  });
  return (await listContacts(ctx)).find((c) => c.communityId === unit.id)!;
}
