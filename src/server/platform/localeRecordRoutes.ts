import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ActorCtx } from './context';
import { type RecordRoutes, recordRoutes } from './recordRoutes';

type Locale = FastifyRequest['locale'];
/** A use case of RecordRoutes that also takes the request's locale as its last argument. */
type WithLocale<F> = F extends (...args: infer A) => infer R ? (...args: [...A, Locale]) => R : never;

/**
 * `recordRoutes` for use cases that answer in the request's language: each is called as there, with
 * `req.locale` added as the last argument (e.g. `list(ctx, query, locale)`).
 */
export function localeRecordRoutes<
  S extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  P extends z.ZodType = z.ZodNever,
  D extends z.ZodType = S,
  C extends z.ZodType = S,
>(
  app: FastifyInstance,
  r: Omit<RecordRoutes<S, Q, B, P, D, C>, 'list' | 'create' | 'detail' | 'update'> & {
    list: WithLocale<RecordRoutes<S, Q, B, P, D, C>['list']>;
    create: WithLocale<RecordRoutes<S, Q, B, P, D, C>['create']>;
    detail?: { schema: D; get: WithLocale<NonNullable<RecordRoutes<S, Q, B, P, D, C>['detail']>['get']> };
    update?: { body: P; run: WithLocale<NonNullable<RecordRoutes<S, Q, B, P, D, C>['update']>['run']> };
  },
) {
  // The locale of each request's context, for the use cases recordRoutes calls with that context.
  const locales = new WeakMap<ActorCtx, Locale>();
  const localeOf = (ctx: ActorCtx) => locales.get(ctx) ?? 'zh-CN';
  const { detail, update } = r;
  recordRoutes<S, Q, B, P, D, C>(app, {
    ...r,
    ctx: (req) => {
      const ctx = r.ctx(req);
      locales.set(ctx, req.locale);
      return ctx;
    },
    list: (ctx, query) => r.list(ctx, query, localeOf(ctx)),
    create: (ctx, body) => r.create(ctx, body, localeOf(ctx)),
    detail: detail && { schema: detail.schema, get: (ctx, id) => detail.get(ctx, id, localeOf(ctx)) },
    update: update && { body: update.body, run: (ctx, id, body) => update.run(ctx, id, body, localeOf(ctx)) },
  });
}
