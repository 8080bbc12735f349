import { timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { foundInReach } from '../../platform/findInScope';
import { auditRecord } from '../../platform/recordAudit';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/ids';
import { linkedResidentId } from '../accounts/accounts.api';
import { electorsAmong } from '../residents/residents.api';
import { meetingsPolicy } from './participation.policy';
import { findMeeting, insertAttendance, meetingForQr, presentCount } from './participation.repository';

/** The meeting's sign-in token: a keyed hash of its id (nothing stored; a leaked code works for that meeting only). */
const tokenOf = (ctx: ActorCtx, id: string) => ctx.pii.blindIndex('id', `meeting-qr:${id}`);

/** Staff show this QR code at the door: it opens /m/meetings/:id/sign-in?k=… on a resident's phone. */
export async function meetingQr(ctx: ActorCtx, id: string, origin: string) {
  const m = await foundInReach(meetingsPolicy, ctx, 'manage', () =>
    findMeeting(ctx.db, ctx.actor, 'manage', id),
  );
  const url = `${origin}/m/meetings/${m.id}/sign-in?k=${encodeURIComponent(tokenOf(ctx, m.id))}`;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, width: 280 });
  return { url, svg, open: m.status === 'open' };
}

/**
 * A resident signs in by scanning the meeting's QR code (R-LAW-MT-1…3: present is counted only from
 * attendance rows): only while the meeting is open, only with the meeting's token, and only if the login's
 * registry record is among those due (adults registered in the unit at the frozen date). Once per person.
 */
export async function qrSignIn(ctx: ActorCtx, id: string, token: string) {
  return ctx.db.transaction(async (tx) => {
    const m = isUuid(id) ? await meetingForQr(tx, id) : undefined;
    const want = m ? Buffer.from(tokenOf(ctx, m.id)) : null;
    const got = Buffer.from(token);
    if (!m || !want || want.length !== got.length || !timingSafeEqual(want, got)) throw notFound();
    if (m.status === 'closed') throw new AppError('participation.meeting_closed', 409);
    if (m.status !== 'open') throw new AppError('participation.meeting_state', 409);
    if (m.basis === 'members') throw new AppError('participation.qr_members', 422);
    const rid = await linkedResidentId(tx, ctx.actor.userId);
    const [e] = rid ? await electorsAmong(tx, m.orgPath, m.frozenOn, [rid]) : [];
    if (!e) throw new AppError('participation.not_elector', 422);
    const added = await insertAttendance(tx, [
      {
        id: ctx.ids(),
        meetingId: m.id,
        residentId: e.id,
        householdId: e.householdId,
        name: e.name,
        method: 'qr',
        signedBy: ctx.actor.userId,
        signedAt: ctx.clock.now(),
      },
    ]);
    if (added)
      await auditRecord(tx, ctx, m, {
        action: 'participation.meeting.sign_in',
        entityType: 'pt_meeting',
        after: { method: 'qr', added, present: await presentCount(tx, m.id, m.basis) },
      });
    return { title: m.title, name: e.name, already: added === 0, heldAt: m.heldAt, place: m.place };
  });
}
