import type {
  CoverageDto,
  CreateRoundBody,
  FrameworkDto,
  NodeDto,
  ResultDto,
  ResultsDto,
  RoundDto,
  RoundListQuery,
  RoundState,
  SaveScoresBody,
  SheetActionBody,
  SheetDetailDto,
  TrialScoreBody,
  SheetDto,
  SheetState,
  VersionDetailDto,
} from '../../../shared/contracts/assessments';
import {
  type ScoreResult,
  ScoringError,
  edgeRuleText,
  mulDivRound,
  rankOf,
  roundingText,
  score,
  scoredNodes,
  validateFramework,
} from '../../../shared/contracts/assessmentScoring';
import type { Locale } from '../../../shared/i18n/errors';
import { writeAudit } from '../../platform/audit';
import { auditRecord } from '../../platform/recordAudit';
import { stateEventTimeline } from '../../platform/stateEventTimeline';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import { newUnitRow } from '../../platform/newRow';
import type { Db } from '../../platform/db';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { evidenceSource } from '../../platform/offerings';
import { builtInFrameworks } from './assessments.builtins';
import type { Page } from '../../platform/listing';
import { availableActions, transition } from '../../platform/workflow';
import { roleUnitPaths, userDisplayNames, usersHoldingAt } from '../accounts/accounts.api';
import {
  activeUnitsOfKind,
  activeUnitsUnder,
  ancestorOfKind,
  findUnitInScope,
  unitNames,
  unitNamesOf,
  unitsByIds,
} from '../org/org.api';
import {
  canManageFrameworks,
  canReadFrameworks,
  canReadRound,
  isAssignedEvaluator,
  roundsPolicy,
  sheetsPolicy,
} from './assessments.policy';
import {
  evidenceLinksOf,
  type FrameworkRow,
  type ItemRow,
  type NodeRow,
  type RoundRow,
  type SheetRow,
  type VersionRow,
  allSheetsOfRound,
  attachmentById,
  attachmentsOf,
  insertAttachment,
  changesOf,
  earlierResults,
  eventsOf,
  findRound,
  findSheet,
  frameworkById,
  frameworkByKey,
  insertChanges,
  insertFramework,
  insertNodes,
  insertRound,
  insertSheets,
  insertVersion,
  itemsOf,
  listFrameworkRows,
  listRoundRows,
  lockVersion,
  nodesOf,
  roundById,
  sheetStateCounts,
  sheetsOfRound,
  updateRoundRow,
  updateSheetRow,
  upsertItem,
  versionById,
  versionsOf,
} from './assessments.repository';
import type { SheetProject } from './assessments.table';
import { type Layer, scoreSheet, sheetWorkflow } from './assessments.workflow';
import {
  type FrameworkDef,
  HAPPY_COMMUNITY_TARGET_PERCENT,
  ZHOUSHAN_2017,
  ZHOUSHAN_CLAIMED_COUNTS,
  flattenDef,
} from './assessments.zhoushan';
import { foundInReach } from '../../platform/findInScope';
import { orgUnitHead } from '../../platform/unitHead';

const points = (hundredths: number) => hundredths / 100;

/** A ScoringError from the engine as a 422 in the user's language. */
function engine<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof ScoringError) throw new AppError(err.code, 422, err.params);
    throw err;
  }
}

// ---------------------------------------------------------------- frameworks

/**
 * Stores a framework definition as version 1 (or the next version of an existing key): the framework, its
 * version and its nodes, validated by the engine first. Runs in the caller's transaction.
 */
export async function storeFramework(
  tx: Db,
  ctx: UseCaseCtx,
  def: FrameworkDef,
  opts: { builtIn: boolean; createdBy: string | null },
): Promise<{ framework: FrameworkRow; version: VersionRow }> {
  const flat = flattenDef(def);
  engine(() => validateFramework(def.config, flat));
  const now = ctx.clock.now();
  let framework = await frameworkByKey(tx, def.key);
  framework ??= await insertFramework(tx, {
    id: ctx.ids(),
    key: def.key,
    name: def.name,
    source: def.source,
    note: def.note,
    builtIn: opts.builtIn,
    createdBy: opts.createdBy,
    createdAt: now,
    updatedAt: now,
  });
  if (!framework) framework = (await frameworkByKey(tx, def.key))!;
  const existing = await versionsOf(tx, [framework.id]);
  const version = await insertVersion(tx, {
    id: ctx.ids(),
    frameworkId: framework.id,
    version: existing.length + 1,
    config: def.config,
    createdBy: opts.createdBy,
    createdAt: now,
  });
  const ids = new Map(flat.map((n) => [n.id, ctx.ids()]));
  await insertNodes(
    tx,
    flat.map((n) => ({
      id: ids.get(n.id)!,
      versionId: version.id,
      parentId: n.parentId ? ids.get(n.parentId)! : null,
      code: n.code,
      name: n.name,
      level: n.level,
      sort: n.sort,
      partKey: n.partKey,
      weight: n.weight,
      evidence: n.evidence,
    })),
  );
  return { framework, version };
}

