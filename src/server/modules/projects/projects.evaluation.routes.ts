import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  callEvaluationSchema,
  evaluationBody,
  evaluationRulesBody,
  exemptionBody,
  projectEvaluationSchema,
  quotaProposalSchema,
  subdistrictQuotasBody,
} from '../../../shared/contracts/projects.evaluation';
import { access } from '../../platform/access';
import { type AppDeps, actorCtxOf } from '../../platform/context';
import { idParams, idParamsWith } from '../../platform/ids';
import {
  getCallEvaluation,
  getProjectEvaluation,
  grantExemption,
  quotaProposal,
  resultsOutlook,
  recordEvaluation,
  setSubdistrictQuotas,
  updateEvaluationRules,
  yearSummary,
} from './projects.evaluation';
import { PROJECT_TAGS, idRoutes, sendDownload } from './projects.http';

/** Final evaluation, next year's quota, force-majeure exemptions and the year summary (R-PJ-4); registered by projects.routes.ts. */
export function evaluationRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const route = idRoutes(base, deps);
  const tags = PROJECT_TAGS;
  const read = access.permission('projects.read');
  const manage = access.permission('projects.manage');
  const evaluation = '/api/projects/calls/:id/evaluation';
  const callResponse = { response: callEvaluationSchema };
  const proposal = { response: quotaProposalSchema };

  route('GET', evaluation, read, callResponse, getCallEvaluation);
  route(
    'PUT',
    `${evaluation}/rules`,
    manage,
    { ...callResponse, body: evaluationRulesBody },
    updateEvaluationRules,
  );
  route(
    'PUT',
    `${evaluation}/quotas`,
    manage,
    { ...callResponse, body: subdistrictQuotasBody },
    setSubdistrictQuotas,
  );
  /** This call's results per subdistrict and the next-year quota they propose. */
  route('GET', `${evaluation}/outlook`, manage, proposal, resultsOutlook);
  /** The proposal from the bureau's latest earlier call with published results. */
  route('GET', `${evaluation}/proposal`, manage, proposal, (ctx, id) => quotaProposal(ctx, id));
  /** The proposal from a named earlier call. */
  app.get(
    '/api/projects/calls/:id/evaluation/proposal/:fromId',
    {
      config: { access: manage },
      schema: { tags, params: idParamsWith('fromId'), response: { 200: quotaProposalSchema } },
    },
    (req) => quotaProposal(actorCtxOf(deps, req), req.params.id, req.params.fromId),
  );
  app.get(
    '/api/projects/calls/:id/summary.xlsx',
    { config: { access: access.permission('projects.export') }, schema: { tags, params: idParams } },
    async (req, reply) => {
      const en = req.locale === 'en';
      const { call, buf } = await yearSummary(actorCtxOf(deps, req), req.params.id, en);
      const name = en ? `summary-${call.year}.xlsx` : `${call.year}年共建项目年度汇总.xlsx`;
      return sendDownload(reply, 'xlsx', name, buf);
    },
  );

  const project = '/api/projects/applications/:id';
  const projectResponse = { response: projectEvaluationSchema };
  route('GET', `${project}/evaluation`, read, projectResponse, getProjectEvaluation);
  route(
    'POST',
    `${project}/evaluation`,
    read,
    { ...projectResponse, body: evaluationBody },
    recordEvaluation,
  );
  route('POST', `${project}/exemptions`, manage, { ...projectResponse, body: exemptionBody }, grantExemption);
}
