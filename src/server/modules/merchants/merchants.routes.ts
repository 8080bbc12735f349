import { chinaMinute } from '../../../shared/chinaTime';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  codeLookupSchema,
  codeSchema,
  counterPointSchema,
  createItemBody,
  createPointBody,
  issueCodeBody,
  itemSchema,
  linkOperatorBody,
  lookupCodeBody,
  myRedeemSchema,
  pointDetailSchema,
  pointListQuery,
  pointSchema,
  redeemBody,
  redeemResultSchema,
  redemptionListQuery,
  redemptionSchema,
  reportQuery,
  reverseRedemptionBody,
  reportSchema,
  settleBody,
  settlementListQuery,
  settlementSchema,
  settleResultSchema,
  updateItemBody,
  updatePointBody,
} from '../../../shared/contracts/merchants';
import type { AppDeps } from '../../platform/context';
import { routeKit } from '../../platform/routeKit';
import { access } from '../../platform/access';
import { sendXlsx } from '../../platform/excel';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { recordRoutes } from '../../platform/recordRoutes';
import {
  counterPoints,
  issueCode,
  listRedemptions,
  lookupCode,
  myRedeem,
  redeem,
  reverseRedemption,
} from './merchants.redemptions';
import { report } from './merchants.reports';
import { listSettlements, settle } from './merchants.settlements';
import {
  createItem,
  createPoint,
  getPoint,
  linkOperator,
  listPoints,
  unlinkOperator,
  updateItem,
  updatePoint,
} from './merchants.usecases';
import * as merchantsTables from './merchants.table';
import { merchantsAccess } from '../../../shared/permissions/merchants';
import { MERCHANTS_ERRORS } from '../../../shared/i18n/errors.merchants';
import { MERCHANTS_AUDIT } from '../../../shared/i18n/audit.merchants';

const idempotencyHeader = (req: FastifyRequest) => {
  const h = req.headers['idempotency-key'];
  return typeof h === 'string' ? h : undefined;
};

/** China local time, e.g. 2026-11-23 09:00. */
const local = (d: Date | null) => chinaMinute(d);

