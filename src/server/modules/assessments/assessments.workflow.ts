import { createHash } from 'node:crypto';
import {
  SHEET_STATES,
  type SheetAction,
  type SheetActionBody,
  type SheetState,
} from '../../../shared/contracts/assessments';
import { type ScoreResult, score, scoredNodes } from '../../../shared/contracts/assessmentScoring';
import { AppError } from '../../platform/errors';
import { defineWorkflow } from '../../platform/workflow';
import { stateEventWriter } from '../../platform/workflowEvents';
import { stateTableColumns, stateTransitionAudit } from '../../platform/workflowTable';
import { isAssignedEvaluator, sheetsPolicy } from './assessments.policy';
import type { ItemRow, NodeRow, RoundRow, SheetRow, VersionRow } from './assessments.repository';
import { asSheetEvents, asSheets } from './assessments.table';

/** What a sheet transition is given: the request and the sheet's round, framework version, nodes and items. */
export type SheetInput = SheetActionBody & {
  round: RoundRow;
  version: VersionRow;
  nodes: NodeRow[];
  items: ItemRow[];
};

/** Which layer a sheet's numbers come from: the community's states until the evaluator's step. */
export type Layer = 'self' | 'eval';

/** The engine's input for one layer of a sheet: states by node id, rated projects by aspects part. */
export function scoreSheet(
  version: Pick<VersionRow, 'config'>,
  nodes: NodeRow[],
  sheet: Pick<SheetRow, 'projects'>,
  items: ItemRow[],
  layer: Layer,
): ScoreResult {
  const states: Record<string, string | null> = {};
  for (const i of items) states[i.nodeId] = layer === 'self' ? i.selfState : i.evalState;
  const rated =
    layer === 'eval' ? sheet.projects.filter((p) => p.ratings).map((p) => ({ ratings: p.ratings! })) : [];
  const aspects: Record<string, { ratings: Record<string, number> }[]> = {};
  for (const p of version.config.parts) if (p.method === 'aspects') aspects[p.key] = rated;
  return score(version.config, nodes, { states, aspects });
}

/**
 * The signature of a signed sheet: sha256 over the framework version and every scored node's code and
 * evaluator state plus the project ratings, in tree order — the states the total was computed from.
 */
export function signatureOf(
  version: VersionRow,
  nodes: NodeRow[],
  sheet: SheetRow,
  items: ItemRow[],
): string {
  const byNode = new Map(items.map((i) => [i.nodeId, i.evalState]));
  const canonical = JSON.stringify({
    version: version.id,
    states: scoredNodes(nodes).map((n) => [n.code, byNode.get(n.id) ?? null]),
    projects: sheet.projects.map((p) => [p.name, p.category, p.ratings]),
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/** 422 with the count while a scored node has no state in `layer`. */
const requireComplete = (input: SheetInput, layer: Layer) => {
  const set = new Map(input.items.map((i) => [i.nodeId, layer === 'self' ? i.selfState : i.evalState]));
  const n = scoredNodes(input.nodes).filter((n) => {
    const part = n.partKey;
    return part && set.get(n.id) == null;
  }).length;
  if (n > 0) throw new AppError('assessments.incomplete', 422, { count: n });
};

const roundOpen = (input: SheetInput) => {
  if (input.round.state !== 'open') throw new AppError('assessments.round_not_open', 409);
};

/**
 * A community's scoring sheet (seed 004 标准说明, R-AS-2…4): the community self-assesses item by item and
 * submits; the subdistrict returns it with comments or passes it to the assigned third-party evaluator, who
 * scores (with methods and field notes), rates the doorstep projects and signs — which locks the scores and
 * freezes the result with a signature over the states. Only in an open round.
 */
export const sheetWorkflow = defineWorkflow<SheetState, SheetRow, SheetAction, SheetInput>({
  name: 'assessments.sheet',
  states: SHEET_STATES,
  transitions: {
    submit: {
      from: ['self_assessment'],
      to: 'review',
      permission: 'assessments.self',
      guard: (_s, input) => {
        roundOpen(input);
        requireComplete(input, 'self');
      },
    },
    return: {
      from: ['review'],
      to: 'self_assessment',
      permission: 'assessments.review',
      guard: (_s, input) => {
        roundOpen(input);
        if (!input.comment) throw new AppError('assessments.comment_required', 422);
      },
    },
    approve: {
      from: ['review'],
      to: 'evaluation',
      permission: 'assessments.review',
      guard: (_s, input) => roundOpen(input),
    },
    sign: {
      from: ['evaluation'],
      to: 'signed',
      permission: 'assessments.evaluate',
      guard: (s, input) => {
        roundOpen(input);
        requireComplete(input, 'eval');
        const needsProjects = input.version.config.parts.some((p) => p.method === 'aspects');
        if (needsProjects && (s.projects.length === 0 || s.projects.some((p) => !p.ratings)))
          throw new AppError('assessments.projects_unrated', 422);
      },
    },
  },
  authorize: (actor, s, action) => {
    switch (action) {
      case 'submit':
        return sheetsPolicy.can(actor, 'self', s);
      case 'return':
      case 'approve':
        return sheetsPolicy.can(actor, 'review', s);
      case 'sign':
        return isAssignedEvaluator(actor, s);
    }
  },
  prepare: (s, action, input, ctx) => {
    const comment = input.comment ?? null;
    switch (action) {
      case 'return':
      case 'approve':
        return { patch: { reviewComment: comment }, event: { comment } };
      case 'sign': {
        const result = scoreSheet(input.version, input.nodes, s, input.items, 'eval');
        const signature = signatureOf(input.version, input.nodes, s, input.items);
        return {
          patch: {
            signedAt: ctx.clock.now(),
            signedBy: ctx.actor?.userId ?? null,
            signedByName: ctx.actor?.displayName ?? null,
            signature,
            total: result.total,
            result,
          },
          event: { comment },
          data: { total: result.total, grade: result.grade.key, qualified: result.qualified, signature },
        };
      }
      default:
        return { event: { comment } };
    }
  },
  adapter: {
    ...stateTableColumns(asSheets),
    writeEvent: stateEventWriter(asSheetEvents, 'sheetId'),
    audit: stateTransitionAudit('assessments.sheet', 'as_sheet'),
  },
  errors: {
    invalidTransition: (s) => new AppError('assessments.invalid_action', 409, { state: s.state }),
    forbidden: (s, ctx, action) =>
      action === 'sign' && ctx.actor && sheetsPolicy.can(ctx.actor, 'evaluate', s)
        ? new AppError('assessments.not_assigned', 403)
        : new AppError('common.forbidden', 403),
  },
});
