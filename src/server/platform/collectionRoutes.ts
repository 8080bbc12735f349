import type { FastifyInstance, FastifySchema } from 'fastify';
import type { z } from 'zod';
import type { Access } from './access';
import { type ActorCtx, type AppDeps, actorCtxOf } from './context';
import type { Page } from './listing';
import { pageOf } from './pagination';

/** The OpenAPI tags of a module's routes and the access of its reading and of its writing routes. */
export interface RouteAccess {
  tags: string[];
  read: { access: Access };
  manage: { access: Access };
}

/**
 * Declares a module's collections under `prefix`, one call each: `collection(name, query, body, item, list,
 * create)` registers GET `<prefix>/<name>` (one page: querystring `query`, answer `pageOf(item)`, `read` access)
 * and POST `<prefix>/<name>` (create from `body`, 201 with the new `item`, `manage` access). The schemas
 * validate the request and shape the answer at run time; the handlers' types come from `list` and `create`.
 */
export function collectionRoutes(base: FastifyInstance, deps: AppDeps, prefix: string, a: RouteAccess) {
  return <Q extends z.ZodType, B extends z.ZodType, I extends z.ZodType>(
    name: string,
    query: Q,
    body: B,
    item: I,
    list: (ctx: ActorCtx, q: z.output<Q>) => Promise<Page<z.output<I>>>,
    create: (ctx: ActorCtx, body: z.output<B>) => Promise<z.output<I>>,
  ): void => {
    const path = `${prefix}/${name}`;
    const listSchema: FastifySchema = { tags: a.tags, querystring: query, response: { 200: pageOf(item) } };
    const createSchema: FastifySchema = { tags: a.tags, body, response: { 201: item } };
    base.get(path, { config: a.read, schema: listSchema }, (req) =>
      list(actorCtxOf(deps, req), req.query as z.output<Q>),
    );
    base.post(path, { config: a.manage, schema: createSchema }, async (req, reply) =>
      reply.status(201).send(await create(actorCtxOf(deps, req), req.body as z.output<B>)),
    );
  };
}
