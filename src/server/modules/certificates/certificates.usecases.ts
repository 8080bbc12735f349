import { chinaDate } from '../../../shared/chinaTime';
import type {
  CatalogueBody,
  CatalogueItemDto,
  CatalogueQuery,
  CertificateDto,
  CertificateRequestBody,
  RefusalCode,
  RegisterQuery,
  SealQuery,
  SealUseBody,
  SealUseDto,
} from '../../../shared/contracts/certificates';
import { auditRecord, auditRecordAccess } from '../../platform/recordAudit';
import { auditedWrite } from '../../platform/auditedRows';
import { insertUnitRowAudited } from '../../platform/auditedUnitInsert';
import { NO_PROXY, type ProxyValues, proxyInfos, resolveProxy } from '../../platform/proxy';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import type { Page } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { findUnitInScope, unitNames, unitNamesOf } from '../org/org.api';
import { certificateDoc, cjkFont, renderPdf } from './certificates.pdf';
import { certPolicy } from './certificates.policy';
import {
  catalogueForHomes,
  type CatalogueRow,
  type CertRow,
  type SealRow,
  catalogueItemFor,
  countNumbered,
  findCert,
  insertCatalogue,
  insertCert,
  insertSeal,
  listCatalogueRows,
  listCertRows,
  listSealRows,
} from './certificates.repository';
import { foundInReach } from '../../platform/findInScope';
import { orgUnitHead } from '../../platform/unitHead';

const CATALOGUE_LEVELS = new Set(['city', 'district', 'subdistrict']);
/** A specific clause names an article (第…条) — "according to law" is not one. */
const SPECIFIC_CLAUSE = /第[一二三四五六七八九十百千零〇\d]+条/;

/** The names of the units that keep these rows, for their DTOs. */
const namesOf = (ctx: ActorCtx, rows: { orgUnitId: string }[]) => unitNamesOf(ctx.db, rows);

const catalogueDto = (r: CatalogueRow, names: Map<string, string>): CatalogueItemDto => ({
  ...orgUnitHead(r, names),
  name: r.name,
  description: r.description,
  lawName: r.lawName,
  clause: r.clause,
  active: r.active,
});

/** One page of a list the actor may read (`rows`), made DTOs (`dtos`) with the names of the rows' units. */
async function listNamed<Q, R extends { orgUnitId: string }, D>(
  ctx: ActorCtx,
  q: Q,
  rows: (db: Db, actor: Actor, q: Q) => Promise<Page<R>>,
  dtos: (rows: R[], names: Map<string, string>) => D[] | Promise<D[]>,
): Promise<Page<D>> {
  certPolicy.require(ctx.actor, 'read');
  const page = await rows(ctx.db, ctx.actor, q);
  const names = await namesOf(ctx, page.items);
  return { ...page, items: await dtos(page.items, names) };
}

export function listCatalogue(ctx: ActorCtx, q: CatalogueQuery): Promise<Page<CatalogueItemDto>> {
  return listNamed(ctx, q, listCatalogueRows, (rows, names) => rows.map((r) => catalogueDto(r, names)));
}

/**
 * The catalogue a resident's community may certify (R-AC-2), each item with its law and clause, for the
 * phone: the items kept at or above the units where the user holds the resident role (none for staff).
 */
export async function myCatalogue(ctx: ActorCtx): Promise<{ items: CatalogueItemDto[] }> {
  const homes = ctx.actor.assignments.filter((a) => a.role === 'resident').map((a) => a.orgPath);
  const rows = await catalogueForHomes(ctx.db, homes);
  const names = await namesOf(ctx, rows);
  return { items: rows.map((r) => catalogueDto(r, names)) };
}

