import { and, avg, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { upsertRow } from '../../platform/upsertRow';
import { isUuid } from '../../platform/ids';
import { pjDoorstepProjects, pjDoorstepRatings } from './projects.table';
import { firstRow } from '../../platform/firstRow';

export type DoorstepRatingRow = typeof pjDoorstepRatings.$inferSelect;

/**
 * A doorstep project by id whose community covers one of a resident's board roots (`root like org_path ||
 * '%'`, as the resident's list), or undefined (also for a bad id).
 */
export async function doorstepOnBoard(db: Db, id: string, roots: string[]) {
  if (!isUuid(id) || roots.length === 0) return undefined;
  return firstRow(
    db,
    pjDoorstepProjects,
    and(
      eq(pjDoorstepProjects.id, id),
      roots.includes('/')
        ? undefined
        : sql`(${sql.join(
            roots.map((p) => sql`${p} like (${pjDoorstepProjects.orgPath} || '%')`),
            sql` or `,
          )})`,
    ),
  );
}

/** Inserts or replaces the resident's rating of a project (one per resident and project); the row before. */
export async function upsertRating(
  tx: Db,
  row: typeof pjDoorstepRatings.$inferInsert,
): Promise<{ before: DoorstepRatingRow | undefined; after: DoorstepRatingRow }> {
  const [before] = await tx
    .select()
    .from(pjDoorstepRatings)
    .where(and(eq(pjDoorstepRatings.projectId, row.projectId), eq(pjDoorstepRatings.userId, row.userId)))
    .for('update');
  const after = await upsertRow(
    tx,
    pjDoorstepRatings,
    [pjDoorstepRatings.projectId, pjDoorstepRatings.userId],
    row,
    {
      stars: row.stars,
      comment: row.comment ?? null,
      raterMasked: row.raterMasked,
      updatedAt: row.updatedAt,
    },
  );
  return { before, after };
}

/** A project's ratings, newest first. */
export function ratingsOf(db: Db, projectId: string): Promise<DoorstepRatingRow[]> {
  return db
    .select()
    .from(pjDoorstepRatings)
    .where(eq(pjDoorstepRatings.projectId, projectId))
    .orderBy(desc(pjDoorstepRatings.updatedAt), desc(pjDoorstepRatings.id))
    .limit(1000);
}

/** Average and count per project. */
export async function ratingSummaries(
  db: Db,
  projectIds: string[],
): Promise<Map<string, { average: number | null; count: number }>> {
  const out = new Map<string, { average: number | null; count: number }>();
  if (projectIds.length === 0) return out;
  const rows = await db
    .select({ projectId: pjDoorstepRatings.projectId, avg: avg(pjDoorstepRatings.stars), n: count() })
    .from(pjDoorstepRatings)
    .where(inArray(pjDoorstepRatings.projectId, projectIds))
    .groupBy(pjDoorstepRatings.projectId);
  for (const r of rows)
    out.set(r.projectId, {
      average: r.avg === null ? null : Math.round(Number(r.avg) * 10) / 10,
      count: r.n,
    });
  return out;
}

/** The user's own ratings of the given projects. */
export function ratingsBy(db: Db, userId: string, projectIds: string[]): Promise<DoorstepRatingRow[]> {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(pjDoorstepRatings)
    .where(and(eq(pjDoorstepRatings.userId, userId), inArray(pjDoorstepRatings.projectId, projectIds)));
}
