/**
 * A selected project's money (R-PJ-5, issue 11 §6): tranches received by source, spends against budget
 * lines with receipts, budget vs disbursed vs spent, and the fund-use statement published to residents
 * through the participation module's disclosure board (村(居)务公开).
 */
import type {
  DisbursementBody,
  FundSnapshot,
  MoneyDto,
  MyProjectDto,
  SpendBody,
} from '../../../shared/contracts/projects.money';
import type { FundingSource } from '../../../shared/contracts/projects';
import { chinaDate } from '../../../shared/chinaTime';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/ids';
import type { Storage } from '../../platform/storage';
import { can } from '../../platform/permissions';
import { createDisclosure } from '../participation/participation.api';
import { unitNames } from '../org/org.api';
import { applicationsPolicy } from './projects.policy';
import { keepsProject, projectInReach } from './projects.reach';
import { type ApplicationRow, callById, insertStep } from './projects.repository';
import {
  disbursementsOf,
  findSpend,
  fundDisclosuresOf,
  insertDisbursement,
  insertFundDisclosure,
  insertSpend,
  lockApplication,
  selectedForBoard,
  setSpendReceipt,
  spendsOf,
  totalsOf,
} from './projects.money.repository';
import { auditDisbursement, auditFundDisclosure, auditSpend } from './projects.audit';
import { newChildRow } from './projects.childRows';

const SOURCE_ZH: Record<FundingSource, string> = {
  city: '市级财政补助',
  subdistrict: '街道（镇）补助',
  donation: '慈善捐赠',
  foundation: '社区基金会',
  resident_unit: '驻区单位支持',
  self: '社区自筹',
  other: '其他',
};

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The selected project in the actor's reach for recording money (its community applies, its subdistrict reviews). */
async function projectFor(ctx: ActorCtx, id: string, write: boolean): Promise<ApplicationRow> {
  const row = await projectInReach(ctx, id, write);
  if (row.state !== 'selected') throw new AppError('projects.money_not_selected', 409);
  return row;
}

function snapshotOf(
  row: ApplicationRow,
  spends: { line: string; amountFen: number }[],
  disbursedFen: number,
): FundSnapshot {
  const spent = new Map<string, number>();
  for (const s of spends) spent.set(s.line, (spent.get(s.line) ?? 0) + s.amountFen);
  const lines = row.budgetLines.map((l) => ({
    item: l.item,
    budgetFen: l.amountFen,
    spentFen: spent.get(l.item) ?? 0,
  }));
  return {
    lines,
    budgetFen: row.budgetTotalFen,
    disbursedFen,
    spentFen: spends.reduce((n, s) => n + s.amountFen, 0),
  };
}

export async function getMoney(ctx: ActorCtx, id: string): Promise<MoneyDto> {
  const row = await projectFor(ctx, id, false);
  const [disbursements, spends, posts] = await Promise.all([
    disbursementsOf(ctx.db, row.id),
    spendsOf(ctx.db, row.id),
    fundDisclosuresOf(ctx.db, row.id),
  ]);
  const disbursedFen = disbursements.reduce((n, d) => n + d.amountFen, 0);
  const snap = snapshotOf(row, spends, disbursedFen);
  const got = new Map<string, number>();
  for (const d of disbursements) got.set(d.source, (got.get(d.source) ?? 0) + d.amountFen);
  const sources = row.funding.map((f) => ({
    source: f.source as FundingSource,
    plannedFen: f.amountFen,
    disbursedFen: got.get(f.source) ?? 0,
  }));
  for (const [source, n] of got)
    if (!row.funding.some((f) => f.source === source))
      sources.push({ source: source as FundingSource, plannedFen: 0, disbursedFen: n });
  const record = keepsProject(ctx, row);
  return {
    applicationId: row.id,
    title: row.title,
    ...snap,
    sources,
    disbursements: disbursements.map((d) => ({
      id: d.id,
      source: d.source as FundingSource,
      receivedOn: d.receivedOn,
      amountFen: d.amountFen,
      note: d.note,
      createdByName: d.createdByName,
    })),
    spends: spends.map((s) => ({
      id: s.id,
      line: s.line,
      spentOn: s.spentOn,
      amountFen: s.amountFen,
      receiptRef: s.receiptRef,
      note: s.note,
      overrunApprovedBy: s.overrunApprovedBy,
      overrunReason: s.overrunReason,
      hasReceipt: !!s.receiptFileId,
      createdByName: s.createdByName,
    })),
    disclosures: posts.map((p) => ({ id: p.id, postedAt: p.postedAt, snapshot: p.snapshot })),
    canRecord: record,
    canDisclose: record && can(ctx.actor, 'participation.manage'),
  };
}

