import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { upsertRow } from '../../platform/upsertRow';
import type { Actor } from '../../platform/permissions';
import { meetingsPolicy } from './participation.policy';
import type { MeetingRow } from './participation.repository';
import { ptCalendarFeeds, ptMeetings } from './participation.table';

/** The meetings the actor may read held between `from` and `to` (a calendar feed: at most `limit`). */
export async function meetingsBetween(
  db: Db,
  actor: Actor,
  from: Date,
  to: Date,
  limit = 500,
): Promise<MeetingRow[]> {
  return db
    .select()
    .from(ptMeetings)
    .where(and(meetingsPolicy.scope(actor, 'read'), gte(ptMeetings.heldAt, from), lte(ptMeetings.heldAt, to)))
    .orderBy(asc(ptMeetings.heldAt), asc(ptMeetings.id))
    .limit(limit);
}

export async function feedOf(db: Db, userId: string) {
  return firstRow(db, ptCalendarFeeds, eq(ptCalendarFeeds.userId, userId));
}

export async function feedByHash(db: Db, tokenHash: string) {
  return firstRow(db, ptCalendarFeeds, eq(ptCalendarFeeds.tokenHash, tokenHash));
}

/** Sets (or replaces) a user's feed token hash; answers whether one existed before. */
export async function upsertFeed(tx: Db, userId: string, tokenHash: string, now: Date): Promise<boolean> {
  const before = await feedOf(tx, userId);
  const set = { tokenHash, createdAt: now };
  await upsertRow(tx, ptCalendarFeeds, ptCalendarFeeds.userId, { userId, ...set }, set);
  return before !== undefined;
}
