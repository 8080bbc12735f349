import type { z } from 'zod';
import { chinaMonth } from '../../../shared/chinaTime';
import type { RiskDto, riskActionBody, riskBody, riskQuery } from '../../../shared/contracts/disputes';
import { foundInReach } from '../../platform/findInScope';
import { auditedWrite } from '../../platform/auditedRows';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { findUnitInScope, unitNames, unitNamesOf } from '../org/org.api';
import { newUnitRow } from '../../platform/newRow';
import { auditRisk } from './disputes.audit';
import { unitHead } from '../../platform/unitHead';
import { risksPolicy } from './disputes.policy';
import {
  type RiskRow,
  findRisk,
  insertRisk,
  listRiskRows,
  riskSummary,
  riskWhere,
  updateRisk,
} from './disputes.risks.repository';

/** The register's units: where screening happens (grids) and the communities over them. */
const RISK_UNIT_KINDS = new Set(['grid', 'community', 'compound', 'building']);

/** What the next step of a risk may be (open → handling → resolved; a resolved one may be reopened). */
const NEXT: Record<string, RiskDto['actions']> = {
  open: ['handle', 'resolve'],
  handling: ['handle', 'resolve'],
  resolved: ['reopen'],
};

function toDto(ctx: ActorCtx, r: RiskRow, names: Map<string, string>): RiskDto {
  return {
    ...unitHead(r, names),
    round: r.round,
    title: r.title,
    description: r.description,
    level: r.level as RiskDto['level'],
    involved: r.involved,
    measures: r.measures,
    state: r.state as RiskDto['state'],
    reportedByName: r.reportedByName,
    handledNote: r.handledNote,
    resolvedAt: r.resolvedAt,
    createdAt: r.createdAt,
    actions: risksPolicy.can(ctx.actor, 'write', r) ? (NEXT[r.state] ?? []) : [],
  };
}

/** The hidden-risk register in scope (排查), filtered by round, state, level and unit, with its figures. */
export async function listRisks(ctx: ActorCtx, q: z.infer<typeof riskQuery>) {
  risksPolicy.require(ctx.actor, 'read');
  let orgPath: string | undefined;
  if (q.orgUnitId) {
    const unit = await findUnitInScope(ctx, q.orgUnitId, 'disputes.read');
    orgPath = unit.path;
  }
  const where = riskWhere(ctx.actor, { round: q.round, state: q.state, level: q.level, orgPath });
  const [page, summary] = await Promise.all([listRiskRows(ctx.db, where, q), riskSummary(ctx.db, where)]);
  const names = await unitNamesOf(ctx.db, page.items);
  return { ...page, items: page.items.map((r) => toDto(ctx, r, names)), summary };
}

/** A grid worker (or anyone who registers disputes there) records a hidden risk found in the month's round. */
export async function createRisk(ctx: ActorCtx, input: z.infer<typeof riskBody>): Promise<RiskDto> {
  risksPolicy.require(ctx.actor, 'write');
  const unit = await findUnitInScope(ctx, input.orgUnitId, 'disputes.register');
  if (!RISK_UNIT_KINDS.has(unit.kind)) throw new AppError('disputes.risk_unit', 422);
  const now = ctx.clock.now();
  const round = input.round ?? chinaMonth(now);
  if (round > chinaMonth(now)) throw new AppError('disputes.risk_round', 422);
  const row = await auditedWrite(
    ctx,
    (tx) =>
      insertRisk(tx, {
        ...newUnitRow(ctx, unit, now),
        round,
        title: input.title,
        description: input.description,
        level: input.level,
        involved: input.involved ?? null,
        measures: input.measures ?? null,
        state: 'open',
        reportedBy: ctx.actor.userId,
        reportedByName: ctx.actor.displayName,
      }),
    {
      action: 'disputes.risk.create',
      entityType: 'ds_risk',
      view: (r) => ({ round, level: r.level, title: r.title }),
    },
  );
  return toDto(ctx, row, new Map([[unit.id, unit.name]]));
}

/** Handling notes, resolving and reopening a risk: by whoever may write the register over its unit. */
export async function actOnRisk(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof riskActionBody>,
): Promise<RiskDto> {
  const r = await foundInReach(risksPolicy, ctx, 'write', () => findRisk(ctx.db, ctx.actor, id));
  if (!risksPolicy.can(ctx.actor, 'write', r)) throw notFound();
  if (!(NEXT[r.state] ?? []).includes(input.action)) throw new AppError('disputes.risk_state', 409);
  const now = ctx.clock.now();
  const state = input.action === 'resolve' ? 'resolved' : input.action === 'reopen' ? 'open' : 'handling';
  const row = await ctx.db.transaction(async (tx) => {
    const u = await updateRisk(tx, r.id, {
      state,
      handledNote: input.note,
      resolvedAt: state === 'resolved' ? now : null,
      updatedAt: now,
    });
    await auditRisk(
      tx,
      ctx,
      r,
      `disputes.risk.${input.action}`,
      { state, note: input.note },
      { state: r.state },
    );
    return u;
  });
  return toDto(ctx, row, await unitNames(ctx.db, [row.orgUnitId]));
}
