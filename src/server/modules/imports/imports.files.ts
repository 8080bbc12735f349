import { Readable } from 'node:stream';
import { createInflateRaw, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors';

/**
 * Reading import files: format sniffing, a zip integrity check for .xlsx (so a damaged file is
 * refused before anything is stored), a CSV parser and a streaming .xlsx row source.
 */

export type FileFormat = 'xlsx' | 'csv';
export type CellValue = string | number | boolean | Date | null;
export interface SourceRow {
  /** Row number as a spreadsheet program shows it. */
  rowNo: number;
  cells: CellValue[];
}

const badFile = (code = 'imports.bad_file', params: Record<string, unknown> = {}) =>
  new AppError(code, 400, params);

/** Decides the format from the name and the first bytes; throws 400 for anything that cannot be read. */
export function sniffFormat(fileName: string, buf: Buffer): FileFormat {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const isZip = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
  const isOle =
    buf.length >= 8 &&
    buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  if (buf.length === 0) throw badFile('imports.no_rows');
  if (isOle || ext === 'xls') throw badFile('imports.legacy_xls');
  if (ext === 'xlsx') {
    if (!isZip) throw badFile();
    return 'xlsx';
  }
  if (ext === 'csv' || ext === 'txt') {
    if (isZip || looksBinary(buf)) throw badFile();
    return 'csv';
  }
  if (isZip) return 'xlsx';
  throw badFile();
}

function looksBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  // UTF-16 text has NULs too; it is reported as an encoding problem instead.
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)))
    return false;
  return head.includes(0);
}

/** The text encodings a CSV may come in: UTF-8 (any tool), GB18030 (a superset of GBK: Excel on Chinese Windows), UTF-16 (Excel's "Unicode text"). */
export const CSV_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/**
 * Decodes a CSV and says in which encoding: a BOM decides (UTF-8, UTF-16 LE/BE); without one, strict UTF-8
 * is tried first (GBK text is almost never valid UTF-8), then strict GB18030, which covers GBK and GB2312 —
 * what Excel writes on Chinese Windows. Bytes valid in neither are refused with imports.encoding.
 */
export function decodeCsv(buf: Buffer): { text: string; encoding: CsvEncoding } {
  const bom16 =
    buf.length >= 2
      ? buf[0] === 0xff && buf[1] === 0xfe
        ? 'utf-16le'
        : buf[0] === 0xfe && buf[1] === 0xff
          ? 'utf-16be'
          : null
      : null;
  const order: CsvEncoding[] = bom16 ? [bom16] : ['utf-8', 'gb18030'];
  for (const encoding of order) {
    try {
      // TextDecoder drops a leading BOM by default.
      return { text: new TextDecoder(encoding, { fatal: true }).decode(buf), encoding };
    } catch {
      // next candidate
    }
  }
  throw badFile('imports.encoding');
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Comma unless the header line clearly uses tabs or semicolons (Excel in some locales). */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  const count = (c: string) => first.split(c).length - 1;
  const candidates = [',', '\t', ';'].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/**
 * RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF and CR
 * all end a record. Yields each record with its 1-based number and the offset after it (for progress).
 * An unterminated quote throws imports.bad_csv with the record number.
 */
export function* csvRecords(
  text: string,
  delimiter = ',',
): Generator<{ rowNo: number; cells: string[]; end: number }> {
  const d = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const n = text.length;
  let i = 0;
  let rowNo = 0;
  while (i < n) {
    rowNo++;
    const cells: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let out = '';
        let start = i + 1;
        let j = start;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) throw badFile('imports.bad_csv', { row: rowNo });
          if (text.charCodeAt(q + 1) === QUOTE) {
            out += text.slice(start, q + 1);
            j = q + 2;
            start = j;
            continue;
          }
          out += text.slice(start, q);
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the delimiter is kept, as spreadsheet programs do.
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === CR || c === LF) break;
          k++;
        }
        value = out + text.slice(i, k);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === CR || c === LF) break;
          k++;
        }
        value = text.slice(i, k);
        i = k;
      }
      cells.push(value);
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        continue;
      }
      if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      else if (c === LF) i++;
      break;
    }
    yield { rowNo, cells, end: i };
  }
}

/**
 * Data records (non-blank, after the header) in a CSV text, by the same rules as csvRecords but
 * without building cells, so the upload can answer with the row count (and refuse an unclosed quote
 * or too many rows) at once.
 */
