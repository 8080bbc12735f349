import { maskName } from './participation.names';
import { activeUnitFor, filterPath, unitNamesOf } from './participation.units';
import type { z } from 'zod';
import {
  ANSWER_DAYS,
  DISCLOSURE_GRACE_DAYS,
  type DisclosureDto,
  type DisclosureKind,
  OBJECTION_DAYS,
  POSTING_MIN_DAYS,
  type answerBody,
  type createDisclosureBody,
  type disclosureListQuery,
  type objectionBody,
  type scheduleBody,
} from '../../../shared/contracts/participation';
import { insertUnitRowAudited } from '../../platform/auditedUnitInsert';
import { auditRecord } from '../../platform/recordAudit';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/ids';
import type { Page } from '../../platform/listing';
import { unitHead } from '../../platform/unitHead';
import { unitNames } from '../org/org.api';
import {
  type DisclosureRow,
  answerObjection,
  findDisclosure,
  findObjection,
  insertDisclosure,
  insertObjection,
  listDisclosureRows,
  objectionsOf,
  postedPeriods,
  schedulesInScope,
  takeDown,
  unansweredObjections,
  upsertSchedule,
} from './disclosures.repository';
import { chinaDate } from './meetings.usecases';
import { disclosuresPolicy, onBoard, schedulesPolicy } from './participation.policy';

const DAY = 24 * 3_600_000;
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

async function toDtos(ctx: ActorCtx, rows: DisclosureRow[]): Promise<DisclosureDto[]> {
  const names = await unitNamesOf(ctx.db, rows);
  const objections = await objectionsOf(
    ctx.db,
    rows.map((d) => d.id),
  );
  const now = ctx.clock.now();
  return rows.map((d) => {
    const objectionUntil = plusDays(d.postedAt, OBJECTION_DAYS);
    return {
      ...unitHead(d, names),
      kind: d.kind as DisclosureKind,
      title: d.title,
      body: d.body,
      period: d.period,
      postedAt: d.postedAt,
      minUntil: plusDays(d.postedAt, POSTING_MIN_DAYS),
      objectionUntil,
      takenDownAt: d.takenDownAt,
      objections: objections
        .filter((o) => o.disclosureId === d.id)
        .map((o) => ({
          id: o.id,
          name: o.name,
          text: o.text,
          raisedAt: o.raisedAt,
          answerDueAt: o.answerDueAt,
          answer: o.answer,
          answeredAt: o.answeredAt,
          overdue: (o.answeredAt ?? now) > o.answerDueAt,
          mine: o.userId === ctx.actor.userId,
        })),
      canObject: onBoard(ctx.actor, d) && d.postedAt <= now && now <= objectionUntil && !d.takenDownAt,
      canManage: disclosuresPolicy.can(ctx.actor, 'manage', d),
    };
  });
}

/** Posts an item on a unit's board (R-DC-1): finances, project funds, decisions, governance status. */
export async function createDisclosure(ctx: ActorCtx, input: z.infer<typeof createDisclosureBody>) {
  disclosuresPolicy.require(ctx.actor, 'manage');
  const unit = await activeUnitFor(ctx, 'participation.manage', input.orgUnitId);
  const now = ctx.clock.now();
  const d = await insertUnitRowAudited(
    ctx,
    unit,
    insertDisclosure,
    {
      kind: input.kind,
      title: input.title,
      body: input.body,
      period: input.period ?? null,
      postedAt: input.postedAt ?? now,
      createdBy: ctx.actor.userId,
    },
    {
      action: 'participation.disclosure.post',
      entityType: 'pt_disclosure',
      view: (row) => ({ kind: row.kind, title: row.title, period: row.period, postedAt: row.postedAt }),
    },
    now,
  );
  return (await toDtos(ctx, [d]))[0]!;
}

export async function listDisclosures(
  ctx: ActorCtx,
  q: z.infer<typeof disclosureListQuery>,
  board = false,
): Promise<Page<DisclosureDto>> {
  if (!board) disclosuresPolicy.require(ctx.actor, 'read');
  const path = board ? undefined : await filterPath(ctx, q.orgUnitId);
  const page = await listDisclosureRows(
    ctx.db,
    ctx.actor,
    { path, kind: q.kind, board, now: ctx.clock.now() },
    q,
  );
  return { ...page, items: await toDtos(ctx, page.items) };
}

