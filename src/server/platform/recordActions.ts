import type { FastifyInstance, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import type { Access } from './access';
import type { ActorCtx } from './context';
import { idParams } from './ids';

type Locale = FastifyRequest['locale'];
type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** The use case behind a route on one record: the actor's context, the id, the body (or query) when the route takes
 * one, the request's language last. */
type IdUseCase<R extends z.ZodType, B extends z.ZodType | undefined> = (
  ctx: ActorCtx,
  id: string,
  ...rest: B extends z.ZodType ? [body: z.output<B>, locale: Locale] : [locale: Locale]
) => Promise<z.input<R>>;

/**
 * Declares routes on one record named by the path's `:id` that answer JSON: each states its method, path, access,
 * body schema or query schema (when it takes one), answer and its status (200 unless `status: 201`, a record made
 * under this one), and is served by a use case handed the actor's context, the id, the body or query (only when the
 * route has a schema for it) and the request's language. Registered on the plain instance, like recordRoutes: the
 * signature checks the use case against the schemas instead of the type provider.
 */
export function idRoutes(app: FastifyInstance, ctxOf: (req: FastifyRequest) => ActorCtx, tags: string[]) {
  return function route<R extends z.ZodType, B extends z.ZodType | undefined = undefined>(
    method: HTTPMethods,
    url: string,
    access: Access,
    { body, query, response, status = 200 }: { body?: B; query?: B; response: R; status?: 200 | 201 },
    run: IdUseCase<R, B>,
  ) {
    // Typed as a plain FastifySchema: the use case's answer is checked against R in the signature.
    const schema: FastifySchema = {
      tags,
      params: idParams,
      ...(body && { body }),
      ...(query && { querystring: query }),
      response: { [status]: response },
    };
    const serve = run as (ctx: ActorCtx, id: string, ...rest: unknown[]) => Promise<unknown>;
    const answer = (req: FastifyRequest) => {
      const { id } = (req as IdRequest).params;
      if (body) return serve(ctxOf(req), id, req.body, req.locale);
      if (query) return serve(ctxOf(req), id, req.query, req.locale);
      return serve(ctxOf(req), id, req.locale);
    };
    app.route({
      method,
      url,
      config: { access },
      schema,
      handler: status === 200 ? answer : async (req, reply) => reply.status(status).send(await answer(req)),
    });
  };
}

export interface RecordActions<R extends z.ZodType> {
  /** `GET <path>/:id/<action>` (`<path>/:id` when the action is ''). */
  get(action: string, run: IdUseCase<R, undefined>): void;
  /** `POST <path>/:id/<action>` without a body. */
  post(action: string, run: IdUseCase<R, undefined>): void;
  /** `POST <path>/:id/<action>` with a body checked against `body`. */
  post<B extends z.ZodType>(action: string, body: B, run: IdUseCase<R, B>): void;
}

/**
 * The idRoutes of one kind of record, `<path>/:id/<action>`, under one access and all answering the record as
 * `response` describes it: a meeting's open, sign-in, motions and close, a topic's support and comments.
 */
export function recordActions<R extends z.ZodType>(
  app: FastifyInstance,
  r: { path: string; tags: string[]; access: Access; ctx: (req: FastifyRequest) => ActorCtx; response: R },
): RecordActions<R> {
  const route = idRoutes(app, r.ctx, r.tags);
  const url = (action: string) => (action ? `${r.path}/:id/${action}` : `${r.path}/:id`);
  return {
    get(action: string, run: IdUseCase<R, undefined>) {
      route('GET', url(action), r.access, { response: r.response }, run);
    },
    post(action: string, bodyOrRun: z.ZodType | IdUseCase<R, undefined>, withBody?: IdUseCase<R, z.ZodType>) {
      if (withBody)
        route(
          'POST',
          url(action),
          r.access,
          { body: bodyOrRun as z.ZodType, response: r.response },
          withBody,
        );
      else
        route('POST', url(action), r.access, { response: r.response }, bodyOrRun as IdUseCase<R, undefined>);
    },
  };
}
