import type { FastifyReply } from 'fastify';

/**
 * Answers a stored file for the browser to show in place (a PDF, a photo): its type, a private hour of
 * caching, no type sniffing, and its own name (UTF-8) for saving.
 */
export function sendInlineFile(reply: FastifyReply, file: { mime: string; fileName: string }, data: Buffer) {
  return reply
    .headers({
      'content-type': file.mime,
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    })
    .send(data);
}