/** A catalogue item always cites its law and clause (R-AC-2). */
export async function createCatalogueItem(ctx: ActorCtx, body: CatalogueBody): Promise<CatalogueItemDto> {
  certPolicy.require(ctx.actor, 'catalogue');
  const unit = await findUnitInScope(ctx, body.orgUnitId, 'certificates.catalogue');
  if (!CATALOGUE_LEVELS.has(unit.kind)) throw new AppError('certificates.catalogue_level', 422);
  if (!SPECIFIC_CLAUSE.test(body.clause)) throw new AppError('certificates.clause_not_specific', 422);
  const row = await insertUnitRowAudited(
    ctx,
    unit,
    insertCatalogue,
    {
      name: body.name,
      description: body.description ?? null,
      lawName: body.lawName,
      clause: body.clause,
      sort: body.sort,
    },
    {
      action: 'certificates.catalogue.create',
      entityType: 'cert_catalogue',
      view: (r) => ({ name: r.name, lawName: r.lawName, clause: r.clause }),
    },
  );
  return catalogueDto(row, new Map([[unit.id, unit.name]]));
}

/** 帮办代办 for certificates: community staff who decide requests; volunteers never (a sealed document). */
const PROXY_RULES = { permissions: ['certificates.issue'], volunteers: false } as const;

/** DTOs with each row's proxy block (the principals' names read from the registry in one query). */
async function certDtos(
  ctx: ActorCtx,
  rows: CertRow[],
  names: Map<string, string>,
): Promise<CertificateDto[]> {
  const proxies = await proxyInfos(ctx.db, rows);
  return rows.map((r, i) => ({ ...certDto(r, names), proxy: proxies[i] ?? null }));
}

function certDto(r: CertRow, names: Map<string, string>): Omit<CertificateDto, 'proxy'> {
  return {
    id: r.id,
    number: r.number,
    orgUnitId: r.orgUnitId,
    orgUnitName: names.get(r.orgUnitId) ?? null,
    catalogueId: r.catalogueId,
    itemName: r.itemName,
    requesterKind: r.requesterKind as 'resident' | 'unit',
    requesterName: r.requesterName,
    requestingBody: r.requestingBody,
    subjectName: r.subjectName,
    purpose: r.purpose,
    clause: r.clause,
    clauseSource: r.clauseSource as 'catalogue' | 'requesting_body' | null,
    content: r.content,
    status: r.status as 'issued' | 'refused',
    refusalCode: r.refusalCode as RefusalCode | null,
    sealUseId: r.sealUseId,
    decidedByName: r.decidedByName,
    createdAt: r.createdAt,
  };
}

async function nextNumber(
  ctx: ActorCtx,
  table: 'cert' | 'seal',
  orgUnitId: string,
  kind: string,
  now: Date,
): Promise<string> {
  const prefix = `${kind}${chinaDate(now).slice(0, 4)}-`;
  const n = await countNumbered(ctx.db, table, orgUnitId, prefix);
  return `${prefix}${String(n + 1).padStart(4, '0')}`;
}

/**
 * R-AC-2: a community certifies only matters a law, regulation or rule assigns to it — a catalogue item
 * with its clause, or the specific clause the asking body supplies. A matter within the asking body's own
 * duties, or a certificate carrying economic joint liability, is refused; so is one with no basis. Every
 * decision enters the immutable register; an issued certificate gets its number and a seal-log entry.
 */
