import type { FastifyInstance } from 'fastify';
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
import { routeKit } from '../../platform/routeKit';
import { defineModule } from '../../platform/module';
import { recordRoutes } from '../../platform/recordRoutes';
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
  scopedTables: { scoped: [tables.wiaApplications, tables.wiaItems, tables.wiaRefusals] },
  access: workItemAccessAccess,
  errors: WORK_ITEM_ACCESS_ERRORS,
  audit: WORK_ITEM_ACCESS_AUDIT,
  workflows: [applicationWorkflow],
  routes(base: FastifyInstance, deps) {
    const { tags, ctxOf, route, page } = routeKit(base, deps, 'work-item-access');
    const read = { access: access.permission('work_item_access.read') };
    const decide = { access: access.permission('work_item_access.decide') };

    page('/api/work-item-access/items', read.access, itemQuery, wiaItemSchema, listItems);
    route(
      'POST',
      '/api/work-item-access/items/:id/review',
      decide.access,
      { body: reviewItemBody, response: wiaItemSchema },
      reviewItem,
    );
    const records = { tags, read: read.access, ctx: ctxOf };
    recordRoutes(base, {
      path: '/api/work-item-access/refusals',
      ...records,
      write: access.permission('work_item_access.refuse'),
      schema: refusalSchema,
      listQuery: refusalQuery,
      body: refusalBody,
      list: listRefusals,
      create: refuseRequest,
    });
    recordRoutes(base, {
      path: '/api/work-item-access/applications',
      ...records,
      write: access.permission('work_item_access.apply'),
      schema: wiaApplicationSchema,
      listQuery: applicationQuery,
      body: applyBody,
      list: listApplications,
      create: apply,
      created: wiaDetailSchema,
      detail: { schema: wiaDetailSchema, get: getApplication },
    });
    route(
      'POST',
      '/api/work-item-access/applications/:id/actions',
      decide.access,
      { body: wiaActionBody, response: wiaDetailSchema },
      actOnApplication,
    );
  },
});
