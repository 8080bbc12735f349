import { type SQL, and, asc, eq, getTableColumns, inArray, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Permission } from '../../shared/permissions';
import { type AuditEntry, writeAudit } from './audit';
import type { UseCaseCtx } from './context';
import type { Db } from './db';
import { AppError } from './errors';
import { type Actor, can } from './permissions';

/**
 * The workflow engine (DESIGN convention 10): a procedure with states and deadlines is a declarative
 * transition table, run here for every module (work orders, service orders, and the procedures to come).
 *
 * - `transition()` checks the from-state, the actor's permission (from the session's actor, never from
 *   the request body), the module's per-record rule (`authorize`) and the transition's guard, then updates
 *   the row with an optimistic check (`WHERE state = <from>`, and the version column when there is one),
 *   and writes the module's event row, its side effects and the audit entry in the same transaction. A
 *   concurrent transition that got there first makes the loser answer 409.
 * - `sweepWorkflows()` (the one scheduled job `platform.workflow-sweep`) fires every workflow's due
 *   deadlines. Each row is locked `FOR UPDATE SKIP LOCKED` (several app processes sweeping at once split
 *   the rows, never both act on one) and each deadline is claimed in the module's steps table (unique per
 *   record and step, committed with the work), so a deadline fires once even across retries and restarts.
 */

type Row = object;
type Effect<R> = (tx: Db, updated: R) => Promise<unknown>;

export interface TransitionRule<S extends string, R extends Row, I> {
  from: readonly S[];
  /** null: the state does not change (a note-like step); `prepare` may pick the target instead. */
  to: S | null;
  /** The actor must hold one of these; null = no person may (system steps: deadlines). */
  permission: Permission | readonly Permission[] | null;
  /** A condition on the record and input beyond the state: throw an AppError, or return false (409). */
  guard?(record: R, input: I, ctx: UseCaseCtx): unknown;
}

/** What one transition writes besides the state: computed by the module from the record and input. */
export interface Prepared<S extends string, R extends Row> {
  /** Columns set together with the state (by property name). */
  patch?: Partial<R>;
  /** The target state when the table leaves the choice to the module (e.g. a follow-up that redoes). */
  to?: S;
  /** Passed to the adapter's event writer (note, public note, attachments…). */
  event?: Record<string, unknown>;
  /** Event and audit data; effects may still add to it (they run before the event is written). */
  data?: Record<string, unknown>;
  /** Writes besides the row, in the transition's transaction, after the update. */
  effects?: Effect<R>[];
  /** Replaces parts of the audit entry the adapter builds. */
  audit?: Partial<AuditEntry>;
}

export interface TransitionEvent<S extends string, R extends Row> {
  action: string;
  from: S;
  to: S;
  record: R;
  updated: R;
  data: Record<string, unknown>;
  event: Record<string, unknown>;
}

/** Where a workflow's records, events and deadline claims live: each module keeps its own tables. */
export interface WorkflowAdapter<S extends string, R extends Row> {
  table: PgTable;
  id: AnyPgColumn;
  state: AnyPgColumn;
  /** Incremented by every transition and checked with the state. */
  version?: AnyPgColumn;
  /** Set to the clock's now by every transition. */
  updatedAt?: AnyPgColumn;
  /** Writes the module's event (timeline) row, inside the transition's transaction. */
  writeEvent(tx: Db, ctx: UseCaseCtx, e: TransitionEvent<S, R>): Promise<unknown>;
  /** The audit entry of a transition (null: none). */
  audit(e: TransitionEvent<S, R>): AuditEntry | null;
  /** Deadline claims: a table unique on (record, step). Needed when the workflow declares deadlines. */
  steps?: { table: PgTable; recordId: AnyPgColumn; step: AnyPgColumn; at: AnyPgColumn };
}

export interface DeadlineRule<S extends string, R extends Row> {
  /** Counted under this name in the sweep's result. */
  name: string;
  /** The states in which the deadline runs. */
  states: readonly S[];
  /** The timestamp column holding the deadline. */
  due: AnyPgColumn;
  /** Fires this long after the due time (e.g. a reminder the day after expiry). */
  afterMs?: number;
  /** Extra condition on the row (e.g. not yet marked overdue). */
  where?: SQL;
  /**
   * The claim's key: once per record and key (a deadline that moved gets a new key). As SQL over the row's
   * columns (see `stepKey`), rows already claimed are left out of the sweep's batch: use it when a row stays
   * due after its step fired (a reminder), or old claimed rows would fill every batch.
   */
  step: ((record: R) => string) | SQL;
  /** Either a transition of the table, run as the system (no actor)… */
  action?: string;
  input?(record: R): unknown;
  /** …or any work on the locked row, in the sweep's transaction; false = nothing was done. */
  fire?(tx: Db, ctx: UseCaseCtx, record: R): Promise<unknown>;
}