const installed = new WeakSet<object>();

/** The built-in frameworks (Zhoushan, and the xlsx ones of assessments.builtins.ts), stored once per database on first use. */
export async function ensureBuiltIns(ctx: UseCaseCtx): Promise<void> {
  if (installed.has(ctx.db)) return;
  for (const def of await builtInFrameworks()) {
    if (await frameworkByKey(ctx.db, def.key)) continue;
    await ctx.db.transaction(async (tx) => {
      // Two first requests at once: the key's unique index lets one insert; the other finds it.
      const { framework, version } = await storeFramework(tx, ctx, def, { builtIn: true, createdBy: null });
      if (version.version !== 1) throw new AppError('workflow.conflict', 409);
      await writeAudit(tx, ctx, {
        action: 'assessments.framework.install',
        entityType: 'as_framework',
        entityId: framework.id,
        after: { key: def.key, version: 1 },
      });
    });
  }
  installed.add(ctx.db);
}

export async function listFrameworks(ctx: ActorCtx): Promise<Page<FrameworkDto>> {
  if (!canReadFrameworks(ctx.actor)) throw forbidden();
  await ensureBuiltIns(ctx);
  const rows = await listFrameworkRows(ctx.db);
  const versions = await versionsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    source: r.source,
    note: r.note,
    builtIn: r.builtIn,
    versions: versions
      .filter((v) => v.frameworkId === r.id)
      .map((v) => ({ id: v.id, version: v.version, locked: v.lockedAt !== null })),
  }));
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

function nodeDtos(nodes: NodeRow[]): NodeDto[] {
  const scored = new Set(scoredNodes(nodes).map((n) => n.id));
  return nodes.map((n) => ({
    id: n.id,
    parentId: n.parentId,
    code: n.code,
    name: n.name,
    level: n.level,
    partKey: n.partKey,
    weight: n.weight == null ? null : points(n.weight),
    scored: scored.has(n.id),
    evidence: n.evidence,
  }));
}

async function versionDetail(
  version: VersionRow,
  framework: FrameworkRow,
  nodes: NodeRow[],
  locale: Locale,
): Promise<VersionDetailDto> {
  const levels = new Map<number, number>();
  for (const n of nodes) levels.set(n.level, (levels.get(n.level) ?? 0) + 1);
  const claimed =
    framework.key === ZHOUSHAN_2017.key
      ? [
          { level: 1, count: ZHOUSHAN_CLAIMED_COUNTS.level1 },
          { level: 2, count: ZHOUSHAN_CLAIMED_COUNTS.level2 },
          { level: 3, count: ZHOUSHAN_CLAIMED_COUNTS.level3 },
        ]
      : null;
  return {
    id: version.id,
    frameworkId: framework.id,
    frameworkKey: framework.key,
    name: framework.name,
    source: framework.source,
    note: framework.note,
    version: version.version,
    locked: version.lockedAt !== null,
    config: version.config,
    nodes: nodeDtos(nodes),
    counts: [...levels.entries()].sort((a, b) => a[0] - b[0]).map(([level, count]) => ({ level, count })),
    claimedCounts: claimed,
    edgeRuleText: edgeRuleText(version.config, locale),
    roundingText: roundingText(locale),
    evidenceLabels: Object.fromEntries(
      [...new Set(nodes.flatMap((n) => n.evidence))].map((k) => [k, evidenceSource(k)?.label[locale] ?? k]),
    ),
  };
}

async function loadVersion(ctx: UseCaseCtx, id: string) {
  const version = await versionById(ctx.db, id);
  if (!version) return undefined;
  const framework = (await frameworkById(ctx.db, version.frameworkId))!;
  const nodes = await nodesOf(ctx.db, version.id);
  return { version, framework, nodes };
}

export async function getVersion(ctx: ActorCtx, id: string, locale: Locale): Promise<VersionDetailDto> {
  if (!canReadFrameworks(ctx.actor)) throw forbidden();
  await ensureBuiltIns(ctx);
  const v = await loadVersion(ctx, id);
  if (!v) throw notFound();
  return versionDetail(v.version, v.framework, v.nodes, locale);
}

/**
 * Scores states on a version without any round (R-AS-2…4: totals from item states alone): states by node
 * code or id, rated projects for each third-party part. Nothing is stored.
 */
export async function trialScore(ctx: ActorCtx, id: string, body: TrialScoreBody, locale: Locale) {
  if (!canReadFrameworks(ctx.actor)) throw forbidden();
  await ensureBuiltIns(ctx);
  const v = await loadVersion(ctx, id);
  if (!v) throw notFound();
  const byKey = new Map<string, NodeRow>();
  for (const n of v.nodes) {
    byKey.set(n.code, n);
    byKey.set(n.id, n);
  }
  const scored = new Set(scoredNodes(v.nodes).map((n) => n.id));
  const states: Record<string, string | null> = {};
  for (const [key, state] of Object.entries(body.states)) {
    const node = byKey.get(key);
    if (!node) throw new AppError('assessments.node_unknown', 422);
    if (!scored.has(node.id)) throw new AppError('assessments.node_not_scored', 422, { code: node.code });
    states[node.id] = state;
  }
  const aspects: Record<string, { ratings: Record<string, number> }[]> = {};
  for (const p of v.version.config.parts) if (p.method === 'aspects') aspects[p.key] = body.projects;
  const r = engine(() => score(v.version.config, v.nodes, { states, aspects }));
  const codes = new Map(v.nodes.map((n) => [n.id, n.code]));
  return {
    ...resultDto(r),
    nodes: Object.fromEntries(Object.entries(r.nodes).map(([nid, pts]) => [codes.get(nid)!, points(pts)])),
    edgeRuleText: edgeRuleText(v.version.config, locale),
    roundingText: roundingText(locale),
  };
}