/** Records a tranche received from one funding source (R-PJ-5). */
export async function addDisbursement(ctx: ActorCtx, id: string, body: DisbursementBody): Promise<MoneyDto> {
  const row = await projectFor(ctx, id, true);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const d = await insertDisbursement(tx, {
      ...newChildRow(ctx, row),
      source: body.source,
      receivedOn: body.receivedOn,
      amountFen: body.amountFen,
      note: body.note ?? null,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await auditDisbursement(tx, ctx, 'projects.money.disburse', d.id, row, {
      after: { applicationId: row.id, source: d.source, receivedOn: d.receivedOn, amountFen: d.amountFen },
    });
    await insertStep(
      tx,
      ctx,
      row,
      'funds_received',
      `${SOURCE_ZH[body.source]} ${yuan(d.amountFen)} 元（${d.receivedOn}）`,
    );
  });
  return getMoney(ctx, id);
}

/**
 * Records a spend against a budget line with its receipt (R-PJ-5). Total spent may not pass total
 * disbursed unless the subdistrict (town) approves the overrun: it enters the spend itself with the reason,
 * and is recorded as the approver (audited); a community's overrun, or one without a reason, is refused (409).
 */
export async function addSpend(ctx: ActorCtx, id: string, body: SpendBody): Promise<MoneyDto> {
  const row = await projectFor(ctx, id, true);
  if (!row.budgetLines.some((l) => l.item === body.line))
    throw new AppError('projects.money_unknown_line', 422);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockApplication(tx, row.id);
    const t = await totalsOf(tx, row.id);
    const after = t.spentFen + body.amountFen;
    const overrun = after > t.disbursedFen;
    const amounts = { spent: yuan(after), disbursed: yuan(t.disbursedFen) };
    if (overrun && !body.overrun) throw new AppError('projects.money_overrun', 409, amounts);
    // The overrun approval is the subdistrict's (town's): recorded as the one who enters it, never a typed name.
    if (overrun && !applicationsPolicy.can(ctx.actor, 'review', row))
      throw new AppError('projects.money_overrun_needs_review', 409, amounts);
    const s = await insertSpend(tx, {
      ...newChildRow(ctx, row),
      line: body.line,
      spentOn: body.spentOn,
      amountFen: body.amountFen,
      receiptRef: body.receiptRef,
      note: body.note ?? null,
      overrunApprovedBy: overrun ? (ctx.actor.displayName ?? null) : null,
      overrunReason: overrun ? body.overrun!.reason : null,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await auditSpend(tx, ctx, overrun ? 'projects.money.spend_overrun' : 'projects.money.spend', s.id, row, {
      after: {
        applicationId: row.id,
        line: s.line,
        amountFen: s.amountFen,
        receiptRef: s.receiptRef,
        ...(overrun && { approvedBy: s.overrunApprovedBy, reason: s.overrunReason }),
      },
    });
    if (overrun)
      await insertStep(
        tx,
        ctx,
        row,
        'spend_overrun',
        `${s.line} ${yuan(s.amountFen)} 元：${s.overrunReason ?? ''}`,
      );
  });
  return getMoney(ctx, id);
}

/**
 * Publishes the fund-use statement (R-PJ-5: fund use published to residents through 村(居)务公开): posts
 * it on the community's disclosure board as 'project funds' and keeps the snapshot.
 */
