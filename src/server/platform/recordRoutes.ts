import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import type { z } from 'zod';
import type { Access } from './access';
import type { ActorCtx } from './context';
import { idParams } from './ids';
import { pageOf } from './pagination';

type Locale = FastifyRequest['locale'];

/**
 * The routes of one kind of record kept by staff: `GET <path>` (a page of the list), `POST <path>` (create,
 * 201), and when declared `GET <path>/:id` (its detail) and `PATCH <path>/:id` (update). Listing and the
 * detail need `read`, creating and updating `write` (creating: `createAccess` when it differs). Each handler is
 * a use case taking the actor's context; its answer is checked against the route's response schema as on any
 * route; each is also handed the request's language last (`list(ctx, query, locale)`), for the use cases that
 * answer in it. The routes are registered on the plain instance because the zod type provider cannot follow generic
 * schemas; the types of this declaration check the use cases against the schemas instead.
 */
export interface RecordRoutes<
  S extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  P extends z.ZodType,
  D extends z.ZodType,
  C extends z.ZodType,
> {
  path: string;
  tags: string[];
  read: Access;
  write: Access;
  ctx: (req: FastifyRequest) => ActorCtx;
  /** The record as lists, create and update answer it. */
  schema: S;
  listQuery: Q;
  body: B;
  list: (ctx: ActorCtx, query: z.output<Q>, locale: Locale) => Promise<z.input<ReturnType<typeof pageOf<S>>>>;
  create: (ctx: ActorCtx, body: z.output<B>, locale: Locale) => Promise<z.input<C>>;
  /** What `POST <path>` answers when it is not `schema` (e.g. the fuller detail). */
  created?: C;
  /** Who may create when it is not `write`. */
  createAccess?: Access;
  /** `GET <path>/:id` and what it answers (a fuller record than the list's). */
  detail?: { schema: D; get: (ctx: ActorCtx, id: string, locale: Locale) => Promise<z.input<D>> };
  /** `PATCH <path>/:id`: the body it takes and the use case; it answers the record. */
  update?: {
    body: P;
    run: (ctx: ActorCtx, id: string, body: z.output<P>, locale: Locale) => Promise<z.input<S>>;
  };
}

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export function recordRoutes<
  S extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  P extends z.ZodType = z.ZodNever,
  D extends z.ZodType = S,
  C extends z.ZodType = S,
>(app: FastifyInstance, r: RecordRoutes<S, Q, B, P, D, C>) {
  const { tags } = r;
  // Typed as a plain FastifySchema: the handlers' answers are checked against S, C and D in RecordRoutes.
  const options = (access: Access, schema: FastifySchema) => ({
    config: { access },
    schema: { tags, ...schema },
  });
  app.get(r.path, options(r.read, { querystring: r.listQuery, response: { 200: pageOf(r.schema) } }), (req) =>
    r.list(r.ctx(req), req.query as z.output<Q>, req.locale),
  );
  const created = options(r.createAccess ?? r.write, {
    body: r.body,
    response: { 201: r.created ?? r.schema },
  });
  app.post(r.path, created, async (req, reply) =>
    reply.status(201).send(await r.create(r.ctx(req), req.body as z.output<B>, req.locale)),
  );
  const { detail, update } = r;
  if (detail)
    app.get(`${r.path}/:id`, options(r.read, { params: idParams, response: { 200: detail.schema } }), (req) =>
      detail.get(r.ctx(req), (req as IdRequest).params.id, req.locale),
    );
  if (update)
    app.patch(
      `${r.path}/:id`,
      options(r.write, { params: idParams, body: update.body, response: { 200: r.schema } }),
      (req) => update.run(r.ctx(req), (req as IdRequest).params.id, req.body as z.output<P>, req.locale),
    );
}