export function countCsvRows(text: string, delimiter: string): number {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let records = 0;
  let content = false;
  let fieldStart = true;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === 34) {
      const start = i;
      for (i++; ; i++) {
        const q = text.indexOf('"', i);
        if (q < 0) throw badFile('imports.bad_csv', { row: records + 1 });
        if (text.charCodeAt(q + 1) === 34) {
          i = q + 1;
          continue;
        }
        if (q > start + 1) content = true;
        i = q + 1;
        break;
      }
      fieldStart = false;
      continue;
    }
    if (c === 13 || c === 10) {
      if (content) records++;
      content = false;
      fieldStart = true;
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    if (c === d) fieldStart = true;
    else {
      fieldStart = false;
      if (c !== 32 && c !== 9) content = true;
    }
    i++;
  }
  if (content) records++;
  return Math.max(0, records - 1);
}

// ---------------------------------------------------------------------------------------------
// .xlsx

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Reads the zip central directory; throws when the file is not a complete zip. */
function zipEntries(buf: Buffer): ZipEntry[] {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw badFile('imports.corrupt');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) return []; // zip64: leave it to the streaming reader
  if (cdOffset + cdSize > eocd) throw badFile('imports.corrupt');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw badFile('imports.corrupt');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflates one entry without keeping its content, checking its size and CRC-32, and that a
 * worksheet's XML is complete (a writer that stopped half-way still produces a valid zip).
 */
function checkEntry(buf: Buffer, e: ZipEntry): Promise<boolean> {
  const isSheet = /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name);
  const complete = (tail: string) => !isSheet || /<\/([\w-]+:)?worksheet>\s*$/.test(tail);
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return Promise.resolve(false);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (start + e.compressedSize > buf.length) return Promise.resolve(false);
  if (e.method === 0) {
    return Promise.resolve(
      data.length === e.size &&
        crc32(data) >>> 0 === e.crc &&
        complete(data.subarray(-200).toString('latin1')),
    );
  }
  if (e.method !== 8) return Promise.resolve(false);
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let crc = 0;
    let size = 0;
    let tail = Buffer.alloc(0);
    inflate.on('data', (chunk: Buffer) => {
      crc = crc32(chunk, crc);
      size += chunk.length;
      if (isSheet) tail = Buffer.concat([tail, chunk.subarray(-200)]).subarray(-200);
    });
    inflate.on('error', () => resolve(false));
    inflate.on('end', () =>
      resolve(size === e.size && crc >>> 0 === e.crc && complete(tail.toString('latin1'))),
    );
    inflate.end(data);
  });
}

/**
 * Checks that an .xlsx is a complete, undamaged workbook: the zip directory reads, a workbook and a
 * worksheet are there, and every part inflates to its recorded size and CRC. Runs on zlib's thread
 * pool, so a 30 MB file does not block other requests.
 */
export async function verifyXlsx(buf: Buffer): Promise<void> {
  const entries = zipEntries(buf);
  if (entries.length === 0) return;
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml') || !entries.some((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)))
    throw badFile();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (!(await checkEntry(buf, e))) throw badFile('imports.corrupt');
  }
}

/** Thrown when the .xlsx reader stops producing rows without an error (seen with damaged files). */
export class StalledError extends Error {}

/**
 * Rows of the workbook's first worksheet, read with exceljs's streaming reader. `onBytes` reports
 * how much of the file has been handed to the unzipper (progress). A reader that goes quiet for
 * `stallMs` is treated as a damaged file rather than waiting forever.
 */
export async function* xlsxRows(
  buf: Buffer,
  onBytes: (read: number) => void,
  stallMs = 20_000,
): AsyncGenerator<SourceRow> {
  const CHUNK = 64 * 1024;
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < buf.length; i += CHUNK) {
        onBytes(Math.min(buf.length, i + CHUNK));
        yield buf.subarray(i, i + CHUNK);
      }
    })(),
    { highWaterMark: 1 },
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  try {
    const first = await withStallGuard(sheets.next(), stallMs);
    if (first.done) throw badFile();
    const rows = first.value[Symbol.asyncIterator]();
    for (;;) {
      const next = await withStallGuard(rows.next(), stallMs);
      if (next.done) break;
      const row = next.value as ExcelJS.Row;
      const values = (row.values as unknown[]) ?? [];
      const cells: CellValue[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
      yield { rowNo: row.number, cells };
    }
  } finally {
    source.destroy();
  }
}

function withStallGuard<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StalledError('xlsx reader stalled')), ms);
  });
  return Promise.race([p, stalled]).finally(() => clearTimeout(timer));
}

/** Flattens exceljs cell values (rich text, formulas, hyperlinks, errors) to plain values. */
export function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return cellValue(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if ('error' in o) return null;
  }
  return String(v);
}
