import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  planBody,
  planDetailSchema,
  planListQuery,
  planPatch,
  planSchema,
  reliefActionBody,
  reliefBody,
  reliefListQuery,
  reliefSchema,
  revealSchema,
  visitBody,
} from '../../../shared/contracts/care';
import { CARE_AUDIT } from '../../../shared/i18n/audit.care';
import { CARE_ERRORS } from '../../../shared/i18n/errors.care';
import { careAccess } from '../../../shared/permissions/care';
import { access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import { idParams } from '../../platform/ids';
import type { AppDeps } from '../../platform/context';
import { defineModule } from '../../platform/module';
import * as tables from './care.table';
import {
  actOnRelief,
  applyRelief,
  createPlan,
  flagMissedVisits,
  getPlan,
  getRelief,
  listPlans,
  listRelief,
  logVisit,
  revealPlan,
  revealRelief,
  updatePlan,
} from './care.usecases';

/**
 * Special-group care (issue 16 §4, R-SV-3): visit plans, visits logged on the phone, missed visits flagged
 * by a job every ten minutes, temporary relief at the place of emergency.
 */
export const careModule = defineModule({
  name: 'care',
  tables,
  scopedTables: {
    scoped: [tables.carePlans, tables.careRelief],
    pathOnly: [tables.careVisits, tables.careMisses],
  },
  access: careAccess,
  errors: CARE_ERRORS,
  audit: CARE_AUDIT,
  jobs: [
    {
      name: 'care.missed-visits',
      cron: '*/10 * * * *',
      run: (deps) => flagMissedVisits(deps),
    },
  ],
  routes(base: FastifyInstance, deps: AppDeps) {
    const { app, tags, ctxOf: ctx, route, page } = routeKit(base, deps, 'care');
    const readers = access.anyOf('care.read', 'care.visit_own');

    page('/api/care/plans', readers, planListQuery, planSchema, listPlans);
    app.post(
      '/api/care/plans',
      {
        config: { access: access.permission('care.plan') },
        schema: { tags, body: planBody, response: { 200: planSchema } },
      },
      (req) => createPlan(ctx(req), req.body),
    );
    route('GET', '/api/care/plans/:id', readers, { response: planDetailSchema }, getPlan);
    route(
      'PATCH',
      '/api/care/plans/:id',
      access.permission('care.plan'),
      { body: planPatch, response: planSchema },
      updatePlan,
    );
    route(
      'POST',
      '/api/care/plans/:id/visits',
      access.anyOf('care.visit', 'care.visit_own'),
      { body: visitBody, response: planDetailSchema },
      logVisit,
    );
    route('POST', '/api/care/plans/:id/reveal', readers, { response: revealSchema }, revealPlan);
    /** Flags missed visits now (the job does it every ten minutes); platform admins only. */
    app.post(
      '/api/care/sweep',
      {
        config: { access: access.platform('care.plan') },
        schema: { tags, response: { 200: z.object({ flagged: z.number() }) } },
      },
      async (req) => ({ flagged: await flagMissedVisits(ctx(req)) }),
    );

    page('/api/care/relief', access.permission('care.read'), reliefListQuery, reliefSchema, listRelief);
    app.post(
      '/api/care/relief',
      {
        config: { access: access.permission('care.relief') },
        schema: { tags, body: reliefBody, response: { 200: reliefSchema } },
      },
      (req) => applyRelief(ctx(req), req.body),
    );
    route(
      'GET',
      '/api/care/relief/:id',
      access.permission('care.read'),
      { response: reliefSchema },
      getRelief,
    );
    route(
      'POST',
      '/api/care/relief/:id/actions',
      access.anyOf('care.approve', 'care.relief'),
      { body: reliefActionBody, response: reliefSchema },
      actOnRelief,
    );
    app.post(
      '/api/care/relief/:id/reveal',
      {
        config: { access: access.permission('care.reveal') },
        schema: {
          tags,
          params: idParams,
          response: {
            200: z.object({
              name: z.string(),
              phone: z.string().nullable(),
              idNumber: z.string().nullable(),
            }),
          },
        },
      },
      (req) => revealRelief(ctx(req), req.params.id),
    );
  },
});
