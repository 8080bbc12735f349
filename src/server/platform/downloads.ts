import type { FastifyReply } from 'fastify';
import { XLSX_MIME, attachmentHeader } from './excel';

/**
 * An attachment's content-disposition: `fileName` (UTF-8, the name browsers save it under) and `fallback` (plain
 * ASCII, for clients that read only `filename`).
 */
export const namedAttachment = (fileName: string, fallback: string) =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Answers a generated PDF as a download named `fileName`, `fallback` for clients that read only an ASCII name. */
export function sendPdf(reply: FastifyReply, pdf: Buffer, fileName: string, fallback: string) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', namedAttachment(fileName, fallback))
    .send(pdf);
}

/** Answers a workbook already written (an .xlsx buffer) as a download named `fileName` (`attachmentHeader`). */
export function sendWorkbook(reply: FastifyReply, xlsx: Buffer, fileName: string) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachmentHeader(fileName))
    .send(xlsx);
}
