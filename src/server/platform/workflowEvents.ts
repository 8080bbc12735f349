import type { PgTable } from 'drizzle-orm/pg-core';
import type { UseCaseCtx } from './context';
import type { Db } from './db';
import type { TransitionEvent } from './workflow';

/**
 * The columns every workflow's event (timeline) row shares, for a module's `adapter.writeEvent`: who acted,
 * when, which action and the state before and after. Modules' event tables name them in one of two ways;
 * the module adds its record's id column (and any columns of its own) beside these.
 */

/** `fromState`/`toState` and the event's `comment`; no actor (a deadline) leaves the name empty. */
export function stateEventColumns<S extends string>(ctx: UseCaseCtx, e: TransitionEvent<S, object>) {
  return {
    id: ctx.ids(),
    at: ctx.clock.now(),
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? null,
    action: e.action,
    fromState: e.from,
    toState: e.to,
    comment: (e.event.comment as string | null | undefined) ?? null,
    data: e.data,
  };
}

/** `fromStatus`/`toStatus` and the event's `note`; no actor (a deadline) is named 系统. */
export function statusEventColumns<S extends string>(ctx: UseCaseCtx, e: TransitionEvent<S, object>) {
  return statusStepColumns(ctx, {
    action: e.action,
    from: e.from,
    to: e.to,
    note: (e.event.note as string | null | undefined) ?? null,
    data: e.data,
  });
}

/** A step written to a `statusEventColumns` table outside a transition (a record's creation, a deadline's work). */
export interface StatusStep {
  action: string;
  from?: string | null;
  to?: string | null;
  note?: string | null;
  data?: Record<string, unknown>;
}

/**
 * The same columns for any step: who acted (no actor is named `nobody`, 系统 unless given), `at` (the
 * clock's now unless given), the action, the status before and after, the note and data.
 */
export function statusStepColumns(ctx: UseCaseCtx, e: StatusStep, at = ctx.clock.now(), nobody = '系统') {
  return {
    id: ctx.ids(),
    at,
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? nobody,
    action: e.action,
    fromStatus: e.from ?? null,
    toStatus: e.to ?? null,
    note: e.note ?? null,
    data: e.data ?? {},
  };
}

/**
 * A workflow adapter's `writeEvent` into an events table of rows made by `columns`: those columns, the record's
 * id under `recordKey`, and any columns of the module's own (`extra`).
 */
function eventWriter(columns: (ctx: UseCaseCtx, e: TransitionEvent<string, object>) => object) {
  return <T extends PgTable, S extends string, R extends { id: string }>(
    table: T,
    recordKey: keyof T['$inferInsert'] & string,
    extra?: (e: TransitionEvent<S, R>) => Partial<T['$inferInsert']>,
  ) =>
    (tx: Db, ctx: UseCaseCtx, e: TransitionEvent<S, R>) =>
      tx.insert(table).values({
        ...columns(ctx, e),
        [recordKey]: e.record.id,
        ...extra?.(e),
      } as T['$inferInsert']);
}

/** `writeEvent` into a table of `statusEventColumns` rows: `writeEvent: statusEventWriter(fooEvents, 'fooId')`. */
export const statusEventWriter = eventWriter(statusEventColumns);

/** `writeEvent` into a table of `stateEventColumns` rows: `writeEvent: stateEventWriter(fooEvents, 'fooId')`. */
export const stateEventWriter = eventWriter(stateEventColumns);