/** A framework definition from an uploaded one (import), stored as a new framework or version. */
export async function importFramework(ctx: ActorCtx, def: FrameworkDef): Promise<VersionDetailDto> {
  if (!canManageFrameworks(ctx.actor)) throw forbidden();
  await ensureBuiltIns(ctx);
  const existing = await frameworkByKey(ctx.db, def.key);
  if (existing?.builtIn) throw new AppError('assessments.framework_key_taken', 409);
  const { framework, version } = await ctx.db.transaction(async (tx) => {
    const stored = await storeFramework(tx, ctx, def, { builtIn: false, createdBy: ctx.actor.userId });
    await writeAudit(tx, ctx, {
      action: 'assessments.framework.import',
      entityType: 'as_framework',
      entityId: stored.framework.id,
      after: { key: def.key, version: stored.version.version, nodes: flattenDef(def).length },
    });
    return stored;
  });
  return versionDetail(
    version,
    framework,
    await nodesOf(ctx.db, version.id),
    ctx.actor.locale === 'en' ? 'en' : 'zh-CN',
  );
}

/** The definition of a stored version, for the xlsx export. */
export async function versionForExport(ctx: ActorCtx, id: string) {
  if (!canReadFrameworks(ctx.actor)) throw forbidden();
  await ensureBuiltIns(ctx);
  const v = await loadVersion(ctx, id);
  if (!v) throw notFound();
  return v;
}

// ---------------------------------------------------------------- rounds

async function roundDtos(ctx: ActorCtx, rows: RoundRow[]): Promise<RoundDto[]> {
  const versions = await Promise.all(rows.map((r) => versionById(ctx.db, r.versionId)));
  const frameworks = await Promise.all(versions.map((v) => frameworkById(ctx.db, v!.frameworkId)));
  const [names, people, counts, all] = await Promise.all([
    unitNamesOf(ctx.db, rows),
    userDisplayNames(
      ctx.db,
      rows.map((r) => r.evaluatorId),
    ),
    sheetStateCounts(
      ctx.db,
      ctx.actor,
      rows.map((r) => r.id),
    ),
    Promise.all(rows.map((r) => allSheetsOfRound(ctx.db, r.id))),
  ]);
  return rows.map((r, i) => {
    const manage = roundsPolicy.can(ctx.actor, 'manage', r);
    const c = counts.get(r.id) ?? {};
    return {
      ...orgUnitHead(r, names),
      versionId: r.versionId,
      frameworkName: frameworks[i]!.name,
      frameworkVersion: versions[i]!.version,
      year: r.year,
      title: r.title,
      state: r.state as RoundState,
      selfDue: r.selfDue,
      reviewDue: r.reviewDue,
      evaluationDue: r.evaluationDue,
      evaluatorId: r.evaluatorId,
      evaluatorName: people.get(r.evaluatorId) ?? null,
      counts: c,
      sheetCount: Object.values(c).reduce((s, n) => s + n, 0),
      publishedAt: r.publishedAt,
      abilities: {
        open: false,
        publish: manage && r.state === 'open' && all[i]!.every((s) => s.state === 'signed'),
      },
      createdAt: r.createdAt,
    };
  });
}

export async function listRounds(ctx: ActorCtx, q: RoundListQuery): Promise<Page<RoundDto>> {
  roundsPolicy.require(ctx.actor, 'read');
  const page = await listRoundRows(ctx.db, ctx.actor, q);
  return { ...page, items: await roundDtos(ctx, page.items) };
}

export async function getRound(ctx: ActorCtx, id: string): Promise<RoundDto> {
  const row = await foundInReach(roundsPolicy, ctx, 'read', () => findRound(ctx.db, ctx.actor, id));
  return (await roundDtos(ctx, [row]))[0]!;
}

