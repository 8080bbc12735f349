import { chinaDayStart } from '../../../shared/chinaTime';
import type { EvidenceCandidatesDto, LinkEvidenceBody } from '../../../shared/contracts/assessments';
import type { Locale } from '../../../shared/i18n/errors';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import type { EvidenceQuery } from '../../platform/evidence';
import { evidenceSource } from '../../platform/offerings';
import {
  deleteEvidenceLink,
  evidenceLinkById,
  evidenceLinksOf,
  insertEvidenceLink,
  type NodeRow,
  nodesOf,
  roundById,
  type RoundRow,
  type SheetRow,
} from './assessments.repository';
import { auditSheet, editableLayer, requireSheet } from './assessments.usecases';

/**
 * Evidence from the rest of Linli (issue 12): a framework node names evidence sources (`as_nodes.evidence`,
 * set in the framework's configuration); a sheet shows, for a node, the records those sources hold for the
 * community in the round's year, and whoever may enter scores now attaches them. A content item also offers
 * the sources of its indicator (its ancestors).
 */

const MAX_RECORDS = 50;

/** The round's year in China time: [1 Jan, 1 Jan of the next year). */
function periodOf(round: RoundRow): { from: Date; to: Date } {
  return {
    from: chinaDayStart(`${round.year}-01-01`),
    to: chinaDayStart(`${round.year + 1}-01-01`),
  };
}

/** The source keys a node offers: its own and its ancestors', in that order. */
function sourcesOf(nodes: NodeRow[], node: NodeRow): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const keys: string[] = [];
  for (let n: NodeRow | undefined = node; n; n = n.parentId ? byId.get(n.parentId) : undefined)
    keys.push(...n.evidence);
  return [...new Set(keys)].filter((k) => evidenceSource(k));
}

async function sheetAndNode(ctx: ActorCtx, sheetId: string, nodeId: string) {
  const sheet = await requireSheet(ctx, sheetId);
  const round = (await roundById(ctx.db, sheet.roundId))!;
  const nodes = await nodesOf(ctx.db, round.versionId);
  const node = nodes.find((n) => n.id === nodeId);
  if (!node) throw new AppError('assessments.node_unknown', 422);
  return { sheet, round, nodes, node };
}

const query = (sheet: SheetRow, round: RoundRow, locale: Locale): EvidenceQuery => ({
  orgPath: sheet.orgPath,
  ...periodOf(round),
  locale,
});

export async function evidenceCandidates(
  ctx: ActorCtx,
  sheetId: string,
  nodeId: string,
  locale: Locale,
): Promise<EvidenceCandidatesDto> {
  const { sheet, round, nodes, node } = await sheetAndNode(ctx, sheetId, nodeId);
  const linked = new Set(
    (await evidenceLinksOf(ctx.db, sheet.id))
      .filter((l) => l.nodeId === node.id)
      .map((l) => `${l.sourceKey}|${l.ref}`),
  );
  const q = query(sheet, round, locale);
  const sources = await Promise.all(
    sourcesOf(nodes, node).map(async (key) => {
      const src = evidenceSource(key)!;
      const records = await src.find(ctx.db, q, MAX_RECORDS);
      return {
        key,
        label: src.label[locale],
        records: records.map((r) => ({
          ref: r.ref,
          title: r.title,
          detail: r.detail ?? null,
          date: r.date ?? null,
          linked: linked.has(`${key}|${r.ref}`),
        })),
      };
    }),
  );
  return { nodeId: node.id, period: { from: `${round.year}-01-01`, to: `${round.year}-12-31` }, sources };
}

/**
 * Attaches one record as evidence: the source must be one the node offers and the record one it holds for the
 * community in the round's year (read again here, never taken from the request). Attaching twice is a no-op.
 */
export async function linkEvidence(ctx: ActorCtx, sheetId: string, body: LinkEvidenceBody) {
  const { sheet, round, nodes, node } = await sheetAndNode(ctx, sheetId, body.nodeId);
  const layer = editableLayer(ctx, sheet, round);
  if (!sourcesOf(nodes, node).includes(body.source)) throw new AppError('assessments.evidence_source', 422);
  const records = await evidenceSource(body.source)!.find(
    ctx.db,
    { ...query(sheet, round, 'zh-CN'), ref: body.ref },
    50,
  );
  const record = records.find((r) => r.ref === body.ref);
  if (!record) throw new AppError('assessments.evidence_unknown', 422);
  const id = ctx.ids();
  await ctx.db.transaction(async (tx) => {
    const added = await insertEvidenceLink(tx, {
      id,
      sheetId: sheet.id,
      nodeId: node.id,
      layer,
      sourceKey: body.source,
      ref: record.ref,
      title: record.title.slice(0, 300),
      detail: record.detail?.slice(0, 500) ?? null,
      recordDate: record.date ?? null,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
      createdAt: ctx.clock.now(),
    });
    if (!added) return;
    await auditSheet(tx, ctx, sheet, 'assessments.sheet.link_evidence', {
      after: { node: node.code, layer, source: body.source, ref: record.ref, title: record.title },
    });
  });
}

/** Removes an attached record: only by whoever may add evidence now, and only their own layer's links. */
export async function unlinkEvidence(ctx: ActorCtx, sheetId: string, linkId: string) {
  const sheet = await requireSheet(ctx, sheetId);
  const link = await evidenceLinkById(ctx.db, sheet.id, linkId);
  if (!link) throw notFound();
  const round = (await roundById(ctx.db, sheet.roundId))!;
  const layer = editableLayer(ctx, sheet, round);
  if (link.layer !== layer) throw new AppError('assessments.not_editable', 409);
  await ctx.db.transaction(async (tx) => {
    await deleteEvidenceLink(tx, link.id);
    await auditSheet(tx, ctx, sheet, 'assessments.sheet.unlink_evidence', {
      before: { source: link.sourceKey, ref: link.ref, title: link.title },
    });
  });
}
