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
import { sendDownload } from './projects.http';

/** Final evaluation, next year's quota, force-majeure exemptions and the year summary (R-PJ-4); registered by projects.routes.ts. */
export function evaluationRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const read = { access: access.permission('projects.read') };
  const manage = { access: access.permission('projects.manage') };

  app.get(
    '/api/projects/calls/:id/evaluation',
    { config: read, schema: { tags, params: idParams, response: { 200: callEvaluationSchema } } },
    (req) => getCallEvaluation(actorCtxOf(deps, req), req.params.id),
  );
  app.put(
    '/api/projects/calls/:id/evaluation/rules',
    {
      config: manage,
      schema: { tags, params: idParams, body: evaluationRulesBody, response: { 200: callEvaluationSchema } },
    },
    (req) => updateEvaluationRules(actorCtxOf(deps, req), req.params.id, req.body),
  );
  app.put(
    '/api/projects/calls/:id/evaluation/quotas',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        body: subdistrictQuotasBody,
        response: { 200: callEvaluationSchema },
      },
    },
    (req) => setSubdistrictQuotas(actorCtxOf(deps, req), req.params.id, req.body),
  );
  /** This call's results per subdistrict and the next-year quota they propose. */
  app.get(
    '/api/projects/calls/:id/evaluation/outlook',
    { config: manage, schema: { tags, params: idParams, response: { 200: quotaProposalSchema } } },
    (req) => resultsOutlook(actorCtxOf(deps, req), req.params.id),
  );
  /** The proposal from the bureau's latest earlier call with published results. */
  app.get(
    '/api/projects/calls/:id/evaluation/proposal',
    { config: manage, schema: { tags, params: idParams, response: { 200: quotaProposalSchema } } },
    (req) => quotaProposal(actorCtxOf(deps, req), req.params.id),
  );
  /** The proposal from a named earlier call. */
  app.get(
    '/api/projects/calls/:id/evaluation/proposal/:fromId',
    {
      config: manage,
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

  app.get(
    '/api/projects/applications/:id/evaluation',
    { config: read, schema: { tags, params: idParams, response: { 200: projectEvaluationSchema } } },
    (req) => getProjectEvaluation(actorCtxOf(deps, req), req.params.id),
  );
  app.post(
    '/api/projects/applications/:id/evaluation',
    {
      config: read,
      schema: { tags, params: idParams, body: evaluationBody, response: { 200: projectEvaluationSchema } },
    },
    (req) => recordEvaluation(actorCtxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/projects/applications/:id/exemptions',
    {
      config: manage,
      schema: { tags, params: idParams, body: exemptionBody, response: { 200: projectEvaluationSchema } },
    },
    (req) => grantExemption(actorCtxOf(deps, req), req.params.id, req.body),
  );
}
