import { MAX_PHOTO_BYTES, readPhoto } from '../../platform/uploads';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionBody,
  publicReportBody,
  publicWorkOrderSchema,
  ratingBody,
  trackBody,
  workOrderDetailSchema,
  workOrderListQuery,
  workOrderSchema,
} from '../../../shared/contracts/workOrders';
import { writeAudit } from '../../platform/audit';
import { routeKit } from '../../platform/routeKit';
import { type AppDeps, actorCtxOf, ctxOf } from '../../platform/context';
import { access } from '../../platform/access';
import { AppError } from '../../platform/errors';
import {
  callerOf,
  fingerprintOf,
  idempotencyKeyOf,
  idempotent,
  sendStored,
} from '../../platform/idempotency';
import { myRequests } from './workOrders.mine.repository';
import { defineModule } from '../../platform/module';
import { workOrdersEvidence } from './workOrders.evidence.repository';
import { workOrdersPolicy } from './workOrders.policy';
import { createLocalStorage } from '../../platform/storage';
import { registerReportRoutes } from './workOrders.reports.routes';
import { runSlaSweep } from './workOrders.sla';
import { woAttachments, woCategories } from './workOrders.table';
import { workOrderWorkflow } from './workOrders.workflow';
import {
  attachmentForStaff,
  publicPhotoIds,
  act,
  applyAction,
  findByNumberAndPhoneLast4,
  findByNumberForRequester,
  getOrder,
  intake,
  listOrders,
  publicView,
} from './workOrders.usecases';
import {
  categoryCreateBody,
  categorySchema,
  categoryUpdateBody,
  intakeBody,
} from '../../../shared/contracts/workOrders';
import { createCategory, listAllCategories, updateCategory } from './workOrders.categories';
import * as workOrdersTables from './workOrders.table';
import * as workOrdersRollupsTables from './workOrders.rollups.table';
import { workOrdersAccess } from '../../../shared/permissions/work-orders';
import { WORK_ORDERS_ERRORS } from '../../../shared/i18n/errors.work-orders';
import { WORK_ORDERS_AUDIT } from '../../../shared/i18n/audit.work-orders';
import { workOrderFigures } from './workOrders.figures';

export { MAX_PHOTO_BYTES };
const JSON_TYPE = 'application/json; charset=utf-8';
/** A work-order detail as its route's response schema sends it (the text an idempotent retry gets back). */
const renderDetail = serializerCompiler({
  schema: workOrderDetailSchema,
  method: 'POST',
  url: '/api/work-orders',
} as never) as (data: unknown) => string;

const PHOTO_ERRORS = {
  required: 'work_orders.photo_required',
  tooLarge: 'work_orders.photo_too_large',
  notImage: 'work_orders.photo_not_image',
};

async function storePhoto(deps: AppDeps, req: FastifyRequest, userId: string | null) {
  const photo = await readPhoto(req, PHOTO_ERRORS);
  const id = deps.ids();
  await createLocalStorage(deps.config.dataDir).put(id, photo.data);
  const ctx = ctxOf(deps, req);
  await deps.db.transaction(async (tx) => {
    await tx.insert(woAttachments).values({
      id,
      mime: photo.mime,
      size: photo.data.length,
      fileName: photo.name.slice(0, 200),
      createdBy: userId,
      createdAt: deps.clock.now(),
    });
    await writeAudit(tx, ctx, {
      action: 'work_orders.attach',
      entityType: 'attachment',
      entityId: id,
      after: { mime: photo.mime, size: photo.data.length },
    });
  });
  return { id, url: `/api/work-orders/attachments/${id}` };
}

