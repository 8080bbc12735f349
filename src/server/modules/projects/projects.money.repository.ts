import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { pjApplications, pjDisbursements, pjFundDisclosures, pjSpends } from './projects.table';
import { lockRow, rowInserter } from '../../platform/rowAccessors';
import { rowsOfApplication } from './projects.childRows';

export type DisbursementRow = typeof pjDisbursements.$inferSelect;
export type SpendRow = typeof pjSpends.$inferSelect;
export type FundDisclosureRow = typeof pjFundDisclosures.$inferSelect;

export function disbursementsOf(db: Db, applicationId: string): Promise<DisbursementRow[]> {
  return rowsOfApplication(
    db,
    pjDisbursements,
    applicationId,
    asc(pjDisbursements.receivedOn),
    asc(pjDisbursements.createdAt),
  );
}

export function spendsOf(db: Db, applicationId: string): Promise<SpendRow[]> {
  return rowsOfApplication(db, pjSpends, applicationId, asc(pjSpends.spentOn), asc(pjSpends.createdAt));
}

export function fundDisclosuresOf(db: Db, applicationId: string): Promise<FundDisclosureRow[]> {
  return rowsOfApplication(db, pjFundDisclosures, applicationId, desc(pjFundDisclosures.postedAt));
}

export const insertDisbursement = rowInserter(pjDisbursements);

export const insertSpend = rowInserter(pjSpends);

export const insertFundDisclosure = rowInserter(pjFundDisclosures);

/** Locks the application row (serialises spends of one project, so two cannot both pass the check). */
export function lockApplication(tx: Db, id: string): Promise<void> {
  return lockRow(tx, pjApplications, id);
}

/** Total disbursed and spent of one project, in fen. */
export async function totalsOf(tx: Db, applicationId: string) {
  const [d] = await tx
    .select({ n: sql<string>`coalesce(sum(${pjDisbursements.amountFen}), 0)` })
    .from(pjDisbursements)
    .where(eq(pjDisbursements.applicationId, applicationId));
  const [s] = await tx
    .select({ n: sql<string>`coalesce(sum(${pjSpends.amountFen}), 0)` })
    .from(pjSpends)
    .where(eq(pjSpends.applicationId, applicationId));
  return { disbursedFen: Number(d!.n), spentFen: Number(s!.n) };
}

/**
 * Selected projects of the communities a resident's board covers (their home community and the units
 * above it: `root like org_path || '%'`), with their latest published fund-use statement.
 */
export async function selectedForBoard(db: Db, roots: string[]) {
  if (roots.length === 0) return [];
  const all = roots.includes('/');
  const rows = await db
    .select()
    .from(pjApplications)
    .where(
      and(
        eq(pjApplications.state, 'selected'),
        all
          ? undefined
          : sql`(${sql.join(
              roots.map((r) => sql`${r} like (${pjApplications.orgPath} || '%')`),
              sql` or `,
            )})`,
      ),
    )
    .orderBy(asc(pjApplications.number));
  const ids = rows.map((r) => r.id);
  const posts = ids.length
    ? await db
        .select()
        .from(pjFundDisclosures)
        .where(inArray(pjFundDisclosures.applicationId, ids))
        .orderBy(desc(pjFundDisclosures.postedAt))
    : [];
  const latest = new Map<string, FundDisclosureRow>();
  for (const p of posts) if (!latest.has(p.applicationId)) latest.set(p.applicationId, p);
  return rows.map((r) => ({ row: r, post: latest.get(r.id) ?? null }));
}

/** One spend of one project. */
export async function findSpend(db: Db, applicationId: string, spendId: string) {
  return firstRow(db, pjSpends, and(eq(pjSpends.applicationId, applicationId), eq(pjSpends.id, spendId)));
}

export async function setSpendReceipt(tx: Db, spendId: string, fileId: string, mime: string, now: Date) {
  await tx
    .update(pjSpends)
    .set({ receiptFileId: fileId, receiptMime: mime, updatedAt: now })
    .where(eq(pjSpends.id, spendId));
}
