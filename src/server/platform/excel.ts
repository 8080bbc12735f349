import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

/** One-sheet .xlsx as a buffer. */
export async function toXlsx<T>(sheetName: string, columns: SheetColumn<T>[], rows: T[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Linli';
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(columns.map((c) => c.value(row) ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function attachmentHeader(fileName: string): string {
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Answers a one-sheet .xlsx (toXlsx) as a download named `fileName`. */
export async function sendXlsx<T>(
  reply: FastifyReply,
  fileName: string,
  sheetName: string,
  columns: SheetColumn<T>[],
  rows: T[],
): Promise<FastifyReply> {
  const buf = await toXlsx(sheetName, columns, rows);
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachmentHeader(fileName))
    .send(buf);
}

/** The UTF-8 byte-order mark: without it Excel on Chinese Windows reads a CSV as GBK and shows mojibake. */
export const UTF8_BOM = '\uFEFF';
export const CSV_MIME = 'text/csv; charset=utf-8';

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  // A text cell that starts like a formula is neutralised (CSV injection); numbers stay numbers.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * A CSV that Excel opens right: UTF-8 with a BOM first, CRLF line ends, RFC 4180 quoting. Every CSV export
 * goes through here (and is sent with CSV_MIME and csvAttachmentHeader).
 */
export function toCsv<T>(columns: SheetColumn<T>[], rows: T[]): Buffer {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return Buffer.from(`${UTF8_BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}

export function csvAttachmentHeader(fileName: string): string {
  return `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