/** What the round form offers for an issuing unit: its communities and the evaluator logins assigned there. */
export async function roundOptions(ctx: ActorCtx, orgUnitId: string) {
  roundsPolicy.require(ctx.actor, 'manage');
  const unit = await findUnitInScope(ctx, orgUnitId, 'assessments.manage');
  const holders = await usersHoldingAt(ctx.db, 'assessments.evaluate', unit.id);
  const names = await userDisplayNames(
    ctx.db,
    holders.map((h) => h.userId),
  );
  const communities = await activeUnitsUnder(ctx.db, 'community', unit.path);
  const parents = await unitNames(
    ctx.db,
    communities.map((c) => c.path.split('/').filter(Boolean).at(-2) ?? ''),
  );
  return {
    evaluators: holders.map((h) => ({ id: h.userId, name: names.get(h.userId) ?? '' })),
    communities: communities
      .map((c) => ({
        id: c.id,
        name: c.name,
        parentName: parents.get(c.path.split('/').filter(Boolean).at(-2) ?? '') ?? null,
      }))
      .sort((a, b) => (a.parentName ?? '').localeCompare(b.parentName ?? '') || a.name.localeCompare(b.name)),
  };
}

/**
 * A city or district opens a round for a year over chosen communities under it, on one framework version
 * (locked from now on: a round uses its version forever), with a schedule and the third-party evaluator
 * assigned to every sheet. Each community gets its sheet in self-assessment.
 */
export async function createRound(ctx: ActorCtx, input: CreateRoundBody): Promise<RoundDto> {
  roundsPolicy.require(ctx.actor, 'manage');
  await ensureBuiltIns(ctx);
  const issuer = await findUnitInScope(ctx, input.orgUnitId, 'assessments.manage');
  if (issuer.kind !== 'city' && issuer.kind !== 'district')
    throw new AppError('assessments.issuer_kind', 422);
  if (!(input.selfDue <= input.reviewDue && input.reviewDue <= input.evaluationDue))
    throw new AppError('assessments.dates_order', 422);
  const version = await versionById(ctx.db, input.versionId);
  if (!version) throw notFound();
  const ids = [...new Set(input.communityIds)];
  const units = await unitsByIds(ctx.db, ids);
  if (
    units.length !== ids.length ||
    units.some((u) => u.kind !== 'community' || !u.path.startsWith(issuer.path) || u.status !== 'active')
  )
    throw new AppError('assessments.communities_invalid', 422);
  const evalPaths = await roleUnitPaths(ctx.db, input.evaluatorId, ['evaluator']);
  if (!units.every((u) => evalPaths.some((p) => u.path.startsWith(p))))
    throw new AppError('assessments.evaluator_invalid', 422);
  const subdistricts = await Promise.all(units.map((u) => ancestorOfKind(ctx.db, u.path, 'subdistrict')));
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await versionById(tx, version.id, true);
    await lockVersion(tx, locked!.id, now);
    const round = await insertRound(tx, {
      ...newUnitRow(ctx, issuer, now),
      versionId: version.id,
      year: input.year,
      title: input.title,
      state: 'open',
      selfDue: input.selfDue,
      reviewDue: input.reviewDue,
      evaluationDue: input.evaluationDue,
      evaluatorId: input.evaluatorId,
      openedAt: now,
      createdBy: ctx.actor.userId,
    });
    await insertSheets(
      tx,
      units.map((u, i) => ({
        ...newUnitRow(ctx, u, now),
        roundId: round.id,
        subdistrictId: subdistricts[i]?.id ?? null,
        state: 'self_assessment',
        evaluatorId: input.evaluatorId,
        projects: [],
      })),
    );
    await auditRecord(tx, ctx, round, {
      action: 'assessments.round.create',
      entityType: 'as_round',
      after: { year: round.year, title: round.title, version: version.id, communities: units.length },
    });
    return round;
  });
  return (await roundDtos(ctx, [row]))[0]!;
}

/** The city publishes a round once every sheet is signed. */
export async function publishRound(ctx: ActorCtx, id: string): Promise<RoundDto> {
  const found = await foundInReach(roundsPolicy, ctx, 'manage', () =>
    findRound(ctx.db, ctx.actor, id, 'manage'),
  );
  const row = await ctx.db.transaction(async (tx) => {
    const round = (await roundById(tx, found.id, true))!;
    if (round.state !== 'open') throw new AppError('assessments.round_not_open', 409);
    const sheets = await allSheetsOfRound(tx, round.id);
    const open = sheets.filter((s) => s.state !== 'signed').length;
    if (open > 0) throw new AppError('assessments.not_all_signed', 409, { count: open });
    const updated = await updateRoundRow(tx, round.id, {
      state: 'published',
      publishedAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    });
    await auditRecord(tx, ctx, round, {
      action: 'assessments.round.publish',
      entityType: 'as_round',
      before: { state: 'open' },
      after: { state: 'published', sheets: sheets.length },
    });
    return updated;
  });
  return (await roundDtos(ctx, [row]))[0]!;
}

// ---------------------------------------------------------------- sheets

const resultDto = (r: ScoreResult): ResultDto => ({
  total: points(r.total),
  parts: r.parts.map((p) => ({ ...p, score: points(p.score) })),
  grade: { key: r.grade.key, name: r.grade.name, qualifies: r.grade.qualifies },
  eligible: r.eligible,
  qualified: r.qualified,
  complete: r.complete,
});

/** The layer whose numbers a sheet shows: the community's until it reaches the evaluator. */
const layerOf = (state: string): Layer =>
  state === 'self_assessment' || state === 'review' ? 'self' : 'eval';