export async function requestCertificate(
  ctx: ActorCtx,
  body: CertificateRequestBody,
): Promise<CertificateDto> {
  certPolicy.require(ctx.actor, 'issue');
  const unit = await findUnitInScope(ctx, body.communityId, 'certificates.issue');
  if (unit.kind !== 'community') throw new AppError('certificates.not_community', 422);
  // 帮办代办: the principal must live in this community (and in the actor's scope), their consent noted.
  const proxy = await resolveProxy(ctx, body.proxy, PROXY_RULES);
  if (proxy && !proxy.principal.orgPath.startsWith(unit.path))
    throw new AppError('common.proxy_principal_not_found', 404);
  if (proxy && body.requesterKind !== 'resident') throw new AppError('certificates.proxy_resident_only', 422);
  const proxyValues: ProxyValues = proxy?.values ?? NO_PROXY;
  const item = body.catalogueId ? await catalogueItemFor(ctx.db, body.catalogueId, unit.path) : undefined;
  if (body.catalogueId && !item) throw notFound();
  const supplied = body.citedClause && body.requestingBody ? body.citedClause : null;
  let refusal: RefusalCode | null = null;
  if (body.withinRequesterDuty) refusal = 'own_duty';
  else if (body.jointLiability) refusal = 'joint_liability';
  else if (!item && !(supplied && SPECIFIC_CLAUSE.test(supplied))) refusal = 'no_basis';
  const clause = item ? `《${item.lawName.replace(/^《|》$/g, '')}》${item.clause}` : supplied;
  const now = ctx.clock.now();
  const certId = ctx.ids();
  const row = await ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    let sealUseId: string | null = null;
    const number = await nextNumber(tctx, 'cert', unit.id, refusal ? 'BY' : 'ZM', now);
    if (!refusal) {
      sealUseId = ctx.ids();
      const seal = await insertSeal(tx, {
        id: sealUseId,
        number: await nextNumber(tctx, 'seal', unit.id, 'YY', now),
        orgUnitId: unit.id,
        orgPath: unit.path,
        document: `证明 ${number}（${item?.name ?? body.itemName ?? body.purpose}）`,
        purpose: body.purpose,
        legalBasis: clause,
        requester: body.requestingBody ?? body.requesterName,
        jointLiability: false,
        status: 'used',
        certificateId: certId,
        approverId: ctx.actor.userId,
        approverName: ctx.actor.displayName,
        usedAt: now,
      });
      await auditRecord(tx, ctx, seal, {
        action: 'certificates.seal.use',
        entityType: 'seal_use',
        after: { number: seal.number, document: seal.document, certificateId: certId },
      });
    }
    const r = await insertCert(tx, {
      id: certId,
      number,
      orgUnitId: unit.id,
      orgPath: unit.path,
      catalogueId: item?.id ?? null,
      itemName: item?.name ?? body.itemName ?? body.purpose,
      requesterKind: body.requesterKind,
      requesterName: body.requesterName,
      requestingBody: body.requestingBody ?? null,
      subjectName: body.subjectName,
      purpose: body.purpose,
      clause,
      clauseSource: item ? 'catalogue' : supplied ? 'requesting_body' : null,
      content: body.content,
      status: refusal ? 'refused' : 'issued',
      refusalCode: refusal,
      sealUseId,
      decidedBy: ctx.actor.userId,
      decidedByName: ctx.actor.displayName,
      ...proxyValues,
      createdAt: now,
    });
    await auditRecord(tx, ctx, r, {
      action: proxy
        ? refusal
          ? 'certificates.refuse_on_behalf'
          : 'certificates.issue_on_behalf'
        : refusal
          ? 'certificates.refuse'
          : 'certificates.issue',
      entityType: 'cert_register',
      after: { number, itemName: r.itemName, clause, refusal, ...(proxy && { proxy: proxy.audit }) },
    });
    return r;
  });
  if (refusal) throw new AppError(`certificates.refused_${refusal}`, 422, { number: row.number });
  return (await certDtos(ctx, [row], new Map([[unit.id, unit.name]])))[0]!;
}

export function listRegister(ctx: ActorCtx, q: RegisterQuery): Promise<Page<CertificateDto>> {
  return listNamed(ctx, q, listCertRows, (rows, names) => certDtos(ctx, rows, names));
}

/** A register entry the actor may read (404 out of reach, the same as missing). */
async function certInReach(ctx: ActorCtx, id: string): Promise<CertRow> {
  return foundInReach(certPolicy, ctx, 'read', () => findCert(ctx.db, ctx.actor, id));
}

