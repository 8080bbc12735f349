import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Access } from './access';
import type { ActorCtx } from './context';
import { type SheetColumn, sendXlsx } from './excel';

type Locale = FastifyRequest['locale'];

/** A one-sheet .xlsx download: its file and sheet names in English and Chinese, its columns headed in either. */
export interface XlsxDownload<T> {
  file: { en: string; zh: string };
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
    download: XlsxDownload<T>,
    rows: (ctx: ActorCtx, query: z.output<Q>, locale: Locale) => Promise<T[]>,
  ) {
    app.get(url, { config: { access }, schema: { tags, querystring: query } }, async (req, reply) => {
      const found = await rows(ctxOf(req), req.query as z.output<Q>, req.locale);
      const en = req.locale === 'en';
      const { file, sheet } = download;
      return sendXlsx(reply, en ? file.en : file.zh, en ? sheet.en : sheet.zh, download.columns(en), found);
    });
  };
}