export interface WorkflowErrors<R extends Row> {
  /** The action is not possible in the record's state (default 409 `workflow.invalid_transition`). */
  invalidTransition?(record: R, ctx: UseCaseCtx, action: string): AppError;
  /** The actor may not take it (default 403 `common.forbidden`). */
  forbidden?(record: R, ctx: UseCaseCtx, action: string): AppError;
  /** Another transition changed the record first; `fresh` is the row now (default 409 `workflow.conflict`). */
  conflict?(fresh: R | undefined, ctx: UseCaseCtx, action: string): AppError;
  /** A guard returned false (default 409 `workflow.guard_failed`). */
  guardFailed?(record: R, ctx: UseCaseCtx, action: string): AppError;
}

export interface WorkflowDef<S extends string, R extends Row, A extends string, I> {
  /** `<module>.<procedure>`, unique. */
  name: string;
  states: readonly S[];
  transitions: Record<A, TransitionRule<S, R, I>>;
  adapter: WorkflowAdapter<S, R>;
  /** Per-record rule on top of the permission (scope, side: DESIGN convention 5). */
  authorize?(actor: Actor, record: R, action: A): boolean;
  /** Computes the patch, event and side effects of an allowed transition (may read, may throw). */
  prepare?(record: R, action: A, input: I, ctx: UseCaseCtx): Promise<Prepared<S, R>> | Prepared<S, R>;
  /** Runs after the event is written, before the audit entry, in the same transaction (e.g. counters). */
  afterTransition?(tx: Db, ctx: UseCaseCtx, e: TransitionEvent<S, R> & { input: I }): Promise<unknown>;
  deadlines?: DeadlineRule<S, R>[];
  errors?: WorkflowErrors<R>;
}

export interface Workflow<
  S extends string = string,
  R extends Row = Row,
  A extends string = string,
  I = unknown,
> extends WorkflowDef<S, R, A, I> {
  readonly kind: 'workflow';
}

export function defineWorkflow<S extends string, R extends Row, A extends string, I>(
  def: WorkflowDef<S, R, A, I>,
): Workflow<S, R, A, I> {
  for (const [action, t] of Object.entries(def.transitions) as [string, TransitionRule<S, R, I>][]) {
    for (const s of [...t.from, ...(t.to ? [t.to] : [])])
      if (!def.states.includes(s)) throw new Error(`${def.name}.${action}: unknown state ${s}`);
  }
  for (const d of def.deadlines ?? []) {
    if (!def.adapter.steps) throw new Error(`${def.name}: deadlines need a steps table`);
    if (!d.action === !d.fire) throw new Error(`${def.name}.${d.name}: give either action or fire`);
    if (d.action && !(d.action in def.transitions)) throw new Error(`${def.name}.${d.name}: unknown action`);
  }
  return { ...def, kind: 'workflow' };
}

/** A step of a shared state machine (shared/contracts: it also drives the UI): from, target, permission. */
export interface MachineStep<S extends string> {
  from: readonly S[];
  to: S | null;
  permission: TransitionRule<S, Row, unknown>['permission'];
}

/**
 * A workflow's transition table from a shared machine: each action's from-states, target and permission
 * as the machine gives them; `permissionOf` replaces who may take an action when the module widens it.
 */
export function machineTransitions<S extends string, R extends Row, A extends string, I>(
  actions: readonly A[],
  machine: Record<A, MachineStep<S>>,
  permissionOf: (action: A) => TransitionRule<S, R, I>['permission'] = (a) => machine[a].permission,
): Record<A, TransitionRule<S, R, I>> {
  return Object.fromEntries(
    actions.map((a) => [a, { from: machine[a].from, to: machine[a].to, permission: permissionOf(a) }]),
  ) as Record<A, TransitionRule<S, R, I>>;
}

/** The property name of a column in its table (Drizzle's `set`/`values` take property names). */
function keyOf(table: PgTable, column: AnyPgColumn): string {
  for (const [key, col] of Object.entries(getTableColumns(table))) if (col === column) return key;
  throw new Error(`column ${column.name} is not in the table`);
}

const get = (record: Row, key: string) => (record as Record<string, unknown>)[key];
const permissionsOf = (p: TransitionRule<string, Row, unknown>['permission']) =>
  p === null ? [] : typeof p === 'string' ? [p] : p;

