import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Access } from './access';
import type { ActorCtx } from './context';
import { pageOf } from './pagination';

type Locale = FastifyRequest['locale'];

/** A list's use case: the actor's context, the parsed query and the request's language; it answers one page. */
type PageUseCase<S extends z.ZodType, Q extends z.ZodType> = (
  ctx: ActorCtx,
  query: z.output<Q>,
  locale: Locale,
) => Promise<z.input<ReturnType<typeof pageOf<S>>>>;

/**
 * Declares `GET <url>` routes answering one page of records (`pageOf(item)`) filtered by a query schema, each served
 * by a use case handed the actor's context, the query and the request's language. Registered on the plain instance,
 * like idRoutes: the signature checks the use case against the schemas instead of the type provider.
 */
export function pageRoutes(app: FastifyInstance, ctxOf: (req: FastifyRequest) => ActorCtx, tags: string[]) {
  return function page<S extends z.ZodType, Q extends z.ZodType>(
    url: string,
    access: Access,
    query: Q,
    item: S,
    list: PageUseCase<S, Q>,
  ) {
    app.get(
      url,
      { config: { access }, schema: { tags, querystring: query, response: { 200: pageOf(item) } } },
      (req) => list(ctxOf(req), req.query as z.output<Q>, req.locale),
    );
  };
}