export const workOrdersModule = defineModule({
  name: 'work-orders',
  mine: { requests: myRequests },
  evidence: workOrdersEvidence,
  audit: WORK_ORDERS_AUDIT,
  tables: { ...workOrdersTables, ...workOrdersRollupsTables },
  scopedTables: {
    scoped: [
      workOrdersTables.workOrders,
      workOrdersRollupsTables.woRollups,
      workOrdersRollupsTables.woRollupsMonthly,
    ],
  },
  access: workOrdersAccess,
  errors: WORK_ORDERS_ERRORS,
  // Escalation, overdue marking and reminders (R-WO-3) are the workflow's deadlines, fired by the
  // platform's one sweep job (platform.workflow-sweep).
  workflows: [workOrderWorkflow],
  reportFigures: workOrderFigures,
  routes(base: FastifyInstance, deps) {
    const { app, tags, route, page } = routeKit(base, deps, 'work-orders');
    const sendAttachment = async (reply: FastifyReply, a: { id: string; mime: string }) => {
      const data = await createLocalStorage(deps.config.dataDir).get(a.id);
      if (!data) throw new AppError('common.not_found', 404);
      return reply
        .header('content-type', a.mime)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(data);
    };
    const idParams = z.object({ id: z.string() });
    /** The requester's order: by the last four digits of their phone, their tracking token, or their login. */
    const requesterOrder = (
      req: FastifyRequest,
      number: string,
      proof: { token?: string | undefined; phoneLast4?: string | undefined },
    ) =>
      proof.phoneLast4
        ? findByNumberAndPhoneLast4(ctxOf(deps, req), number, proof.phoneLast4)
        : findByNumberForRequester(deps.db, number, proof.token, req.actor?.userId);
    registerReportRoutes(base, deps);

    const categories = async () =>
      deps.db
        .select()
        .from(woCategories)
        .where(eq(woCategories.active, true))
        .orderBy(asc(woCategories.sort));
    app.get(
      '/api/work-orders/categories',
      { config: { access: access.public }, schema: { tags, response: { 200: z.array(categorySchema) } } },
      categories,
    );
    app.get(
      '/api/public/work-orders/categories',
      { config: { access: access.public }, schema: { tags, response: { 200: z.array(categorySchema) } } },
      categories,
    );

    app.get(
      '/api/work-orders/categories/all',
      {
        config: { access: access.permission('work_orders.categories') },
        schema: { tags, response: { 200: z.array(categorySchema) } },
      },
      (req) => listAllCategories(actorCtxOf(deps, req)),
    );
    app.post(
      '/api/work-orders/categories',
      {
        config: { access: access.permission('work_orders.categories') },
        schema: { tags, body: categoryCreateBody, response: { 201: categorySchema } },
      },
      async (req, reply) => reply.status(201).send(await createCategory(actorCtxOf(deps, req), req.body)),
    );
    app.patch(
      '/api/work-orders/categories/:code',
      {
        config: { access: access.permission('work_orders.categories') },
        schema: {
          tags,
          params: z.object({ code: z.string().max(40) }),
          body: categoryUpdateBody,
          response: { 200: categorySchema },
        },
      },
      (req) => updateCategory(actorCtxOf(deps, req), req.params.code, req.body),
    );
    page(
      '/api/work-orders',
      access.permission('work_orders.read'),
      workOrderListQuery,
      workOrderSchema,
      listOrders,
    );
    route(
      'GET',
      '/api/work-orders/:id',
      access.permission('work_orders.read'),
      { response: workOrderDetailSchema },
      (ctx, id) => getOrder(ctx, id),
    );
    app.post(
      '/api/work-orders',
      {
        config: { access: access.anyOf('work_orders.report', 'work_orders.intake') },
        schema: { tags, body: intakeBody, response: { 201: workOrderDetailSchema } },
      },
      async (req, reply) => {
        const ctx = actorCtxOf(deps, req);
        // A retry with the same Idempotency-Key gets the first answer and files nothing twice.
        const res = await idempotent(
          deps,
          {
            scope: `POST /api/work-orders|${callerOf(req)}`,
            key: idempotencyKeyOf(req),
            fingerprint: fingerprintOf(req.body),
          },
          async (db) => {
            const created = await intake({ ...ctx, db }, req.body, {
              channel: req.body.channel ?? 'hotline',
              detail: true,
            });
            return {
              status: 201,
              contentType: JSON_TYPE,
              body: renderDetail(await getOrder({ ...ctx, db }, created.order.id, created)),
            };
          },
        );
        return sendStored(reply, res);
      },
    );
    app.post(
      '/api/work-orders/:id/actions',
      {
        config: { access: access.permission('work_orders.read') },
        schema: { tags, params: idParams, body: actionBody, response: { 200: workOrderDetailSchema } },
      },
      async (req) => {
        const ctx = actorCtxOf(deps, req);
        await act(ctx, req.params.id, req.body);
        return getOrder(ctx, req.params.id);
      },
    );
    app.post(
      '/api/work-orders/attachments',
      { config: { access: access.permission('work_orders.read') }, schema: { tags } },
      async (req, reply) => {
        const ctx = actorCtxOf(deps, req);
        workOrdersPolicy.require(ctx.actor, 'read');
        return reply.status(201).send(await storePhoto(deps, req, ctx.actor.userId));
      },
    );
    app.get(
      '/api/work-orders/attachments/:id',
      { config: { access: access.permission('work_orders.read') }, schema: { tags, params: idParams } },
      async (req, reply) => {
        const ctx = actorCtxOf(deps, req);
        workOrdersPolicy.require(ctx.actor, 'read');
        return sendAttachment(reply, await attachmentForStaff(ctx, req.params.id));
      },
    );
    app.post(
      '/api/work-orders/sla/sweep',
      { config: { access: access.permission('work_orders.supervise') }, schema: { tags } },
      async (req) => {
        const ctx = actorCtxOf(deps, req);
        workOrdersPolicy.require(ctx.actor, 'supervise');
        return runSlaSweep(ctx);
      },
    );

    // ---- residents on their phones (anonymous with a phone number, or logged in as a resident)
    app.post(
      '/api/public/attachments',
      { config: { access: access.public }, schema: { tags } },
      async (req, reply) => reply.status(201).send(await storePhoto(deps, req, req.actor?.userId ?? null)),
    );
    app.post(
      '/api/public/work-orders',
      {
        config: { access: access.public },
        schema: {
          tags,
          body: publicReportBody,
          response: { 201: z.object({ number: z.string(), token: z.string(), status: z.string() }) },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(deps, req);
        // A phone that lost the answer retries with the same Idempotency-Key: same tracking number, one order.
        const res = await idempotent(
          deps,
          {
            scope: `POST /api/public/work-orders|${callerOf(req)}`,
            key: idempotencyKeyOf(req),
            fingerprint: fingerprintOf(req.body),
          },
          async (db) => {
            const { order, token } = await intake(
              { ...ctx, db },
              { ...req.body, channel: 'online' },
              {
                channel: 'online',
                public: true,
                anonymous: !req.actor,
                requesterUserId: req.actor?.userId ?? null,
              },
            );
            const body = JSON.stringify({ number: order.number, token, status: order.status });
            return { status: 201, contentType: JSON_TYPE, body };
          },
        );
        return sendStored(reply, res);
      },
    );
    // Residents track by order number + the last four digits of their phone (no link needed).
    app.post(
      '/api/public/work-orders/track',
      {
        config: { access: access.public },
        schema: { tags, body: trackBody, response: { 200: publicWorkOrderSchema } },
      },
      async (req) => publicView(deps.db, await requesterOrder(req, req.body.number, req.body)),
    );
    app.get(
      '/api/public/work-orders/:number',
      {
        config: { access: access.public },
        schema: {
          tags,
          params: z.object({ number: z.string().max(40) }),
          querystring: z.object({ token: z.string().max(100).optional() }),
          response: { 200: publicWorkOrderSchema },
        },
      },
      async (req) =>
        publicView(
          deps.db,
          await findByNumberForRequester(deps.db, req.params.number, req.query.token, req.actor?.userId),
        ),
    );
    app.get(
      '/api/public/work-orders/:number/attachments/:id',
      {
        config: { access: access.public },
        schema: {
          tags,
          params: z.object({ number: z.string().max(40), id: z.string().max(40) }),
          querystring: z.object({
            token: z.string().max(100).optional(),
            phoneLast4: z.string().max(4).optional(),
          }),
        },
      },
      async (req, reply) => {
        const order = await requesterOrder(req, req.params.number, req.query);
        if (!(await publicPhotoIds(deps.db, order.id)).has(req.params.id))
          throw new AppError('common.not_found', 404);
        const [a] = await deps.db.select().from(woAttachments).where(eq(woAttachments.id, req.params.id));
        if (!a) throw new AppError('common.not_found', 404);
        return sendAttachment(reply, a);
      },
    );
    app.post(
      '/api/public/work-orders/:number/rating',
      {
        config: { access: access.public },
        schema: {
          tags,
          params: z.object({ number: z.string().max(40) }),
          body: ratingBody,
          response: { 200: publicWorkOrderSchema },
        },
      },
      async (req) => {
        const order = await requesterOrder(req, req.params.number, req.body);
        // The requester's "unresolved and dissatisfied" counts as the unit's fault: a redo (R-LAW-WO-5).
        await applyAction(
          ctxOf(deps, req),
          order,
          {
            action: 'follow_up',
            resolved: req.body.resolved,
            satisfaction: req.body.satisfaction,
            unitFault: req.body.satisfaction === 'dissatisfied' && !req.body.resolved,
            note: req.body.comment,
          },
          { source: 'requester' },
        );
        return publicView(deps.db, await requesterOrder(req, req.params.number, req.body));
      },
    );
  },
});