function mayTake<S extends string, R extends Row, A extends string, I>(
  wf: Workflow<S, R, A, I>,
  actor: Actor,
  record: R,
  action: A,
): boolean {
  const t = wf.transitions[action];
  if (!permissionsOf(t.permission).some((p) => can(actor, p))) return false;
  return wf.authorize ? wf.authorize(actor, record, action) : true;
}

/** What this actor may do to the record now: the table's from-states ∩ permissions ∩ `authorize`. */
export function availableActions<S extends string, R extends Row, A extends string, I>(
  wf: Workflow<S, R, A, I>,
  actor: Actor | undefined,
  record: R,
): A[] {
  if (!actor) return [];
  const state = get(record, keyOf(wf.adapter.table, wf.adapter.state)) as S;
  return (Object.keys(wf.transitions) as A[]).filter(
    (a) => wf.transitions[a].from.includes(state) && mayTake(wf, actor, record, a),
  );
}

export interface TransitionOpts {
  /**
   * The caller vouches for an actor-less step (the deadline sweep; a requester identified by their
   * tracking token): the permission check is skipped. Never set from request input.
   */
  trusted?: boolean;
  /** Run inside this transaction instead of opening one. */
  tx?: Db;
}

/**
 * Takes one transition: from-state, permission and per-record rule, guard, then in one transaction the
 * optimistic update, the module's effects, the event row, `afterTransition` and the audit entry. Any
 * failure in there rolls all of it back. Returns the updated row.
 */
export async function transition<S extends string, R extends Row, A extends string, I>(
  wf: Workflow<S, R, A, I>,
  ctx: UseCaseCtx,
  record: R,
  action: A,
  input: I,
  opts: TransitionOpts = {},
): Promise<R> {
  const { adapter } = wf;
  const stateKey = keyOf(adapter.table, adapter.state);
  const from = get(record, stateKey) as S;
  const t = wf.transitions[action] as TransitionRule<S, R, I> | undefined;
  if (!t?.from.includes(from))
    throw (
      wf.errors?.invalidTransition?.(record, ctx, action) ??
      new AppError('workflow.invalid_transition', 409, { state: from }, { state: from })
    );
  if (!opts.trusted) {
    if (!ctx.actor) throw new AppError('common.unauthenticated', 401);
    if (!mayTake(wf, ctx.actor, record, action))
      throw wf.errors?.forbidden?.(record, ctx, action) ?? new AppError('common.forbidden', 403);
  }
  if (t.guard && (await t.guard(record, input, ctx)) === false)
    throw wf.errors?.guardFailed?.(record, ctx, action) ?? new AppError('workflow.guard_failed', 409);
  const prepared = (await wf.prepare?.(record, action, input, ctx)) ?? {};
  const to = (prepared.to ?? t.to ?? from) as S;
  const now = ctx.clock.now();

  const run = async (tx: Db): Promise<R> => {
    const id = get(record, keyOf(adapter.table, adapter.id));
    const set: Record<string, unknown> = { ...prepared.patch, [stateKey]: to };
    const conds = [eq(adapter.id, id), eq(adapter.state, from)];
    if (adapter.version) {
      const key = keyOf(adapter.table, adapter.version);
      set[key] = (get(record, key) as number) + 1;
      conds.push(eq(adapter.version, get(record, key)));
    }
    if (adapter.updatedAt) set[keyOf(adapter.table, adapter.updatedAt)] = now;
    const [updated] = (await tx
      .update(adapter.table)
      .set(set as never)
      .where(and(...conds))
      .returning()) as R[];
    if (!updated) {
      // Someone else moved it first: answer from the row as it is now.
      const [fresh] = (await tx
        .select()
        .from(adapter.table as never)
        .where(eq(adapter.id, id))) as R[];
      throw wf.errors?.conflict?.(fresh, ctx, action) ?? new AppError('workflow.conflict', 409);
    }
    for (const effect of prepared.effects ?? []) await effect(tx, updated);
    const e: TransitionEvent<S, R> = {
      action,
      from,
      to,
      record,
      updated,
      data: prepared.data ?? {},
      event: prepared.event ?? {},
    };
    await adapter.writeEvent(tx, ctx, e);
    await wf.afterTransition?.(tx, ctx, { ...e, input });
    const audit = adapter.audit(e);
    if (audit) await writeAudit(tx, ctx, { ...audit, ...prepared.audit });
    return updated;
  };
  return opts.tx ? run(opts.tx) : ctx.db.transaction(run);
}