export async function getDisclosure(ctx: ActorCtx, id: string, board = false): Promise<DisclosureDto> {
  const d = await findDisclosure(ctx.db, ctx.actor, board ? 'board' : 'read', id);
  if (!d || (board && (d.postedAt > ctx.clock.now() || d.takenDownAt))) throw notFound();
  return (await toDtos(ctx, [d]))[0]!;
}

/** Takes a posting down, never before its 5 days are over (R-LAW-DC-1). */
export async function takeDownDisclosure(ctx: ActorCtx, id: string) {
  disclosuresPolicy.require(ctx.actor, 'manage');
  const now = ctx.clock.now();
  const d = await ctx.db.transaction(async (tx) => {
    const row = await findDisclosure(tx, ctx.actor, 'manage', id, true);
    if (!row) throw notFound();
    if (now < plusDays(row.postedAt, POSTING_MIN_DAYS))
      throw new AppError('participation.posting_min', 409, { days: POSTING_MIN_DAYS });
    const next = await takeDown(tx, row.id, now);
    if (!next) throw new AppError('participation.posting_down', 409);
    await auditRecord(tx, ctx, row, {
      action: 'participation.disclosure.take_down',
      entityType: 'pt_disclosure',
      after: { takenDownAt: now },
    });
    return next;
  });
  return (await toDtos(ctx, [d]))[0]!;
}

/** A resident objects to a posting on their board, within 5 days of posting (R-LAW-DC-1). */
export async function raiseObjection(ctx: ActorCtx, id: string, input: z.infer<typeof objectionBody>) {
  const now = ctx.clock.now();
  const d = await ctx.db.transaction(async (tx) => {
    const row = await findDisclosure(tx, ctx.actor, 'board', id);
    if (!row || row.postedAt > now || row.takenDownAt) throw notFound();
    if (now > plusDays(row.postedAt, OBJECTION_DAYS))
      throw new AppError('participation.objection_window', 409, { days: OBJECTION_DAYS });
    const o = await insertObjection(tx, {
      id: ctx.ids(),
      disclosureId: row.id,
      userId: ctx.actor.userId,
      name: maskName(ctx.actor.displayName),
      text: input.text,
      raisedAt: now,
      answerDueAt: plusDays(now, ANSWER_DAYS),
    });
    await auditRecord(tx, ctx, row, {
      action: 'participation.disclosure.object',
      entityType: 'pt_disclosure',
      after: { objectionId: o.id },
    });
    return row;
  });
  return (await toDtos(ctx, [d]))[0]!;
}

/** Staff answer an objection (due within 5 days; a late answer stays flagged as late). */
export async function answer(
  ctx: ActorCtx,
  id: string,
  objectionId: string,
  input: z.infer<typeof answerBody>,
) {
  disclosuresPolicy.require(ctx.actor, 'manage');
  const now = ctx.clock.now();
  const d = await ctx.db.transaction(async (tx) => {
    const row = await findDisclosure(tx, ctx.actor, 'manage', id, true);
    if (!row) throw notFound();
    const o = isUuid(objectionId) ? await findObjection(tx, row.id, objectionId) : undefined;
    if (!o) throw notFound();
    const done = await answerObjection(tx, row.id, o.id, {
      answer: input.answer,
      answeredBy: ctx.actor.userId,
      answeredAt: now,
    });
    if (!done) throw new AppError('participation.objection_answered', 409);
    await auditRecord(tx, ctx, row, {
      action: 'participation.disclosure.answer',
      entityType: 'pt_disclosure',
      after: { objectionId: o.id, late: now > o.answerDueAt },
    });
    return row;
  });
  return (await toDtos(ctx, [d]))[0]!;
}

