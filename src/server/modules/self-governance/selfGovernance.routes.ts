import type { FastifyInstance } from 'fastify';
import {
  bodyBody,
  bodyQuery,
  bodySchema,
  electionBody,
  electionQuery,
  electionSchema,
  fillBody,
  overviewQuery,
  overviewSchema,
  positionBody,
  positionSchema,
  reviewBody,
  reviewQuery,
  reviewSchema,
  vacancyQuery,
  vacancySchema,
  vacateBody,
} from '../../../shared/contracts/self-governance';
import { SELF_GOVERNANCE_AUDIT } from '../../../shared/i18n/audit.self-governance';
import { SELF_GOVERNANCE_ERRORS } from '../../../shared/i18n/errors.self-governance';
import { selfGovernanceAccess } from '../../../shared/permissions/self-governance';
import { access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import { defineModule } from '../../platform/module';
import { recordRoutes } from '../../platform/recordRoutes';
import * as tables from './selfGovernance.table';
import {
  createBody,
  createElection,
  createPosition,
  createReview,
  fillPosition,
  getBody,
  listBodies,
  listElections,
  listReviews,
  listVacancies,
  overview,
  vacatePosition,
} from './selfGovernance.usecases';

/** 基层自治组织 (issue 16 §3, seeds 002 and 004): bodies, positions, vacancies, elections, trainings, reviews. */
export const selfGovernanceModule = defineModule({
  name: 'self-governance',
  tables,
  scopedTables: {
    scoped: [tables.sgBodies, tables.sgPositions, tables.sgVacancies, tables.sgElections, tables.sgReviews],
  },
  access: selfGovernanceAccess,
  errors: SELF_GOVERNANCE_ERRORS,
  audit: SELF_GOVERNANCE_AUDIT,
  routes(base: FastifyInstance, deps) {
    const { app, tags, ctxOf, route, page, recordFields } = routeKit(base, deps, 'self-governance');
    const read = { access: access.permission('self_governance.read') };
    const manage = { access: access.permission('self_governance.manage') };
    const P = '/api/self-governance';
    const records = recordFields(read.access, manage.access);

    app.get(
      `${P}/overview`,
      { config: read, schema: { tags, querystring: overviewQuery, response: { 200: overviewSchema } } },
      (req) => overview(ctxOf(req), req.query),
    );
    recordRoutes(base, {
      path: `${P}/bodies`,
      ...records,
      schema: bodySchema,
      listQuery: bodyQuery,
      body: bodyBody,
      list: listBodies,
      create: createBody,
      detail: { schema: bodySchema, get: getBody },
    });
    route(
      'POST',
      `${P}/bodies/:id/positions`,
      manage.access,
      { body: positionBody, response: bodySchema, status: 201 },
      createPosition,
    );
    route(
      'POST',
      `${P}/positions/:id/vacate`,
      manage.access,
      { body: vacateBody, response: positionSchema },
      vacatePosition,
    );
    route(
      'POST',
      `${P}/positions/:id/fill`,
      manage.access,
      { body: fillBody, response: positionSchema },
      fillPosition,
    );
    page(`${P}/vacancies`, read.access, vacancyQuery, vacancySchema, listVacancies);
    recordRoutes(base, {
      path: `${P}/elections`,
      ...records,
      schema: electionSchema,
      listQuery: electionQuery,
      body: electionBody,
      list: listElections,
      create: createElection,
    });
    recordRoutes(base, {
      path: `${P}/reviews`,
      ...records,
      schema: reviewSchema,
      listQuery: reviewQuery,
      body: reviewBody,
      list: listReviews,
      create: createReview,
    });
  },
});
