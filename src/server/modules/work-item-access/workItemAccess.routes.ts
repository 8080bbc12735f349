import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  applicationQuery,
  applyBody,
  itemQuery,
  refusalBody,
  refusalQuery,
  refusalSchema,
  reviewItemBody,
  wiaActionBody,
  wiaApplicationSchema,
  wiaDetailSchema,
  wiaItemSchema,
} from '../../../shared/contracts/workItemAccess';
import { WORK_ITEM_ACCESS_AUDIT } from '../../../shared/i18n/audit.work-item-access';
import { WORK_ITEM_ACCESS_ERRORS } from '../../../shared/i18n/errors.work-item-access';
import { workItemAccessAccess } from '../../../shared/permissions/work-item-access';
import { access } from '../../platform/access';
import { actorCtxOf } from '../../platform/context';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { pageOf } from '../../platform/pagination';
import * as tables from './workItemAccess.table';
import {
  actOnApplication,
  apply,
  getApplication,
  listApplications,
  listItems,
  listRefusals,
  refuseRequest,
  reviewItem,
} from './workItemAccess.usecases';
import { applicationWorkflow } from './workItemAccess.workflow';

/** 社区工作事项准入 (R-AC-1, seed 001): applications, consultation, decision in 15 working days, published list. */
export const workItemAccessModule = defineModule({
  name: 'work-item-access',
  tables,
  access: workItemAccessAccess,
  errors: WORK_ITEM_ACCESS_ERRORS,
  audit: WORK_ITEM_ACCESS_AUDIT,
  workflows: [applicationWorkflow],
  routes(base: FastifyInstance, deps) {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['work-item-access'];
    const read = { access: access.permission('work_item_access.read') };
    const decide = { access: access.permission('work_item_access.decide') };

    app.get(
      '/api/work-item-access/items',
      { config: read, schema: { tags, querystring: itemQuery, response: { 200: pageOf(wiaItemSchema) } } },
      (req) => listItems(actorCtxOf(deps, req), req.query),
    );
    app.post(
      '/api/work-item-access/items/:id/review',
      {
        config: decide,
        schema: { tags, params: idParams, body: reviewItemBody, response: { 200: wiaItemSchema } },
      },
      (req) => reviewItem(actorCtxOf(deps, req), req.params.id, req.body),
    );
    app.get(
      '/api/work-item-access/refusals',
      { config: read, schema: { tags, querystring: refusalQuery, response: { 200: pageOf(refusalSchema) } } },
      (req) => listRefusals(actorCtxOf(deps, req), req.query),
    );
    app.post(
      '/api/work-item-access/refusals',
      {
        config: { access: access.permission('work_item_access.refuse') },
        schema: { tags, body: refusalBody, response: { 201: refusalSchema } },
      },
      async (req, reply) => reply.status(201).send(await refuseRequest(actorCtxOf(deps, req), req.body)),
    );
    app.get(
      '/api/work-item-access/applications',
      {
        config: read,
        schema: { tags, querystring: applicationQuery, response: { 200: pageOf(wiaApplicationSchema) } },
      },
      (req) => listApplications(actorCtxOf(deps, req), req.query),
    );
    app.post(
      '/api/work-item-access/applications',
      {
        config: { access: access.permission('work_item_access.apply') },
        schema: { tags, body: applyBody, response: { 201: wiaDetailSchema } },
      },
      async (req, reply) => reply.status(201).send(await apply(actorCtxOf(deps, req), req.body)),
    );
    app.get(
      '/api/work-item-access/applications/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: wiaDetailSchema } } },
      (req) => getApplication(actorCtxOf(deps, req), req.params.id),
    );
    app.post(
      '/api/work-item-access/applications/:id/actions',
      {
        config: decide,
        schema: { tags, params: idParams, body: wiaActionBody, response: { 200: wiaDetailSchema } },
      },
      (req) => actOnApplication(actorCtxOf(deps, req), req.params.id, req.body),
    );
  },
});
