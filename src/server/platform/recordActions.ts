import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import type { z } from 'zod';
import type { Access } from './access';
import type { ActorCtx } from './context';
import { idParams } from './ids';

type Locale = FastifyRequest['locale'];
type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** A use case on one record that takes no body; it answers the record. */
type Plain<R extends z.ZodType> = (ctx: ActorCtx, id: string, locale: Locale) => Promise<z.input<R>>;
/** A use case on one record that takes the route's body. */
type WithBody<R extends z.ZodType, B extends z.ZodType> = (
  ctx: ActorCtx,
  id: string,
  body: z.output<B>,
  locale: Locale,
) => Promise<z.input<R>>;

export interface RecordActions<R extends z.ZodType> {
  /** `GET <path>/:id/<action>` (`<path>/:id` when the action is ''). */
  get(action: string, run: Plain<R>): void;
  /** `POST <path>/:id/<action>` without a body. */
  post(action: string, run: Plain<R>): void;
  /** `POST <path>/:id/<action>` with a body checked against `body`. */
  post<B extends z.ZodType>(action: string, body: B, run: WithBody<R, B>): void;
}

/**
 * The routes that act on one record of a kind, `<path>/:id/<action>`, under one access and all answering the
 * record as `response` (200) describes it: a meeting's open, sign-in, motions and close, a topic's support and
 * comments. Each use case takes the actor's context, the record's id, the body when the route takes one, and
 * the request's language last, as recordRoutes' use cases do. Registered on the plain instance, typed here.
 */
export function recordActions<R extends z.ZodType>(
  app: FastifyInstance,
  r: { path: string; tags: string[]; access: Access; ctx: (req: FastifyRequest) => ActorCtx; response: R },
): RecordActions<R> {
  const url = (action: string) => (action ? `${r.path}/:id/${action}` : `${r.path}/:id`);
  // Typed as a plain FastifySchema: the use cases' answers are checked against R by RecordActions.
  const schema = (body?: z.ZodType) => {
    const s: FastifySchema = { tags: r.tags, params: idParams, response: { 200: r.response } };
    return { config: { access: r.access }, schema: body ? { ...s, body } : s };
  };
  return {
    get(action: string, run: Plain<R>) {
      app.get(url(action), schema(), (req) => run(r.ctx(req), (req as IdRequest).params.id, req.locale));
    },
    post(action: string, bodyOrRun: z.ZodType | Plain<R>, withBody?: WithBody<R, z.ZodType>) {
      if (withBody)
        app.post(url(action), schema(bodyOrRun as z.ZodType), (req) =>
          withBody(r.ctx(req), (req as IdRequest).params.id, req.body, req.locale),
        );
      else
        app.post(url(action), schema(), (req) =>
          (bodyOrRun as Plain<R>)(r.ctx(req), (req as IdRequest).params.id, req.locale),
        );
    },
  };
}