async function sheetContext(ctx: UseCaseCtx, sheet: SheetRow) {
  const round = (await roundById(ctx.db, sheet.roundId))!;
  const version = (await versionById(ctx.db, round.versionId))!;
  const framework = (await frameworkById(ctx.db, version.frameworkId))!;
  const nodes = await nodesOf(ctx.db, version.id);
  const items = await itemsOf(ctx.db, [sheet.id]);
  return { round, version, framework, nodes, items };
}

function sheetResult(sheet: SheetRow, version: VersionRow, nodes: NodeRow[], items: ItemRow[]): ScoreResult {
  if (sheet.state === 'signed' && sheet.result) return sheet.result;
  return scoreSheet(version, nodes, sheet, items, layerOf(sheet.state));
}

async function sheetDtos(
  ctx: ActorCtx,
  sheets: SheetRow[],
  version: VersionRow,
  nodes: NodeRow[],
): Promise<SheetDto[]> {
  const items = await itemsOf(
    ctx.db,
    sheets.map((s) => s.id),
  );
  const names = await unitNames(ctx.db, [
    ...sheets.map((s) => s.orgUnitId),
    ...sheets.map((s) => s.subdistrictId).filter((x): x is string => !!x),
  ]);
  return sheets.map((s) => {
    const mine = items.filter((i) => i.sheetId === s.id);
    return {
      id: s.id,
      roundId: s.roundId,
      orgUnitId: s.orgUnitId,
      orgUnitName: names.get(s.orgUnitId) ?? null,
      subdistrictName: s.subdistrictId ? (names.get(s.subdistrictId) ?? null) : null,
      state: s.state as SheetState,
      evaluatorId: s.evaluatorId,
      signedAt: s.signedAt,
      signedByName: s.signedByName,
      result: resultDto(sheetResult(s, version, nodes, mine)),
      selfResult: resultDto(scoreSheet(version, nodes, s, mine, 'self')),
      updatedAt: s.updatedAt,
    };
  });
}

export async function getSheet(ctx: ActorCtx, id: string, locale: Locale): Promise<SheetDetailDto> {
  const sheet = await requireSheet(ctx, id);
  const { round, version, framework, nodes, items } = await sheetContext(ctx, sheet);
  const [dto] = await sheetDtos(ctx, [sheet], version, nodes);
  const [events, changes, files, links] = await Promise.all([
    eventsOf(ctx.db, sheet.id),
    changesOf(ctx.db, sheet.id),
    attachmentsOf(ctx.db, sheet.id),
    evidenceLinksOf(ctx.db, sheet.id),
  ]);
  const codes = new Map(nodes.map((n) => [n.id, n.code]));
  const result = sheetResult(sheet, version, nodes, items);
  const selfPts = scoreSheet(version, nodes, sheet, items, 'self').nodes;
  const byNode = new Map(items.map((i) => [i.nodeId, i]));
  const open = round.state === 'open';
  return {
    ...dto!,
    round: (await roundDtos(ctx, [round]))[0]!,
    version: await versionDetail(version, framework, nodes, locale),
    items: nodes.map((n) => {
      const i = byNode.get(n.id);
      const pts = layerOf(sheet.state) === 'self' ? selfPts[n.id] : result.nodes[n.id];
      return {
        nodeId: n.id,
        selfState: i?.selfState ?? null,
        selfEvidence: i?.selfEvidence ?? null,
        evalState: i?.evalState ?? null,
        evalMethods: i?.evalMethods ?? [],
        evalNote: i?.evalNote ?? null,
        points: pts == null ? null : points(pts),
      };
    }),
    projects: sheet.projects,
    attachments: files.map((f) => ({
      id: f.id,
      nodeId: f.nodeId,
      layer: f.layer,
      fileName: f.fileName,
      mime: f.mime,
      url: `/api/assessments/attachments/${f.id}`,
      createdByName: f.createdByName,
      createdAt: f.createdAt,
    })),
    evidenceLinks: links.map((l) => ({
      id: l.id,
      nodeId: l.nodeId,
      layer: l.layer,
      source: evidenceSource(l.sourceKey)?.label[locale] ?? l.sourceKey,
      title: l.title,
      detail: l.detail,
      recordDate: l.recordDate,
      createdByName: l.createdByName,
      createdAt: l.createdAt,
    })),
    selfNote: sheet.selfNote,
    reviewComment: sheet.reviewComment,
    fieldNotes: sheet.fieldNotes,
    signature: sheet.signature,
    events: events.map(stateEventTimeline),
    changes: changes.map((c) => ({
      at: c.at,
      actorName: c.actorName,
      nodeCode: c.nodeId ? (codes.get(c.nodeId) ?? null) : null,
      layer: c.layer,
      before: c.before,
      after: c.after,
      reason: c.reason,
    })),
    actions: open ? availableActions(sheetWorkflow, ctx.actor, sheet) : [],
    abilities: {
      editSelf: open && sheet.state === 'self_assessment' && sheetsPolicy.can(ctx.actor, 'self', sheet),
      editEval: open && sheet.state === 'evaluation' && isAssignedEvaluator(ctx.actor, sheet),
    },
  };
}

