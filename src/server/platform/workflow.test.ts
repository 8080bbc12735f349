import { and, eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { formatMessage } from '../../shared/i18n/errors';
import { auditLog } from './audit.table';
import { uuidv7 } from './clock';
import type { UseCaseCtx } from './context';
import { AppError } from './errors';
import type { Actor } from './permissions';
import {
  availableActions,
  defineWorkflow,
  stepKey,
  sweepWorkflow,
  sweepWorkflows,
  transition,
} from './workflow';

// A throw-away procedure on its own tables: an item is drafted, opened, closed, or expires when its
// deadline passes; a reminder is sent when its reminder time passes (no state change).
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const items = pgTable('wf_test_items', {
  id: uuid('id').primaryKey(),
  state: text('state').notNull(),
  version: integer('version').notNull().default(1),
  dueAt: ts('due_at'),
  remindAt: ts('remind_at'),
  reminders: integer('reminders').notNull().default(0),
  reason: text('reason'),
  updatedAt: ts('updated_at'),
});
const events = pgTable('wf_test_events', {
  id: uuid('id').primaryKey(),
  itemId: uuid('item_id').notNull(),
  action: text('action').notNull(),
  fromState: text('from_state'),
  toState: text('to_state'),
  actorId: uuid('actor_id'),
});
const steps = pgTable(
  'wf_test_steps',
  { itemId: uuid('item_id').notNull(), step: text('step').notNull(), at: ts('at').notNull() },
  (t) => [unique('wf_test_steps_uq').on(t.itemId, t.step)],
);
type Item = typeof items.$inferSelect;
type Input = { reason?: string; boom?: boolean };

const wf = defineWorkflow<'draft' | 'open' | 'closed' | 'expired', Item, 'open' | 'close' | 'expire', Input>({
  name: 'test.item',
  states: ['draft', 'open', 'closed', 'expired'],
  transitions: {
    open: { from: ['draft'], to: 'open', permission: 'work_orders.dispatch' },
    close: {
      from: ['open'],
      to: 'closed',
      permission: ['work_orders.dispatch', 'work_orders.handle'],
      guard: (_item, input) => !!input.reason,
    },
    expire: { from: ['open'], to: 'expired', permission: null },
  },
  prepare: (_item, _action, input) => ({
    patch: input.reason ? { reason: input.reason } : {},
    event: { boom: input.boom },
    data: { reason: input.reason ?? null },
  }),
  adapter: {
    table: items,
    id: items.id,
    state: items.state,
    version: items.version,
    updatedAt: items.updatedAt,
    writeEvent: async (tx, ctx, e) => {
      await tx.insert(events).values({
        id: ctx.ids(),
        itemId: e.record.id,
        action: e.action,
        fromState: e.from,
        toState: e.to,
        actorId: ctx.actor?.userId ?? null,
      });
      // A failure after the update and the event: everything must roll back.
      if (e.event.boom) throw new Error('boom');
    },
    audit: (e) => ({
      action: `wf_test.${e.action}`,
      entityType: 'wf_test_item',
      entityId: e.record.id,
      before: { state: e.from },
      after: { state: e.to, ...e.data },
    }),
    steps: { table: steps, recordId: steps.itemId, step: steps.step, at: steps.at },
  },
  deadlines: [
    {
      name: 'reminded',
      states: ['open'],
      due: items.remindAt,
      // In SQL, so rows already reminded (and still due) stay out of the sweep's batch.
      step: stepKey('remind:', items.remindAt),
      fire: async (tx, ctx, i) => {
        await tx
          .update(items)
          .set({ reminders: sql`${items.reminders} + 1` })
          .where(eq(items.id, i.id));
        await tx.insert(events).values({ id: ctx.ids(), itemId: i.id, action: 'remind' });
      },
    },
    {
      name: 'expired',
      states: ['open'],
      due: items.dueAt,
      step: () => 'expire',
      action: 'expire',
      input: () => ({}),
    },
  ],
});

const actor = (role: 'platform_admin' | 'resident'): Actor => ({
  userId: uuidv7(),
  username: role,
  displayName: role,
  locale: 'zh-CN',
  assignments: [{ role, orgUnitId: null, orgPath: '/', orgUnitName: null }],
});

describe('workflow engine', () => {
  let t: TestApp;
  let ctx: UseCaseCtx;
  const admin = actor('platform_admin');
  const HOUR = 3_600_000;

  beforeAll(async () => {
    t = await createTestApp();
    ctx = { ...t.deps, actor: admin, requestId: 'test' };
    await t.database.db.execute(sql`
      create table wf_test_items (id uuid primary key, state text not null, version integer not null default 1,
        due_at timestamptz, remind_at timestamptz, reminders integer not null default 0, reason text, updated_at timestamptz)`);
    await t.database.db.execute(sql`
      create table wf_test_events (id uuid primary key, item_id uuid not null, action text not null,
        from_state text, to_state text, actor_id uuid)`);
    await t.database.db.execute(sql`
      create table wf_test_steps (item_id uuid not null, step text not null, at timestamptz not null,
        constraint wf_test_steps_uq unique (item_id, step))`);
  });
  afterAll(async () => {
    await t.close();
  });

  async function newItem(values: Partial<Item> = {}): Promise<Item> {
    const [row] = await t.database.db
      .insert(items)
      .values({ id: uuidv7(), state: 'draft', ...values })
      .returning();
    return row!;
  }
  const read = async (id: string) => (await t.database.db.select().from(items).where(eq(items.id, id)))[0]!;
  const eventsOf = (id: string) => t.database.db.select().from(events).where(eq(events.itemId, id));
  const rejection = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a rejection');
      },
      (e: unknown) => e as AppError,
    );

  it('a declaration naming an unknown state, or deadlines without a steps table, is refused at start-up', () => {
    expect(() =>
      defineWorkflow({
        name: 'bad',
        states: ['a'],
        transitions: { go: { from: ['a'], to: 'b' as 'a', permission: null } },
        adapter: { ...wf.adapter },
      }),
    ).toThrow(/unknown state b/);
    expect(() =>
      defineWorkflow({ ...wf, name: 'bad2', adapter: { ...wf.adapter, steps: undefined } }),
    ).toThrow(/steps table/);
  });

  it('the table decides: a legal step moves the state, bumps the version, writes its event and audit in one go', async () => {
    const item = await newItem();
    const opened = await transition(wf, ctx, item, 'open', {});
    expect(opened).toMatchObject({ state: 'open', version: 2 });
    expect(await eventsOf(item.id)).toMatchObject([
      { action: 'open', fromState: 'draft', toState: 'open', actorId: admin.userId },
    ]);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, item.id), eq(auditLog.action, 'wf_test.open')));
    expect(audits).toHaveLength(1);
    // Not from this state: 409, nothing written.
    const e = await rejection(transition(wf, ctx, opened, 'open', {}));
    expect(e).toMatchObject({ code: 'workflow.invalid_transition', status: 409 });
    expect(await eventsOf(item.id)).toHaveLength(1);
  });

  it("permission comes from the actor: one without it gets 403, nobody logged in 401, and a system-only step is nobody's", async () => {
    const item = await newItem();
    const resident = { ...ctx, actor: actor('resident') };
    expect(await rejection(transition(wf, resident, item, 'open', {}))).toMatchObject({
      code: 'common.forbidden',
      status: 403,
    });
    expect(await rejection(transition(wf, { ...ctx, actor: undefined }, item, 'open', {}))).toMatchObject({
      status: 401,
    });
    const opened = await transition(wf, ctx, item, 'open', {});
    expect(await rejection(transition(wf, ctx, opened, 'expire', {}))).toMatchObject({ status: 403 });
    expect(availableActions(wf, admin, opened)).toEqual(['close']);
    expect(availableActions(wf, resident.actor, opened)).toEqual([]);
    expect((await read(item.id)).state).toBe('open');
  });

  it('a guard that fails answers 409 and changes nothing', async () => {
    const item = await transition(wf, ctx, await newItem(), 'open', {});
    const e = await rejection(transition(wf, ctx, item, 'close', { reason: '' }));
    expect(e).toMatchObject({ code: 'workflow.guard_failed', status: 409 });
    expect(await read(item.id)).toMatchObject({ state: 'open', version: 2 });
    expect(await transition(wf, ctx, item, 'close', { reason: '已处理' })).toMatchObject({
      state: 'closed',
      reason: '已处理',
    });
  });

  it('two concurrent transitions of the same record: one wins, the other loses with a 409 in the user language', async () => {
    const item = await transition(wf, ctx, await newItem(), 'open', {});
    const results = await Promise.allSettled([
      transition(wf, ctx, item, 'close', { reason: 'a' }),
      transition(wf, ctx, item, 'close', { reason: 'b' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect(lost.reason).toMatchObject({ code: 'workflow.conflict', status: 409 });
    expect(formatMessage('workflow.conflict', 'zh-CN')).toMatch(/已被他人处理/);
    expect(formatMessage('workflow.conflict', 'en')).toMatch(/Someone else/);
    expect((await eventsOf(item.id)).filter((e) => e.action === 'close')).toHaveLength(1);
    expect(await read(item.id)).toMatchObject({ state: 'closed', version: 3 });
  });

  it('the event is written in the transition: a failure after the update rolls back the state, the event and the audit', async () => {
    const item = await newItem();
    await expect(transition(wf, ctx, item, 'open', { boom: true })).rejects.toThrow('boom');
    expect(await read(item.id)).toMatchObject({ state: 'draft', version: 1 });
    expect(await eventsOf(item.id)).toHaveLength(0);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(audits).toHaveLength(0);
  });

  it('deadlines: two sweepers at once fire each due deadline exactly once; later sweeps fire nothing', async () => {
    const now = t.clock.now();
    const due: Item[] = [];
    for (let i = 0; i < 12; i++) {
      const item = await transition(wf, ctx, await newItem(), 'open', {});
      await t.database.db
        .update(items)
        .set({ dueAt: new Date(now.getTime() - HOUR), remindAt: new Date(now.getTime() - 2 * HOUR) })
        .where(eq(items.id, item.id));
      due.push(item);
    }
    // Not due yet, and due but in another state: left alone.
    const later = await transition(wf, ctx, await newItem(), 'open', {});
    await t.database.db
      .update(items)
      .set({ dueAt: new Date(now.getTime() + HOUR) })
      .where(eq(items.id, later.id));
    const draft = await newItem({ dueAt: new Date(now.getTime() - HOUR) });

    const sweep = { ...ctx, actor: undefined };
    const [a, b] = await Promise.all([sweepWorkflow(wf, sweep), sweepWorkflow(wf, sweep)]);
    expect(a.expired! + b.expired!).toBe(12);
    expect(a.reminded! + b.reminded!).toBe(12);
    for (const item of due) {
      expect(await read(item.id)).toMatchObject({ state: 'expired', reminders: 1 });
      const evs = await eventsOf(item.id);
      expect(evs.filter((e) => e.action === 'expire')).toMatchObject([{ fromState: 'open', actorId: null }]);
      expect(evs.filter((e) => e.action === 'remind')).toHaveLength(1);
    }
    expect((await read(later.id)).state).toBe('open');
    expect((await read(draft.id)).state).toBe('draft');
    expect(await sweepWorkflow(wf, sweep)).toEqual({ reminded: 0, expired: 0 });
    // The platform job sweeps every registered workflow the same way.
    expect(await sweepWorkflows([wf], sweep)).toEqual({ 'test.item': { reminded: 0, expired: 0 } });
  });

  it('a claimed deadline whose record stays due (a reminder) fires once; a moved deadline fires again', async () => {
    const now = t.clock.now();
    const item = await transition(wf, ctx, await newItem(), 'open', {});
    await t.database.db
      .update(items)
      .set({ remindAt: new Date(now.getTime() - HOUR) })
      .where(eq(items.id, item.id));
    const sweep = { ...ctx, actor: undefined };
    expect((await sweepWorkflow(wf, sweep)).reminded).toBe(1);
    expect((await sweepWorkflow(wf, sweep)).reminded).toBe(0);
    await t.database.db
      .update(items)
      .set({ remindAt: new Date(now.getTime() - 1000) })
      .where(eq(items.id, item.id));
    expect((await sweepWorkflow(wf, sweep)).reminded).toBe(1);
    expect((await read(item.id)).reminders).toBe(2);
    // The key written from SQL is the one JavaScript would write (claims made before stay valid).
    const keys = await t.database.db.select().from(steps).where(eq(steps.itemId, item.id));
    expect(keys.map((k) => k.step).sort()).toEqual(
      [
        `remind:${new Date(now.getTime() - HOUR).toISOString()}`,
        `remind:${new Date(now.getTime() - 1000).toISOString()}`,
      ].sort(),
    );
  });

  it('rows already reminded and still due do not fill the batch: a small batch still reaches every row', async () => {
    const now = t.clock.now();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const item = await transition(wf, ctx, await newItem(), 'open', {});
      await t.database.db
        .update(items)
        .set({ remindAt: new Date(now.getTime() - (10 - i) * HOUR) })
        .where(eq(items.id, item.id));
      ids.push(item.id);
    }
    const sweep = { ...ctx, actor: undefined };
    expect((await sweepWorkflow(wf, sweep, { batch: 2 })).reminded).toBe(2);
    expect((await sweepWorkflow(wf, sweep, { batch: 2 })).reminded).toBe(1);
    expect((await sweepWorkflow(wf, sweep, { batch: 2 })).reminded).toBe(0);
    for (const id of ids) expect((await read(id)).reminders).toBe(1);
  });
});
