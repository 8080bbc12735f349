import { type SQL, and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { rowsOfParent } from '../../platform/rowsOfParents';
import { countsBy } from '../../platform/figureQuery';
import { namesById } from '../../platform/namesById';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { updateRow } from '../../platform/rows';
import { findRowInScope } from '../../platform/findInScope';
import { type Page, listPage } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { bumpingUpdater, rowInserter } from '../../platform/rowAccessors';
import { type TopicAction, homeScope, topicsPolicy } from './participation.policy';
import {
  ptMeetings,
  ptTopicComments,
  ptTopicEvents,
  ptTopicFollows,
  ptTopicFormats,
  ptTopicParticipants,
  ptTopicSupports,
  ptTopics,
} from './participation.table';

/** Queries of deliberation topics, their steps, participants and residents' engagement. */
export type TopicRow = typeof ptTopics.$inferSelect;
export type FormatRow = typeof ptTopicFormats.$inferSelect;

export const insertTopic = rowInserter(ptTopics);

export async function insertTopicEvent(tx: Db, row: typeof ptTopicEvents.$inferInsert) {
  await tx.insert(ptTopicEvents).values(row);
}

/** A topic in the staff scope for `action`, or (board) on a resident's home units. */
export async function findTopic(
  db: Db,
  actor: Actor,
  action: TopicAction | 'board',
  id: string,
  homes: readonly string[] = [],
): Promise<TopicRow | undefined> {
  const scope = action === 'board' ? homeScope(homes, ptTopics.orgPath) : topicsPolicy.scope(actor, action);
  return findRowInScope(db, ptTopics, id, scope);
}

export interface TopicFilters {
  path?: string;
  level?: string;
  state?: string;
  source?: string;
  microKind?: string;
  q?: string;
  /** A resident's home paths: the board's scope instead of the staff scope. */
  homes?: readonly string[];
  followedBy?: string;
  proposedBy?: string;
}

function topicWhere(actor: Actor, f: TopicFilters): SQL | undefined {
  return and(
    f.homes ? homeScope(f.homes, ptTopics.orgPath) : topicsPolicy.scope(actor, 'read'),
    f.path ? sql`${ptTopics.orgPath} like ${`${f.path}%`}` : undefined,
    f.level ? eq(ptTopics.level, f.level) : undefined,
    f.state ? eq(ptTopics.state, f.state) : undefined,
    f.source ? eq(ptTopics.source, f.source) : undefined,
    f.microKind ? eq(ptTopics.microKind, f.microKind) : undefined,
    f.q ? or(ilike(ptTopics.title, `%${f.q}%`), ilike(ptTopics.description, `%${f.q}%`)) : undefined,
    f.proposedBy ? eq(ptTopics.proposerId, f.proposedBy) : undefined,
    f.followedBy
      ? sql`exists (select 1 from ${ptTopicFollows} f where f.topic_id = ${ptTopics.id} and f.user_id = ${f.followedBy})`
      : undefined,
  );
}

export function listTopicRows(
  db: Db,
  actor: Actor,
  f: TopicFilters,
  page: { page: number; pageSize: number },
): Promise<Page<TopicRow>> {
  return listPage(db, {
    table: ptTopics,
    where: topicWhere(actor, f),
    orderBy: [desc(ptTopics.updatedAt), desc(ptTopics.id)],
    page,
  });
}

/** Every topic matching the filters (the export), newest first, at most `limit`. */
export function allTopicRows(db: Db, actor: Actor, f: TopicFilters, limit = 5000): Promise<TopicRow[]> {
  return db
    .select()
    .from(ptTopics)
    .where(topicWhere(actor, f))
    .orderBy(desc(ptTopics.updatedAt), desc(ptTopics.id))
    .limit(limit);
}

/** The topics matching the filters counted per micro kind (null: none of them), S003-11. */
export async function microKindCounts(
  db: Db,
  actor: Actor,
  f: TopicFilters,
): Promise<Map<string | null, number>> {
  const rows = await db
    .select({ kind: ptTopics.microKind, n: sql<number>`count(*)::int` })
    .from(ptTopics)
    .where(topicWhere(actor, f))
    .groupBy(ptTopics.microKind);
  return new Map(rows.map((r) => [r.kind, r.n]));
}

/** Updates a topic found in reach (its version raised, last write wins): the micro kind (S003-11). */
export const updateTopic = bumpingUpdater(ptTopics);

export function commentCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  return countsBy(db, ptTopicComments, ptTopicComments.topicId, ids);
}

