import { check, date, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { sql } from 'drizzle-orm';

/**
 * Admin overrides of the statutory calendar (R-LAW-CAL-1), one row per non-ordinary day.
 * When a year has any row here, these rows are that year's complete schedule and the bundled
 * package data for the year is ignored; a date absent from a loaded year is an ordinary day.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    /** The local (China) calendar date. */
    date: date('date', { mode: 'string' }).primaryKey(),
    /** 'holiday' (a day off) | 'workday' (an adjusted working weekend, 调休上班). */
    kind: text('kind').notNull(),
    /** The holiday it belongs to, e.g. 春节. */
    name: text('name').notNull(),
    /** Who supplied the row; only 'admin' for now. */
    source: text('source').notNull().default('admin'),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [check('calendar_days_kind_check', sql`${t.kind} in ('holiday', 'workday')`)],
);
