import type { z } from 'zod';
import { chinaDate, chinaDayEnd } from '../../../shared/chinaTime';
import {
  type IncidentDto,
  type IncidentStandingDto,
  type incidentBody,
  type incidentPatch,
  type incidentQuery,
  type incidentStandingQuery,
  incidentCountsUntil,
  incidentWindowStart,
} from '../../../shared/contracts/disputes';
import { auditedChange, sentFields } from '../../platform/auditedRows';
import { insertUnitRowAudited } from '../../platform/auditedUnitInsert';
import type { ActorCtx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { foundInReach } from '../../platform/findInScope';
import { auditAccess } from '../../platform/recordAudit';
import { unitHead } from '../../platform/unitHead';
import { activeUnitsOfKind, findUnitInScope, unitNames, unitNamesOf } from '../org/org.api';
import {
  type IncidentRow,
  allIncidentRows,
  findIncident,
  incidentWhere,
  incidentsInWindowByUnit,
  insertIncident,
  listIncidentRows,
  updateIncident,
} from './disputes.incidents.repository';
import { incidentsPolicy } from './disputes.policy';

/**
 * The register of serious incidents (seed 004 附件2 Ⅱ-4, S004-36) and each community's standing against
 * 社区两年内无……: an incident on day D counts against its community from D up to D + 2 years (China calendar,
 * both days inclusive), so one exactly two years ago still counts today and one a day older no longer does.
 *
 * Why here and not in assessments: the register is 平安建设 record-keeping done all year by the staff who keep
 * the hidden-risk register and handle disputes (same scope, same permissions), and an assessment round is only
 * one reader of it; assessments reads it through the evidence source `disputes.incidents`
 * (disputes.evidence.ts), as it reads the other modules' records.
 */

type IncidentFields = z.infer<typeof incidentPatch>;
const FIELDS = ['kind', 'occurredOn', 'place', 'description', 'handlingResult', 'reportedBy'] as const;

/** Today, a China calendar day. */
const todayOf = (ctx: ActorCtx) => chinaDate(ctx.clock.now());

/** The day after `day` ('YYYY-MM-DD'). */
const nextDay = (day: string) => chinaDate(chinaDayEnd(day));

function toDto(ctx: ActorCtx, r: IncidentRow, names: Map<string, string>, today: string): IncidentDto {
  const countsUntil = incidentCountsUntil(r.occurredOn);
  return {
    ...unitHead(r, names),
    kind: r.kind as IncidentDto['kind'],
    occurredOn: r.occurredOn,
    place: r.place,
    description: r.description,
    handlingResult: r.handlingResult,
    reportedBy: r.reportedBy,
    recordedByName: r.recordedByName,
    countsUntil,
    counting: r.occurredOn <= today && countsUntil >= today,
    canEdit: incidentsPolicy.can(ctx.actor, 'write', r),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

async function toDtos(ctx: ActorCtx, rows: IncidentRow[]): Promise<IncidentDto[]> {
  const names = await unitNamesOf(ctx.db, rows);
  const today = todayOf(ctx);
  return rows.map((r) => toDto(ctx, r, names, today));
}

/** A day in the future cannot have had an incident. */
function checkDay(ctx: ActorCtx, occurredOn: string | undefined) {
  if (occurredOn && occurredOn > todayOf(ctx))
    throw new AppError(
      'disputes.incident_future',
      422,
      {},
      {
        fields: [{ path: 'occurredOn', code: 'disputes.incident_future' }],
      },
    );
}

type RegisterFilter = Omit<z.infer<typeof incidentQuery>, 'page' | 'pageSize'>;

/** The filter's community (or a unit above: its communities) in the reader's scope, else 404. */
async function whereOf(ctx: ActorCtx, q: RegisterFilter) {
  incidentsPolicy.require(ctx.actor, 'read');
  const unit = q.communityId ? await findUnitInScope(ctx, q.communityId, 'disputes.read') : undefined;
  return {
    unit,
    where: incidentWhere(ctx.actor, { kind: q.kind, from: q.from, to: q.to, path: unit?.path }),
  };
}

/** The register in scope, newest first, filtered by community, kind and period of occurrence. */
export async function listIncidents(ctx: ActorCtx, q: z.infer<typeof incidentQuery>) {
  const { where } = await whereOf(ctx, q);
  const page = await listIncidentRows(ctx.db, where, q);
  return { ...page, items: await toDtos(ctx, page.items) };
}

/** The same rows for the .xlsx export (audited: it leaves the platform). */
export async function exportIncidents(ctx: ActorCtx, q: RegisterFilter): Promise<IncidentDto[]> {
  const { unit, where } = await whereOf(ctx, q);
  const rows = await allIncidentRows(ctx.db, where, 10_000);
  await auditAccess(ctx, {
    action: 'disputes.incident.export',
    entityType: 'ds_incident',
    entityId: null,
    orgPath: unit?.path ?? ctx.actor.assignments[0]?.orgPath ?? '/',
    after: { rows: rows.length, communityId: q.communityId, kind: q.kind, from: q.from, to: q.to },
  });
  return toDtos(ctx, rows);
}

/** Records an incident at the community where it happened. */
export async function createIncident(
  ctx: ActorCtx,
  input: z.infer<typeof incidentBody>,
): Promise<IncidentDto> {
  incidentsPolicy.require(ctx.actor, 'write');
  const unit = await findUnitInScope(ctx, input.orgUnitId, 'disputes.handle');
  if (unit.kind !== 'community')
    throw new AppError(
      'disputes.incident_unit',
      422,
      {},
      {
        fields: [{ path: 'orgUnitId', code: 'disputes.incident_unit' }],
      },
    );
  checkDay(ctx, input.occurredOn);
  const row = await insertUnitRowAudited(
    ctx,
    unit,
    insertIncident,
    {
      kind: input.kind,
      occurredOn: input.occurredOn,
      place: input.place,
      description: input.description,
      handlingResult: input.handlingResult ?? null,
      reportedBy: input.reportedBy,
      recordedBy: ctx.actor.userId,
      recordedByName: ctx.actor.displayName,
    },
    { action: 'disputes.incident.create', entityType: 'ds_incident', view: auditView },
  );
  return toDto(ctx, row, new Map([[unit.id, unit.name]]), todayOf(ctx));
}

/** What the audit trail keeps of an incident (words only: the register holds no personal data). */
const auditView = (r: IncidentRow) => ({
  kind: r.kind,
  occurredOn: r.occurredOn,
  place: r.place,
  description: r.description,
  handlingResult: r.handlingResult,
  reportedBy: r.reportedBy,
});

/** Corrects an incident or adds its handling result (before and after in the audit entry). */
export async function updateIncidentRecord(
  ctx: ActorCtx,
  id: string,
  input: IncidentFields,
): Promise<IncidentDto> {
  const before = await foundInReach(incidentsPolicy, ctx, 'write', () =>
    findIncident(ctx.db, ctx.actor, 'write', id),
  );
  checkDay(ctx, input.occurredOn);
  const set = sentFields(input, FIELDS);
  const row = await auditedChange(
    ctx,
    before,
    (tx) => updateIncident(tx, before.id, { ...set, updatedAt: ctx.clock.now() }),
    { action: 'disputes.incident.update', entityType: 'ds_incident', view: auditView },
  );
  return toDto(ctx, row, await unitNames(ctx.db, [row.orgUnitId]), todayOf(ctx));
}

/**
 * Each community in the reader's scope (under `communityId` when given, else 404) with its standing today:
 * clear when no listed incident happened in the two years up to today (seed 004 Ⅱ-4), else how many, the
 * latest and the day it will be clear again. Communities in tree order; `state` keeps one kind.
 */
export async function incidentStanding(
  ctx: ActorCtx,
  q: z.infer<typeof incidentStandingQuery>,
): Promise<IncidentStandingDto> {
  incidentsPolicy.require(ctx.actor, 'read');
  const under = q.communityId ? await findUnitInScope(ctx, q.communityId, 'disputes.read') : undefined;
  const communities = await activeUnitsOfKind(ctx.db, ctx.actor, 'disputes.read', 'community', under?.path);
  const today = todayOf(ctx);
  const windowFrom = incidentWindowStart(today);
  const found = await incidentsInWindowByUnit(
    ctx.db,
    communities.map((c) => c.id),
    windowFrom,
    today,
  );
  const all = communities.map((c) => {
    const f = found.get(c.id);
    return {
      communityId: c.id,
      communityName: c.name,
      clear: !f,
      incidents: f?.n ?? 0,
      lastOn: f?.last ?? null,
      clearFrom: f ? nextDay(incidentCountsUntil(f.last)) : null,
    };
  });
  const kept = q.state ? all.filter((c) => c.clear === (q.state === 'clear')) : all;
  const start = (q.page - 1) * q.pageSize;
  return {
    items: kept.slice(start, start + q.pageSize),
    total: kept.length,
    page: q.page,
    pageSize: q.pageSize,
    today,
    windowFrom,
  };
}
