import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Access } from './access';
import { type AppDeps, actorCtxOf } from './context';
import { pageRoutes } from './pageRoute';
import { idRoutes } from './recordActions';
import { xlsxRoutes } from './xlsxRoute';

/**
 * What a module's routes are declared with, all under the one OpenAPI tag: the zod-typed instance (`app`), `tags`,
 * the request's use-case context (`ctxOf`), `route` (idRoutes: one record's `:id` routes), `page` (pageRoutes: a
 * list answering one page), `xlsx` (xlsxRoutes: an .xlsx download of a use case's rows) and `recordFields(read, write)`:
 * the fields recordRoutes declarations share (tags, who may read, who may write, the context).
 */
export function routeKit(base: FastifyInstance, deps: AppDeps, tag: string) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = [tag];
  const ctxOf = (req: FastifyRequest) => actorCtxOf(deps, req);
  return {
    app,
    tags,
    ctxOf,
    route: idRoutes(app, ctxOf, tags),
    page: pageRoutes(app, ctxOf, tags),
    xlsx: xlsxRoutes(app, ctxOf, tags),
    recordFields: (read: Access, write: Access) => ({ tags, read, write, ctx: ctxOf }),
  };
}