export async function getCertificate(ctx: ActorCtx, id: string): Promise<CertificateDto> {
  const r = await certInReach(ctx, id);
  return (await certDtos(ctx, [r], await unitNames(ctx.db, [r.orgUnitId])))[0]!;
}

/** The issued certificate as a PDF with its text, clause and seal mark; each print is audited. */
export async function certificatePdf(ctx: ActorCtx, id: string): Promise<{ number: string; pdf: Buffer }> {
  const r = await certInReach(ctx, id);
  if (r.status !== 'issued' || !r.number) throw new AppError('certificates.not_issued', 409);
  const font = cjkFont();
  if (!font) throw new AppError('certificates.font_missing', 503);
  const names = await unitNames(ctx.db, [r.orgUnitId]);
  const pdf = await renderPdf(
    certificateDoc({
      number: r.number,
      community: names.get(r.orgUnitId) ?? '',
      subjectName: r.subjectName,
      content: r.content,
      purpose: r.purpose,
      clause: r.clause ?? '',
      date: chinaDate(r.createdAt),
    }),
    font,
  );
  await auditRecordAccess(ctx, r, {
    action: 'certificates.pdf',
    entityType: 'cert_register',
    after: { number: r.number },
  });
  return { number: r.number, pdf };
}

// ---------------------------------------------------------------- seal log

const sealDto = (s: SealRow, names: Map<string, string>): SealUseDto => ({
  id: s.id,
  number: s.number,
  orgUnitId: s.orgUnitId,
  orgUnitName: names.get(s.orgUnitId) ?? null,
  document: s.document,
  purpose: s.purpose,
  legalBasis: s.legalBasis,
  requester: s.requester,
  jointLiability: s.jointLiability,
  status: s.status as 'used' | 'refused',
  refusalCode: s.refusalCode,
  certificateId: s.certificateId,
  approverName: s.approverName,
  usedAt: s.usedAt,
});

/**
 * A seal use (R-AC-2), approved by the actor and logged: one on a document carrying economic joint
 * liability is refused — and the refusal logged — unless a law or regulation assigns it to the committee
 * (`dutyClause` citing the article).
 */
export async function recordSealUse(ctx: ActorCtx, body: SealUseBody): Promise<SealUseDto> {
  certPolicy.require(ctx.actor, 'seal');
  const unit = await findUnitInScope(ctx, body.communityId, 'certificates.seal');
  if (unit.kind !== 'community') throw new AppError('certificates.not_community', 422);
  const refused = body.jointLiability && !(body.dutyClause && SPECIFIC_CLAUSE.test(body.dutyClause));
  const now = ctx.clock.now();
  const row = await auditedWrite(
    ctx,
    async (tx) =>
      insertSeal(tx, {
        id: ctx.ids(),
        number: await nextNumber({ ...ctx, db: tx }, 'seal', unit.id, refused ? 'BYY' : 'YY', now),
        orgUnitId: unit.id,
        orgPath: unit.path,
        document: body.document,
        purpose: body.purpose,
        legalBasis: body.dutyClause ?? body.legalBasis ?? null,
        requester: body.requester,
        jointLiability: body.jointLiability,
        status: refused ? 'refused' : 'used',
        refusalCode: refused ? 'joint_liability' : null,
        approverId: ctx.actor.userId,
        approverName: ctx.actor.displayName,
        usedAt: now,
      }),
    {
      action: refused ? 'certificates.seal.refuse' : 'certificates.seal.use',
      entityType: 'seal_use',
      view: (s) => ({ number: s.number, document: s.document, jointLiability: s.jointLiability }),
    },
  );
  if (refused) throw new AppError('certificates.seal_refused', 422, { number: row.number });
  return sealDto(row, new Map([[unit.id, unit.name]]));
}

export function listSeals(ctx: ActorCtx, q: SealQuery): Promise<Page<SealUseDto>> {
  return listNamed(ctx, q, listSealRows, (rows, names) => rows.map((r) => sealDto(r, names)));
}