export async function setSchedule(ctx: ActorCtx, input: z.infer<typeof scheduleBody>) {
  schedulesPolicy.require(ctx.actor, 'manage');
  const unit = await activeUnitFor(ctx, 'participation.manage', input.orgUnitId);
  const s = await insertUnitRowAudited(
    ctx,
    unit,
    upsertSchedule,
    { kind: input.kind, frequency: input.frequency },
    {
      action: 'participation.disclosure.schedule',
      entityType: 'pt_disclosure_schedule',
      view: (row) => ({ kind: row.kind, frequency: row.frequency }),
    },
  );
  return {
    id: s.id,
    orgUnitId: s.orgUnitId,
    unitName: unit.name,
    kind: s.kind as DisclosureKind,
    frequency: s.frequency as 'monthly',
  };
}

export async function listSchedules(ctx: ActorCtx) {
  schedulesPolicy.require(ctx.actor, 'read');
  const rows = await schedulesInScope(ctx.db, ctx.actor);
  const names = await unitNamesOf(ctx.db, rows);
  return {
    items: rows.map((s) => ({
      ...unitHead(s, names),
      kind: s.kind as DisclosureKind,
      frequency: s.frequency as 'monthly' | 'quarterly',
    })),
  };
}

/**
 * The last three periods of a schedule whose posting is due by `today` (China date): a period's posting is
 * due on the 10th day of the month after it ends (DISCLOSURE_GRACE_DAYS, a product default).
 */
export function duePeriods(frequency: string, today: string): { period: string; dueOn: string }[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const out: { period: string; dueOn: string }[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  const dueAfter = (endY: number, endM: number) => {
    const ny = endM === 12 ? endY + 1 : endY;
    const nm = endM === 12 ? 1 : endM + 1;
    return `${ny}-${pad(nm)}-${pad(DISCLOSURE_GRACE_DAYS)}`;
  };
  for (let back = 1; out.length < 3 && back < 24; back++) {
    if (frequency === 'monthly') {
      const idx = y * 12 + (m - 1) - back;
      const py = Math.floor(idx / 12);
      const pm = (idx % 12) + 1;
      const dueOn = dueAfter(py, pm);
      if (dueOn < today) out.push({ period: `${py}-${pad(pm)}`, dueOn });
    } else {
      const qIdx = y * 4 + Math.floor((m - 1) / 3) - back;
      if (qIdx < 0) break;
      const py = Math.floor(qIdx / 4);
      const q = (qIdx % 4) + 1;
      const dueOn = dueAfter(py, q * 3);
      if (dueOn < today && !out.some((o) => o.period === `${py}-Q${q}`))
        out.push({ period: `${py}-Q${q}`, dueOn });
    }
  }
  return out;
}

/** R-LAW-DC-1: scheduled periods past due without a posting, and objections not answered in 5 days. */
export async function overdue(ctx: ActorCtx) {
  schedulesPolicy.require(ctx.actor, 'read');
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const schedules = await schedulesInScope(ctx.db, ctx.actor);
  // Only periods that ended after the schedule was set count (a new schedule does not make history late).
  const wanted = schedules.flatMap((s) =>
    duePeriods(s.frequency, today)
      .filter((p) => `${p.dueOn.slice(0, 8)}01` > chinaDate(s.createdAt))
      .map((p) => ({ unitId: s.orgUnitId, kind: s.kind, ...p })),
  );
  const posted = await postedPeriods(ctx.db, wanted);
  const missing = wanted.filter((w) => !posted.has(`${w.unitId}|${w.kind}|${w.period}`));
  const late = await unansweredObjections(ctx.db, ctx.actor, now);
  const names = await unitNames(ctx.db, [...missing.map((m) => m.unitId), ...late.map((l) => l.d.orgUnitId)]);
  return {
    missing: missing.map((m) => ({
      orgUnitId: m.unitId,
      unitName: names.get(m.unitId) ?? null,
      kind: m.kind as DisclosureKind,
      period: m.period,
      dueOn: m.dueOn,
    })),
    unanswered: late.map((l) => ({
      disclosureId: l.d.id,
      title: l.d.title,
      unitName: names.get(l.d.orgUnitId) ?? null,
      raisedAt: l.o.raisedAt,
      answerDueAt: l.o.answerDueAt,
    })),
  };
}