// ---------------------------------------------------------------- deadlines

const SWEEP_BATCH = 500;

/**
 * A transition's guard for a step that records someone's words: without the body's `comment`, 422 `code`
 * (`foo.comment_required`). `guard: needComment`, or `needComment(record, input)` inside a larger guard.
 */
export function commentGuard(code: string) {
  return (_record: unknown, input: { comment?: string | null | undefined }): void => {
    if (!input.comment) throw new AppError(code, 422);
  };
}

/** A claim key in SQL: `prefix` + the column's time as JavaScript's `toISOString()` writes it. */
export function stepKey(prefix: string, column: AnyPgColumn): SQL {
  return sql`(${prefix}::text || to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
}

/**
 * Fires the workflow's due deadlines, rule by rule in their declared order. A person's sweep passes
 * `where` (their scope); the scheduled job sweeps everything. Returns how many fired, by rule name.
 */
export async function sweepWorkflow<S extends string, R extends Row, A extends string, I>(
  wf: Workflow<S, R, A, I>,
  ctx: UseCaseCtx,
  opts: { where?: SQL | undefined; batch?: number } = {},
): Promise<Record<string, number>> {
  const { adapter } = wf;
  const steps = adapter.steps;
  const counts: Record<string, number> = {};
  const system: UseCaseCtx = { ...ctx, actor: undefined };
  for (const rule of wf.deadlines ?? []) {
    counts[rule.name] = 0;
    if (!steps) continue;
    const now = ctx.clock.now();
    const due = and(
      inArray(adapter.state, [...rule.states]),
      lt(rule.due, new Date(now.getTime() - (rule.afterMs ?? 0))),
      rule.where,
      opts.where,
    );
    const keySql = typeof rule.step === 'function' ? undefined : rule.step;
    const candidates = await ctx.db
      .select({ id: adapter.id })
      .from(adapter.table as never)
      .where(
        and(
          due,
          keySql &&
            sql`not exists (select 1 from ${steps.table} where ${steps.recordId} = ${adapter.id} and ${steps.step} = ${keySql})`,
        ),
      )
      .orderBy(asc(rule.due))
      .limit(opts.batch ?? SWEEP_BATCH);
    for (const { id } of candidates as { id: unknown }[]) {
      try {
        const fired = await ctx.db.transaction(async (tx) => {
          // Another sweeper holding the row skips it; one that already acted made it not due, or claimed it.
          const [locked] = (await tx
            .select({ row: adapter.table as never, key: keySql ?? sql<null>`null` })
            .from(adapter.table as never)
            .where(and(eq(adapter.id, id), due))
            .for('update', { skipLocked: true })) as { row: R; key: string | null }[];
          if (!locked) return false;
          const row = locked.row;
          const claimed = await tx
            .insert(steps.table)
            .values({
              [keyOf(steps.table, steps.recordId)]: id,
              [keyOf(steps.table, steps.step)]: typeof rule.step === 'function' ? rule.step(row) : locked.key,
              [keyOf(steps.table, steps.at)]: now,
            } as never)
            .onConflictDoNothing()
            .returning();
          if (claimed.length === 0) return false;
          // Everything the step reads and writes goes through the sweep's transaction.
          const inTx = { ...system, db: tx };
          if (rule.action) {
            await transition(wf, inTx, row, rule.action as A, rule.input?.(row) as I, { trusted: true, tx });
            return true;
          }
          return (await rule.fire!(tx, inTx, row)) !== false;
        });
        if (fired) counts[rule.name]!++;
      } catch (err) {
        // A step the table refuses now (a guard, a changed state): nothing fired, the claim rolled back.
        if (!(err instanceof AppError)) throw err;
      }
    }
  }
  return counts;
}

/**
 * The one scheduled job's work (`platform.workflow-sweep`): every registered workflow's deadlines. A
 * failing workflow does not stop the others; the first failure is raised at the end (the job retries).
 */
export async function sweepWorkflows(
  workflows: readonly Workflow<any, any, any, any>[],
  ctx: UseCaseCtx,
  log?: { error(obj: object, msg: string): void },
): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  let failure: unknown;
  for (const wf of workflows) {
    if (!wf.deadlines?.length) continue;
    try {
      out[wf.name] = await sweepWorkflow(wf, ctx);
    } catch (err) {
      log?.error({ err, workflow: wf.name }, 'workflow sweep failed');
      failure ??= err;
    }
  }
  if (failure) throw failure;
  return out;
}