/**
 * Enters scores on a sheet: the community's states and evidence while it self-assesses, the assigned
 * evaluator's states, data-collection methods, notes and project ratings while it is evaluated; nobody else,
 * at no other stage, and never once signed. Every changed state or rating is recorded with who and why;
 * changing one already set needs a reason.
 */
export async function saveScores(ctx: ActorCtx, id: string, body: SaveScoresBody, locale: Locale) {
  const found = await requireSheet(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const sheet = (await findSheet(tx, ctx.actor, found.id, true))!;
    const round = (await roundById(tx, sheet.roundId))!;
    let layer: Layer;
    if (sheet.state === 'self_assessment' && sheetsPolicy.can(ctx.actor, 'self', sheet)) layer = 'self';
    else if (sheet.state === 'evaluation' && isAssignedEvaluator(ctx.actor, sheet)) layer = 'eval';
    else if (sheet.state === 'evaluation' && sheetsPolicy.can(ctx.actor, 'evaluate', sheet))
      throw new AppError('assessments.not_assigned', 403);
    else if (
      sheetsPolicy.can(ctx.actor, 'self', sheet) ||
      sheetsPolicy.can(ctx.actor, 'evaluate', sheet) ||
      sheetsPolicy.can(ctx.actor, 'review', sheet) ||
      sheetsPolicy.can(ctx.actor, 'manage', sheet)
    )
      throw new AppError('assessments.not_editable', 409);
    else throw forbidden();
    if (round.state !== 'open') throw new AppError('assessments.round_not_open', 409);
    const version = (await versionById(tx, round.versionId))!;
    const nodes = await nodesOf(tx, version.id);
    const nodeById = new Map(nodes.map((n) => [n.id, n]));
    const scored = new Set(scoredNodes(nodes).map((n) => n.id));
    const scale = new Set(version.config.scale.map((s) => s.key));
    const items = new Map((await itemsOf(tx, [sheet.id])).map((i) => [i.nodeId, i]));
    const now = ctx.clock.now();
    const reason = body.reason?.trim() || null;
    const changes: { nodeId: string | null; before: unknown; after: unknown }[] = [];

    for (const e of body.entries) {
      const node = nodeById.get(e.nodeId);
      if (!node) throw new AppError('assessments.node_unknown', 422);
      if (e.state != null && !scored.has(node.id))
        throw new AppError('assessments.node_not_scored', 422, { code: node.code });
      if (e.state != null && !scale.has(e.state))
        throw new AppError('assessments.state_invalid', 422, { state: e.state });
      const cur = items.get(node.id);
      const next = {
        selfState: cur?.selfState ?? null,
        selfEvidence: cur?.selfEvidence ?? null,
        evalState: cur?.evalState ?? null,
        evalMethods: cur?.evalMethods ?? [],
        evalNote: cur?.evalNote ?? null,
      };
      const key = layer === 'self' ? 'selfState' : 'evalState';
      if (e.state !== undefined && e.state !== next[key]) {
        if (next[key] != null && !reason) throw new AppError('assessments.reason_required', 422);
        changes.push({ nodeId: node.id, before: next[key], after: e.state ?? null });
        next[key] = e.state ?? null;
      }
      if (layer === 'self') {
        if (e.evidence !== undefined) next.selfEvidence = e.evidence ?? null;
      } else {
        if (e.methods !== undefined) next.evalMethods = e.methods;
        if (e.note !== undefined) next.evalNote = e.note ?? null;
      }
      await upsertItem(tx, {
        id: cur?.id ?? ctx.ids(),
        sheetId: sheet.id,
        nodeId: node.id,
        ...next,
        updatedBy: ctx.actor.userId,
        updatedAt: now,
      });
    }

    const patch: Partial<SheetRow> = {};
    if (body.projects !== undefined) {
      const aspectsPart = version.config.parts.find((p) => p.method === 'aspects');
      const perClass = new Map<string, number>();
      for (const p of body.projects) {
        const n = (perClass.get(p.category) ?? 0) + 1;
        perClass.set(p.category, n);
        if (n > 2) throw new AppError('assessments.project_class_full', 422, { category: p.category });
      }
      const projects: SheetProject[] = body.projects.map((p, i) => {
        if (layer === 'self') {
          // The community declares its projects; ratings already given stay with the same project.
          const prev = sheet.projects.find((x) => x.name === p.name && x.category === p.category);
          return { name: p.name, category: p.category, ratings: prev?.ratings ?? null };
        }
        if (p.ratings && aspectsPart)
          engine(() => {
            for (const a of aspectsPart.aspects ?? []) {
              const r = p.ratings![a.key];
              if (r == null) throw new ScoringError('assessments.rating_invalid', { aspect: a.name });
            }
          });
        const prev = sheet.projects[i];
        if (prev?.ratings && JSON.stringify(prev.ratings) !== JSON.stringify(p.ratings ?? null) && !reason)
          throw new AppError('assessments.reason_required', 422);
        return { name: p.name, category: p.category, ratings: p.ratings ?? null };
      });
      if (JSON.stringify(projects) !== JSON.stringify(sheet.projects)) {
        changes.push({ nodeId: null, before: sheet.projects, after: projects });
        patch.projects = projects;
      }
    }
    if (body.note !== undefined) {
      if (layer === 'self') patch.selfNote = body.note ?? null;
      else patch.fieldNotes = body.note ?? null;
    }
    await updateSheetRow(tx, sheet.id, { ...patch, updatedAt: now });
    await insertChanges(
      tx,
      changes.map((c) => ({
        id: ctx.ids(),
        sheetId: sheet.id,
        nodeId: c.nodeId,
        layer: c.nodeId ? layer : 'projects',
        before: c.before,
        after: c.after,
        reason: reason ?? '',
        actorId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        at: now,
      })),
    );
    await auditSheet(tx, ctx, sheet, 'assessments.sheet.score', {
      before: Object.fromEntries(
        changes.map((c) => [c.nodeId ? nodeById.get(c.nodeId)!.code : 'projects', c.before]),
      ),
      after: {
        layer,
        reason,
        ...Object.fromEntries(
          changes.map((c) => [c.nodeId ? nodeById.get(c.nodeId)!.code : 'projects', c.after]),
        ),
      },
    });
  });
  return getSheet(ctx, found.id, locale);
}

