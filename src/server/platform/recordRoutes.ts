import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import type { z } from 'zod';
import type { Access } from './access';
import type { ActorCtx } from './context';
import { idParams } from './ids';
import { pageOf } from './pagination';

/**
 * The routes of one kind of record kept by staff: `GET <path>` (a page of the list), `POST <path>` (create,
 * 201), `GET <path>/:id` (its detail, when there is one) and `PATCH <path>/:id` (update). Listing and the
 * detail need `read`, creating and updating `write`. Each handler is a use case taking the actor's context;
 * its answer is checked against the route's response schema as on any route.
 */
export interface RecordRoutes<
  S extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  P extends z.ZodType,
  D extends z.ZodType,
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
  patch: P;
  list: (ctx: ActorCtx, query: z.output<Q>) => Promise<z.input<ReturnType<typeof pageOf<S>>>>;
  create: (ctx: ActorCtx, body: z.output<B>) => Promise<z.input<S>>;
  update: (ctx: ActorCtx, id: string, body: z.output<P>) => Promise<z.input<S>>;
  /** `GET <path>/:id` and what it answers (a fuller record than the list's). */
  detail?: { schema: D; get: (ctx: ActorCtx, id: string) => Promise<z.input<D>> };
}

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export function recordRoutes<
  S extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  P extends z.ZodType,
  D extends z.ZodType = S,
>(app: FastifyInstance, r: RecordRoutes<S, Q, B, P, D>) {
  const { tags } = r;
  // Typed as a plain FastifySchema: the handlers' answers are checked against S and D in RecordRoutes.
  const options = (access: Access, schema: FastifySchema) => ({
    config: { access },
    schema: { tags, ...schema },
  });
  app.get(r.path, options(r.read, { querystring: r.listQuery, response: { 200: pageOf(r.schema) } }), (req) =>
    r.list(r.ctx(req), req.query as z.output<Q>),
  );
  app.post(r.path, options(r.write, { body: r.body, response: { 201: r.schema } }), async (req, reply) =>
    reply.status(201).send(await r.create(r.ctx(req), req.body as z.output<B>)),
  );
  const detail = r.detail;
  if (detail)
    app.get(`${r.path}/:id`, options(r.read, { params: idParams, response: { 200: detail.schema } }), (req) =>
      detail.get(r.ctx(req), (req as IdRequest).params.id),
    );
  app.patch(
    `${r.path}/:id`,
    options(r.write, { params: idParams, body: r.patch, response: { 200: r.schema } }),
    (req) => r.update(r.ctx(req), (req as IdRequest).params.id, req.body as z.output<P>),
  );
}
