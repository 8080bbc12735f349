import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Access } from './access';
import type { ActorCtx } from './context';
import { type SheetColumn, sendXlsx } from './excel';

type Locale = FastifyRequest['locale'];

/**
 * A one-sheet .xlsx download: its file and sheet names in English and Chinese (the file's may depend on the
 * query, e.g. name the period), its columns headed in either.
 */
export interface XlsxDownload<T, Q = unknown> {
  file: { en: string; zh: string } | ((query: Q, en: boolean) => string);
  sheet: { en: string; zh: string };
  columns: (en: boolean) => SheetColumn<T>[];
}

/**
 * Declares `GET <url>` routes answering an .xlsx download (sendXlsx) of the rows a use case finds for the query, named
 * and headed in the request's language; the use case is handed the actor's context, the query and the language.
 */
export function xlsxRoutes(app: FastifyInstance, ctxOf: (req: FastifyRequest) => ActorCtx, tags: string[]) {
  return function xlsx<Q extends z.ZodType, T>(
    url: string,
    access: Access,
    query: Q,
    download: XlsxDownload<T, z.output<Q>>,
    rows: (ctx: ActorCtx, query: z.output<Q>, locale: Locale) => Promise<T[]>,
  ) {
    app.get(url, { config: { access }, schema: { tags, querystring: query } }, async (req, reply) => {
      const query = req.query as z.output<Q>;
      const found = await rows(ctxOf(req), query, req.locale);
      const en = req.locale === 'en';
      const { file, sheet } = download;
      const fileName = typeof file === 'function' ? file(query, en) : en ? file.en : file.zh;
      return sendXlsx(reply, fileName, en ? sheet.en : sheet.zh, download.columns(en), found);
    });
  };
}