export async function actOnSheet(ctx: ActorCtx, id: string, body: SheetActionBody, locale: Locale) {
  const sheet = await requireSheet(ctx, id);
  const c = await sheetContext(ctx, sheet);
  await transition(sheetWorkflow, ctx, sheet, body.action, { ...body, ...c });
  return getSheet(ctx, sheet.id, locale);
}

// ---------------------------------------------------------------- results

/**
 * A round's results in reach: per community the total, part scores, grade, eligibility and qualification,
 * the rank among the round's signed sheets and the total of its latest earlier published round of the same
 * framework (year over year). Sheets not signed show their current numbers, unranked. With them the round's
 * coverage: how many communities in its scope are 幸福社区, against the 80% target (S004-01).
 */
export async function getResults(ctx: ActorCtx, roundId: string, locale: Locale): Promise<ResultsDto> {
  roundsPolicy.require(ctx.actor, 'read');
  const round = await findRound(ctx.db, ctx.actor, roundId);
  if (!round || !canReadRound(ctx.actor, round)) throw notFound();
  const version = (await versionById(ctx.db, round.versionId))!;
  const nodes = await nodesOf(ctx.db, version.id);
  const sheets = await sheetsOfRound(ctx.db, ctx.actor, round.id);
  const dtos = await sheetDtos(ctx, sheets, version, nodes);
  const all = await allSheetsOfRound(ctx.db, round.id);
  const signed = all.filter((s) => s.state === 'signed');
  const ranks = rankOf(signed, (s) => s.total ?? 0);
  const rankById = new Map(signed.map((s) => [s.id, ranks.get(s)!]));
  const earlier = await earlierResults(
    ctx.db,
    ctx.actor,
    version.frameworkId,
    round.year,
    sheets.map((s) => s.orgUnitId),
  );
  return {
    round: (await roundDtos(ctx, [round]))[0]!,
    edgeRuleText: edgeRuleText(version.config, locale),
    roundingText: roundingText(locale),
    bands: version.config.bands.map((b) => ({ key: b.key, name: b.name, min: b.min })),
    rows: dtos.map((d) => {
      const prev = earlier.find((e) => e.orgUnitId === d.orgUnitId && e.total != null);
      return {
        sheetId: d.id,
        orgUnitId: d.orgUnitId,
        orgUnitName: d.orgUnitName,
        subdistrictName: d.subdistrictName,
        state: d.state,
        result: d.result,
        rank: rankById.get(d.id) ?? null,
        previousTotal: prev ? points(prev.total!) : null,
        previousYear: prev?.year ?? null,
      };
    }),
    coverage: await roundCoverage(ctx, round, dtos, all),
  };
}

/**
 * S004-01: the share of the communities in the round's scope that are 幸福社区, against the 80% target. The
 * scope is the issuing unit's active communities, read within the reader's reach like the rows (`rows` are the
 * sheets in reach); those the round does not assess count in the denominator, so a round over a few chosen
 * communities cannot reach the target alone. The seed counts urban communities (城市社区); the org tree does
 * not tell urban from rural, so every community counts. Only a signed result qualifies.
 */
async function roundCoverage(
  ctx: ActorCtx,
  round: RoundRow,
  rows: SheetDto[],
  all: SheetRow[],
): Promise<CoverageDto> {
  const inRound = new Set(all.map((s) => s.orgUnitId));
  const inScope = await activeUnitsOfKind(ctx.db, ctx.actor, 'assessments.read', 'community', round.orgPath);
  const unassessed = inScope.filter((c) => !inRound.has(c.id)).length;
  const signed = rows.filter((r) => r.state === 'signed');
  const qualified = signed.filter((r) => r.result.qualified).length;
  const communities = rows.length + unassessed;
  return {
    communities,
    assessed: rows.length,
    signed: signed.length,
    qualified,
    unassessed,
    sharePercent: communities ? points(mulDivRound(qualified, 10000, communities)) : null,
    targetPercent: HAPPY_COMMUNITY_TARGET_PERCENT,
    met: communities > 0 && qualified * 100 >= HAPPY_COMMUNITY_TARGET_PERCENT * communities,
  };
}

