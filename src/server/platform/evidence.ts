import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type SQL, sql } from 'drizzle-orm';
import type { Locale } from '../../shared/i18n/errors';
import type { Db } from './db';
import { isUuid } from './ids';

/**
 * Evidence sources: the records a module already holds that can back an assessment item (issue 12, "evidence
 * from the rest of Linli"). A module lists its sources in `defineModule({ evidence })`; a framework item names
 * the source keys that bear on it (configuration, `as_nodes.evidence`); the assessments module asks the
 * registry for a community's records over a period and lets the assessor attach them. No module reads another's
 * tables: each source queries its own.
 */
export interface EvidenceQuery {
  /** The community's org path: records of the community and of the units below it. */
  orgPath: string;
  /** The period, China time: [from, to). */
  from: Date;
  to: Date;
  locale: Locale;
  /** Only the record with this ref (attaching one record re-reads just that one); sources of one summary record ignore it. */
  ref?: string;
}

/** One record (or one figure) a source offers as evidence. `ref` is stable: attaching stores it. */
export interface EvidenceRecord {
  ref: string;
  title: string;
  /** When it happened (a meeting's date, a project's start), if it has one. */
  date?: Date | null;
  /** One line of detail: a figure with its unit, a state, a count. */
  detail?: string;
}

export interface EvidenceSource {
  /** `<module>.<what>`, unique across modules. */
  key: string;
  label: Record<Locale, string>;
  /** At most `limit` records, newest first. Never personal data: titles, dates and figures only. */
  find(db: Db, q: EvidenceQuery, limit: number): Promise<EvidenceRecord[]>;
}

/** The record-id condition for `q.ref`: nothing without one, no row for a ref that is not a record id. */
export function onlyRef(column: AnyPgColumn, ref: string | undefined): SQL | undefined {
  if (ref === undefined) return undefined;
  return isUuid(ref) ? sql`${column} = ${ref}` : sql`false`;
}

/** The subtree condition evidence sources use (`platform/permissions.underPath`). */
export { underPath } from './permissions';

/** A percentage with one decimal, or "—" when there is nothing to divide by. */
export function percentText(num: number, den: number): string {
  return den > 0 ? `${Math.round((num / den) * 1000) / 10}%` : '—';
}
