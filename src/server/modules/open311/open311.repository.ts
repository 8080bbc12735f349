import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import type { Actor } from '../../platform/permissions';
import { finderInScope } from '../../platform/rowAccessors';
import { type Open311Action, open311Policy } from './open311.policy';
import { open311Keys, open311Requests } from './open311.table';

/**
 * The only code that queries the open311 tables. Reads by a staff member take the actor and the action
 * and AND the policy's scope in: a key out of reach is not found (404). Reads by an API key (the key is
 * the caller) go by its hash or its token only.
 */
export type KeyRow = typeof open311Keys.$inferSelect;
export type Open311RequestRow = typeof open311Requests.$inferInsert;

/** The keys in reach for `action`, newest first (at most 500). */
export function listKeyRows(db: Db, actor: Actor, action: Open311Action): Promise<KeyRow[]> {
  return db
    .select()
    .from(open311Keys)
    .where(open311Policy.scope(actor, action))
    .orderBy(desc(open311Keys.createdAt))
    .limit(500);
}

/** One key in reach for `action`, or undefined (also for an id that is not a UUID). */
export const findKey = finderInScope(open311Policy, open311Keys);

export async function insertKey(db: Db, row: KeyRow): Promise<void> {
  await db.insert(open311Keys).values(row);
}

/** Revokes a key found in scope if it is still active; undefined when another request did so first. */
export async function revokeKeyRow(
  db: Db,
  id: string,
  set: { revokedAt: Date; revokedBy: string },
): Promise<KeyRow | undefined> {
  const [after] = await db
    .update(open311Keys)
    .set({ active: false, ...set })
    .where(and(eq(open311Keys.id, id), eq(open311Keys.active, true)))
    .returning();
  return after;
}

/** The active key with this hash (the caller presenting it), or undefined. */
export async function activeKeyByHash(db: Db, hash: string): Promise<KeyRow | undefined> {
  return firstRow(db, open311Keys, and(eq(open311Keys.keyHash, hash), eq(open311Keys.active, true)));
}

export async function touchKey(db: Db, id: string, at: Date): Promise<void> {
  await db.update(open311Keys).set({ lastUsedAt: at }).where(eq(open311Keys.id, id));
}

export async function insertRequest(db: Db, values: Open311RequestRow): Promise<void> {
  await db.insert(open311Requests).values(values);
}

/** What the client sent with each of these work orders beyond the order itself, by order id. */
export async function requestExtras(
  db: Db,
  orderIds: string[],
): Promise<Map<string, { description: string | null; mediaUrl: string | null }>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .select({
      orderId: open311Requests.orderId,
      description: open311Requests.description,
      mediaUrl: open311Requests.mediaUrl,
    })
    .from(open311Requests)
    .where(inArray(open311Requests.orderId, orderIds));
  return new Map(rows.map((r) => [r.orderId, { description: r.description, mediaUrl: r.mediaUrl }]));
}

/** The work order created with the token of this hash, or undefined. */
export async function orderIdOfTokenHash(db: Db, hash: string): Promise<string | undefined> {
  const [row] = await db
    .select({ orderId: open311Requests.orderId })
    .from(open311Requests)
    .where(eq(open311Requests.tokenHash, hash));
  return row?.orderId;
}