export async function discloseFunds(ctx: ActorCtx, id: string): Promise<MoneyDto> {
  const row = await projectFor(ctx, id, true);
  const [disbursements, spends] = await Promise.all([
    disbursementsOf(ctx.db, row.id),
    spendsOf(ctx.db, row.id),
  ]);
  const snap = snapshotOf(
    row,
    spends,
    disbursements.reduce((n, d) => n + d.amountFen, 0),
  );
  const now = ctx.clock.now();
  const bySource = new Map<string, number>();
  for (const d of disbursements) bySource.set(d.source, (bySource.get(d.source) ?? 0) + d.amountFen);
  const body = [
    `截至${chinaDate(now)}，“${row.title}”项目资金使用情况如下：`,
    `预算合计 ${yuan(snap.budgetFen)} 元，已到位 ${yuan(snap.disbursedFen)} 元，已支出 ${yuan(snap.spentFen)} 元。`,
    '资金到位：',
    ...[...bySource].map(([s, n]) => `· ${SOURCE_ZH[s as FundingSource] ?? s}：${yuan(n)} 元`),
    '分项支出（预算／已支出）：',
    ...snap.lines.map((l) => `· ${l.item}：${yuan(l.budgetFen)} 元／${yuan(l.spentFen)} 元`),
  ].join('\n');
  const d = await createDisclosure(ctx, {
    orgUnitId: row.orgUnitId,
    kind: 'project_funds',
    title: `${row.title}资金使用公开`,
    body,
  });
  await ctx.db.transaction(async (tx) => {
    const p = await insertFundDisclosure(tx, {
      ...newChildRow(ctx, row),
      disclosureId: d.id,
      snapshot: snap,
      postedAt: now,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await auditFundDisclosure(tx, ctx, 'projects.money.disclose', p.id, row, {
      after: { applicationId: row.id, disclosureId: d.id, ...snap },
    });
    await insertStep(
      tx,
      ctx,
      row,
      'funds_disclosed',
      `已到位 ${yuan(snap.disbursedFen)} 元，已支出 ${yuan(snap.spentFen)} 元`,
    );
  });
  return getMoney(ctx, id);
}

/** A resident's selected projects in their community, with only the fund use that was disclosed. */
export async function myProjects(ctx: ActorCtx): Promise<{ items: MyProjectDto[] }> {
  const roots = applicationsPolicy.roots(ctx.actor, 'board');
  const rows = await selectedForBoard(ctx.db, roots);
  const names = await unitNames(
    ctx.db,
    rows.map((r) => r.row.orgUnitId),
  );
  const calls = new Map<string, Awaited<ReturnType<typeof callById>>>();
  for (const { row } of rows)
    if (!calls.has(row.callId)) calls.set(row.callId, await callById(ctx.db, row.callId));
  return {
    items: rows.map(({ row, post }) => ({
      id: row.id,
      title: row.title,
      typeName: calls.get(row.callId)?.types.find((t) => t.key === row.type)?.name ?? '',
      orgUnitName: names.get(row.orgUnitId) ?? null,
      disclosedAt: post?.postedAt ?? null,
      funds: post?.snapshot ?? null,
    })),
  };
}

/** Attaches the receipt's photo to a spend (JPG/PNG/WebP ≤ 5 MB, checked by readPhoto); audited. */
export async function attachReceipt(
  ctx: ActorCtx,
  storage: Storage,
  id: string,
  spendId: string,
  readPhoto: () => Promise<{ data: Buffer; mime: string }>,
): Promise<MoneyDto> {
  const row = await projectFor(ctx, id, true);
  const spend = isUuid(spendId) ? await findSpend(ctx.db, row.id, spendId) : undefined;
  if (!spend) throw notFound();
  const photo = await readPhoto();
  const fileId = ctx.ids();
  await storage.put(fileId, photo.data);
  await ctx.db.transaction(async (tx) => {
    await setSpendReceipt(tx, spend.id, fileId, photo.mime, ctx.clock.now());
    await auditSpend(tx, ctx, 'projects.money.receipt', spend.id, row, {
      after: { fileId, mime: photo.mime, size: photo.data.length, receiptRef: spend.receiptRef },
    });
  });
  return getMoney(ctx, id);
}

/** The receipt photo of a spend, for those who read the project. */
export async function receiptPhoto(ctx: ActorCtx, storage: Storage, id: string, spendId: string) {
  const row = await projectFor(ctx, id, false);
  const spend = isUuid(spendId) ? await findSpend(ctx.db, row.id, spendId) : undefined;
  if (!spend?.receiptFileId || !spend.receiptMime) throw notFound();
  const data = await storage.get(spend.receiptFileId);
  if (!data) throw notFound();
  return { data, mime: spend.receiptMime };
}