export const merchantsModule = defineModule({
  name: 'merchants',
  audit: MERCHANTS_AUDIT,
  tables: merchantsTables,
  scopedTables: {
    scoped: [
      merchantsTables.redemptionPoints,
      merchantsTables.redemptions,
      merchantsTables.merchantSettlements,
    ],
  },
  access: merchantsAccess,
  errors: MERCHANTS_ERRORS,
  routes(base: FastifyInstance, deps: AppDeps) {
    const { app, tags, ctxOf, route, page, recordFields } = routeKit(base, deps, 'merchants');

    // ---- redemption points and catalogues (staff: merchants.manage; merchants see their own point)
    recordRoutes(base, {
      path: '/api/merchants/points',
      ...recordFields(
        access.anyOf('merchants.manage', 'redemptions.counter'),
        access.permission('merchants.manage'),
      ),
      schema: pointSchema,
      listQuery: pointListQuery,
      body: createPointBody,
      list: listPoints,
      create: createPoint,
      created: pointDetailSchema,
      detail: { schema: pointDetailSchema, get: getPoint },
    });
    route(
      'PATCH',
      '/api/merchants/points/:id',
      access.permission('merchants.manage'),
      { body: updatePointBody, response: pointDetailSchema },
      updatePoint,
    );
    route(
      'POST',
      '/api/merchants/points/:id/items',
      access.permission('merchants.manage'),
      { body: createItemBody, response: itemSchema, status: 201 },
      createItem,
    );
    route(
      'PATCH',
      '/api/merchants/items/:id',
      access.permission('merchants.manage'),
      { body: updateItemBody, response: itemSchema },
      updateItem,
    );
    route(
      'POST',
      '/api/merchants/points/:id/operators',
      access.permission('merchants.manage'),
      { body: linkOperatorBody, response: pointDetailSchema },
      (ctx, id, body) => linkOperator(ctx, id, body.username),
    );
    app.delete(
      '/api/merchants/points/:id/operators/:userId',
      {
        config: { access: access.permission('merchants.manage') },
        schema: {
          tags,
          params: idParams.extend({ userId: z.string().max(64) }),
          response: { 200: pointDetailSchema },
        },
      },
      (req) => unlinkOperator(ctxOf(req), req.params.id, req.params.userId),
    );

    // ---- the counter (redemptions.counter: community staff for their points, a merchant for its own)
    app.get(
      '/api/merchants/counter/points',
      {
        config: { access: access.permission('redemptions.counter') },
        schema: { tags, response: { 200: z.array(counterPointSchema) } },
      },
      (req) => counterPoints(ctxOf(req)),
    );
    app.post(
      '/api/merchants/counter/lookup',
      {
        config: { access: access.permission('redemptions.counter') },
        schema: { tags, body: lookupCodeBody, response: { 200: codeLookupSchema } },
      },
      (req) => lookupCode(ctxOf(req), req.body.pointId, req.body.code),
    );
    app.post(
      '/api/merchants/redemptions',
      {
        config: { access: access.permission('redemptions.counter') },
        schema: { tags, body: redeemBody, response: { 200: redeemResultSchema, 201: redeemResultSchema } },
      },
      async (req, reply) => {
        const result = await redeem(ctxOf(req), req.body, idempotencyHeader(req));
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );
    page(
      '/api/merchants/redemptions',
      access.anyOf('merchants.manage', 'redemptions.counter'),
      redemptionListQuery,
      redemptionSchema,
      listRedemptions,
    );

    // ---- settlements
    app.post(
      '/api/merchants/points/:id/settlements',
      {
        config: { access: access.permission('merchants.manage') },
        schema: {
          tags,
          params: idParams,
          body: settleBody,
          response: { 200: settleResultSchema, 201: settleResultSchema },
        },
      },
      async (req, reply) => {
        const result = await settle(ctxOf(req), req.params.id, req.body, idempotencyHeader(req));
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );
    page(
      '/api/merchants/settlements',
      access.permission('merchants.manage'),
      settlementListQuery,
      settlementSchema,
      (ctx, q) => listSettlements(ctx, q),
    );
    app.get(
      '/api/merchants/settlements/export.xlsx',
      {
        config: { access: access.permission('merchants.manage') },
        schema: { tags, querystring: settlementListQuery },
      },
      async (req, reply) => {
        const en = req.locale === 'en';
        const { items } = await listSettlements(ctxOf(req), req.query, { all: true });
        return sendXlsx(
          reply,
          en ? 'settlements.xlsx' : '兑换结算.xlsx',
          en ? 'Settlements' : '兑换结算',
          [
            { header: en ? 'Number' : '结算单号', width: 22, value: (r) => r.number },
            { header: en ? 'Redemption point' : '兑换点', width: 26, value: (r) => r.pointName },
            { header: en ? 'Community' : '社区', width: 14, value: (r) => r.orgUnitName },
            { header: en ? 'Up to' : '截止日期', width: 12, value: (r) => r.upTo },
            { header: en ? 'Redemptions' : '兑换笔数', width: 10, value: (r) => r.redemptionCount },
            { header: en ? 'Points' : '积分合计', width: 10, value: (r) => r.pointsTotal },
            {
              header: en ? 'Cash (yuan)' : '结算金额(元)',
              width: 12,
              value: (r) => (r.cashFen ? (r.cashFen / 100).toFixed(2) : ''),
            },
            { header: en ? 'Settled by' : '经办人', width: 12, value: (r) => r.createdByName },
            { header: en ? 'Settled at' : '结算时间', width: 18, value: (r) => local(r.createdAt) },
            { header: en ? 'Note' : '备注', width: 24, value: (r) => r.note },
          ],
          items,
        );
      },
    );

    // ---- reversal (冲正) of a redemption (R-VP-1)
    route(
      'POST',
      '/api/merchants/redemptions/:id/reverse',
      access.permission('merchants.manage'),
      { body: reverseRedemptionBody, response: redemptionSchema },
      reverseRedemption,
    );

    // ---- report (R-VP-1)
    app.get(
      '/api/merchants/report',
      {
        config: { access: access.permission('merchants.manage') },
        schema: { tags, querystring: reportQuery, response: { 200: reportSchema } },
      },
      (req) => report(ctxOf(req), req.query),
    );

    // ---- the holder's phone (/m/redeem)
    app.get(
      '/api/merchants/me',
      { config: { access: access.session }, schema: { tags, response: { 200: myRedeemSchema } } },
      (req) => myRedeem(ctxOf(req)),
    );
    app.post(
      '/api/merchants/me/codes',
      {
        config: { access: access.permission('ledger.own') },
        schema: { tags, body: issueCodeBody, response: { 201: codeSchema } },
      },
      async (req, reply) => reply.status(201).send(await issueCode(ctxOf(req), req.body)),
    );
  },
});
