import {
  PROPOSAL_STATES,
  type ProposalAction,
  type ProposalActionBody,
  type ProposalState,
} from '../../../shared/contracts/socialOrgs';
import { AppError } from '../../platform/errors';
import { commentGuard, defineWorkflow } from '../../platform/workflow';
import { stateEventWriter } from '../../platform/workflowEvents';
import { proposalsPolicy, soPolicy } from './socialOrgs.policy';
import { type ProposalRow, roundForProposal, roundStats, scoresOf } from './socialOrgs.repository';
import { soProposalEvents, soProposals } from './socialOrgs.table';

/**
 * 公益创投 (seed 002 三(二)7, seed 003 三(二)2): a social organisation's proposal to a round is reviewed
 * (scores by the issuer's reviewers), then granted with an amount in fen (at most what was asked and
 * within the round's budget) or rejected; a granted project files its report, and the issuer closes it.
 */
export const proposalWorkflow = defineWorkflow<
  ProposalState,
  ProposalRow,
  ProposalAction,
  ProposalActionBody
>({
  name: 'social_orgs.proposal',
  states: PROPOSAL_STATES,
  transitions: {
    approve: {
      from: ['submitted'],
      to: 'granted',
      permission: 'social_orgs.review',
      guard: async (p, input, ctx) => {
        if ((await scoresOf(ctx.db, [p.id])).length === 0) throw new AppError('social_orgs.score_first', 422);
        const grant = input.grantFen ?? p.requestedFen;
        if (grant > p.requestedFen) throw new AppError('social_orgs.grant_over_request', 422);
        const round = await roundForProposal(ctx.db, p.roundId);
        const granted = (await roundStats(ctx.db, [p.roundId])).get(p.roundId)?.grantedFen ?? 0;
        if (round && granted + grant > round.budgetFen) throw new AppError('social_orgs.over_budget', 422);
        if (round && round.state === 'closed') throw new AppError('social_orgs.round_closed', 409);
      },
    },
    reject: {
      from: ['submitted'],
      to: 'rejected',
      permission: 'social_orgs.review',
      guard: commentGuard('social_orgs.comment_required'),
    },
    report: {
      from: ['granted'],
      to: 'reported',
      permission: 'social_orgs.manage',
      guard: (_p, input) => {
        if (!input.reportText) throw new AppError('social_orgs.report_required', 422);
      },
    },
    close: { from: ['reported'], to: 'closed', permission: 'social_orgs.review' },
  },
  authorize: (actor, p, action) =>
    action === 'report'
      ? soPolicy.can(actor, 'manage', { orgPath: p.orgPath })
      : proposalsPolicy.can(actor, 'review', { orgPath: p.roundPath, roundPath: p.roundPath }),
  prepare: (p, action, input) => {
    switch (action) {
      case 'approve':
        return {
          patch: { grantFen: input.grantFen ?? p.requestedFen },
          event: { comment: input.comment ?? null },
          data: { grantFen: input.grantFen ?? p.requestedFen },
        };
      case 'report':
        return { patch: { reportText: input.reportText ?? null }, event: { comment: null } };
      default:
        return { event: { comment: input.comment ?? null } };
    }
  },
  adapter: {
    table: soProposals,
    id: soProposals.id,
    state: soProposals.state,
    version: soProposals.version,
    updatedAt: soProposals.updatedAt,
    writeEvent: stateEventWriter(soProposalEvents, 'proposalId', (e) => ({ orgPath: e.record.orgPath })),
    audit: (e) => ({
      action: `social_orgs.proposal_${e.action}`,
      entityType: 'so_proposal',
      entityId: e.record.id,
      orgPath: e.record.orgPath,
      before: { state: e.from },
      after: { state: e.to, ...e.data },
    }),
  },
  errors: { invalidTransition: () => new AppError('social_orgs.invalid_action', 409) },
});