/**
 * One sheet's standing for its report: its rank among the round's signed sheets and its total in the last
 * published round of the framework, when the reader may see the round's results (else null). Reads the signed
 * totals only, not every sheet's detail.
 */
export async function sheetStanding(
  ctx: ActorCtx,
  sheet: Pick<SheetDetailDto, 'id' | 'roundId' | 'orgUnitId'>,
): Promise<{
  rank: number | null;
  signedCount: number;
  previousTotal: number | null;
  previousYear: number | null;
} | null> {
  if (!roundsPolicy.can(ctx.actor, 'read')) return null;
  const round = await findRound(ctx.db, ctx.actor, sheet.roundId);
  if (!round || !canReadRound(ctx.actor, round)) return null;
  const version = (await versionById(ctx.db, round.versionId))!;
  const signed = (await allSheetsOfRound(ctx.db, round.id)).filter((s) => s.state === 'signed');
  const ranks = rankOf(signed, (s) => s.total ?? 0);
  const mine = signed.find((s) => s.id === sheet.id);
  const [prev] = (
    await earlierResults(ctx.db, ctx.actor, version.frameworkId, round.year, [sheet.orgUnitId])
  ).filter((e) => e.total != null);
  return {
    rank: mine ? (ranks.get(mine) ?? null) : null,
    signedCount: signed.length,
    previousTotal: prev ? points(prev.total!) : null,
    previousYear: prev?.year ?? null,
  };
}

// ---------------------------------------------------------------- attachments

/**
 * Files a photo or document as evidence on one node of a sheet: whoever may enter scores now (the community
 * while self-assessing, the assigned evaluator during the evaluation), in an open round. The caller has stored
 * the bytes under `id`.
 */
export async function attachEvidence(
  ctx: ActorCtx,
  sheetId: string,
  file: { id: string; nodeId: string; mime: string; size: number; name: string },
) {
  const sheet = await requireSheet(ctx, sheetId);
  const round = (await roundById(ctx.db, sheet.roundId))!;
  const layer = editableLayer(ctx, sheet, round);
  const nodes = await nodesOf(ctx.db, round.versionId);
  const node = nodes.find((n) => n.id === file.nodeId);
  if (!node) throw new AppError('assessments.node_unknown', 422);
  await ctx.db.transaction(async (tx) => {
    await insertAttachment(tx, {
      id: file.id,
      sheetId: sheet.id,
      nodeId: node.id,
      layer,
      mime: file.mime,
      size: file.size,
      fileName: file.name.slice(0, 200),
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
      createdAt: ctx.clock.now(),
    });
    await auditSheet(tx, ctx, sheet, 'assessments.sheet.attach', {
      after: { node: node.code, layer, file: file.id, mime: file.mime, size: file.size },
    });
  });
  return { id: file.id, url: `/api/assessments/attachments/${file.id}` };
}

/**
 * Whose evidence the actor may add to a sheet now: the community's while it self-assesses, the assigned
 * evaluator's during the evaluation, in an open round; 409 otherwise.
 */
export function editableLayer(ctx: ActorCtx, sheet: SheetRow, round: RoundRow): Layer {
  let layer: Layer;
  if (sheet.state === 'self_assessment' && sheetsPolicy.can(ctx.actor, 'self', sheet)) layer = 'self';
  else if (sheet.state === 'evaluation' && isAssignedEvaluator(ctx.actor, sheet)) layer = 'eval';
  else throw new AppError('assessments.not_editable', 409);
  if (round.state !== 'open') throw new AppError('assessments.round_not_open', 409);
  return layer;
}

/** The sheet, when the actor may read it; 404 otherwise (also checked before an upload is read). */
export async function requireSheet(ctx: ActorCtx, id: string): Promise<SheetRow> {
  return foundInReach(sheetsPolicy, ctx, 'read', () => findSheet(ctx.db, ctx.actor, id));
}

/** A sheet's audit entry (the sheet and its community's path), in the transaction of its change. */
export function auditSheet(
  tx: Db,
  ctx: ActorCtx,
  sheet: SheetRow,
  action: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return auditRecord(tx, ctx, sheet, {
    action,
    entityType: 'as_sheet',
    ...change,
  });
}

/** An attachment the actor may read: through its sheet's scope. */
export async function attachmentFor(ctx: ActorCtx, id: string) {
  sheetsPolicy.require(ctx.actor, 'read');
  const a = await attachmentById(ctx.db, id);
  if (!a || !(await findSheet(ctx.db, ctx.actor, a.sheetId))) throw notFound();
  return a;
}