export function eventsOf(db: Db, topicId: string) {
  return db
    .select({
      e: ptTopicEvents,
      meetingTitle: ptMeetings.title,
    })
    .from(ptTopicEvents)
    .leftJoin(ptMeetings, eq(ptMeetings.id, ptTopicEvents.meetingId))
    .where(eq(ptTopicEvents.topicId, topicId))
    .orderBy(asc(ptTopicEvents.at), asc(ptTopicEvents.id));
}

export function participantsOf(db: Db, topicId: string) {
  return rowsOfParent(
    db,
    ptTopicParticipants,
    ptTopicParticipants.topicId,
    topicId,
    asc(ptTopicParticipants.createdAt),
    asc(ptTopicParticipants.id),
  );
}

export async function replaceParticipants(
  tx: Db,
  topicId: string,
  rows: (typeof ptTopicParticipants.$inferInsert)[],
) {
  await tx.delete(ptTopicParticipants).where(eq(ptTopicParticipants.topicId, topicId));
  if (rows.length) await tx.insert(ptTopicParticipants).values(rows);
}

export function commentsOf(db: Db, topicId: string) {
  return rowsOfParent(
    db,
    ptTopicComments,
    ptTopicComments.topicId,
    topicId,
    asc(ptTopicComments.at),
    asc(ptTopicComments.id),
  );
}

export async function insertComment(tx: Db, row: typeof ptTopicComments.$inferInsert) {
  await tx.insert(ptTopicComments).values(row);
}

export async function engagementOf(db: Db, topicId: string, userId: string) {
  const [s] = await db
    .select({ u: ptTopicSupports.userId })
    .from(ptTopicSupports)
    .where(and(eq(ptTopicSupports.topicId, topicId), eq(ptTopicSupports.userId, userId)));
  const [f] = await db
    .select({ u: ptTopicFollows.userId })
    .from(ptTopicFollows)
    .where(and(eq(ptTopicFollows.topicId, topicId), eq(ptTopicFollows.userId, userId)));
  return { supported: !!s, following: !!f };
}

/** One support per resident (R-DL-3 民议): false when this resident already supported the topic. */
export async function addSupport(tx: Db, topicId: string, userId: string, at: Date): Promise<boolean> {
  const ins = await tx
    .insert(ptTopicSupports)
    .values({ topicId, userId, at })
    .onConflictDoNothing()
    .returning({ u: ptTopicSupports.userId });
  if (ins.length === 0) return false;
  await tx
    .update(ptTopics)
    .set({ supports: sql`${ptTopics.supports} + 1` })
    .where(eq(ptTopics.id, topicId));
  return true;
}

export async function setFollow(tx: Db, topicId: string, userId: string, on: boolean, at: Date) {
  if (on) await tx.insert(ptTopicFollows).values({ topicId, userId, at }).onConflictDoNothing();
  else
    await tx
      .delete(ptTopicFollows)
      .where(and(eq(ptTopicFollows.topicId, topicId), eq(ptTopicFollows.userId, userId)));
}

export function followersOf(db: Db, topicId: string) {
  return db
    .select({ userId: ptTopicFollows.userId })
    .from(ptTopicFollows)
    .where(eq(ptTopicFollows.topicId, topicId));
}

// ---- formats (configurable labels)

export function listFormats(db: Db, activeOnly: boolean) {
  return db
    .select()
    .from(ptTopicFormats)
    .where(activeOnly ? eq(ptTopicFormats.active, true) : undefined)
    .orderBy(asc(ptTopicFormats.sort), asc(ptTopicFormats.name));
}

export async function findFormat(db: Db, id: string): Promise<FormatRow | undefined> {
  return firstRow(db, ptTopicFormats, eq(ptTopicFormats.id, id));
}

export async function formatNamed(db: Db, name: string): Promise<FormatRow | undefined> {
  return firstRow(db, ptTopicFormats, eq(ptTopicFormats.name, name));
}

export const insertFormat = rowInserter(ptTopicFormats);

export function updateFormat(tx: Db, id: string, patch: Partial<FormatRow>): Promise<FormatRow | undefined> {
  return updateRow(tx, ptTopicFormats, id, patch);
}

export function formatNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  return namesById(db, ptTopicFormats, ptTopicFormats.name, ids);
}
