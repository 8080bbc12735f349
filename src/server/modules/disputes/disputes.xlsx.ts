import ExcelJS from 'exceljs';
import {
  DS_BODY_KINDS,
  DS_LIST_CATEGORIES,
  DS_TICKET_KINDS,
  type listImportBody,
} from '../../../shared/contracts/disputes';
import type { z } from 'zod';
import { AppError } from '../../platform/errors';

type Entry = z.input<typeof listImportBody>['entries'][number];

/** Chinese names (as the console shows them) and codes both read as the value. */
const CATEGORY: Record<string, (typeof DS_LIST_CATEGORIES)[number]> = {
  矛盾纠纷: 'dispute',
  政务服务: 'government_service',
  '12345转办': 'hotline_12345',
  '110转办': 'police_110',
};
const BODY: Record<string, (typeof DS_BODY_KINDS)[number]> = {
  人民调解委员会: 'mediation_committee',
  信访: 'petition',
  司法所: 'judicial',
  妇联: 'womens_federation',
  工会: 'trade_union',
  律师: 'lawyer',
  心理咨询: 'counsellor',
  社会团体: 'social_group',
  两代表一委员: 'deputies',
  平安志愿者: 'safety_volunteers',
  五老人员: 'five_elders',
};
const TICKET: Record<string, (typeof DS_TICKET_KINDS)[number]> = {
  应急单: 'emergency',
  重点单: 'key',
  常规单: 'regular',
};
const HEADERS: Record<string, keyof Entry> = {
  编码: 'code',
  code: 'code',
  名称: 'name',
  事项: 'name',
  name: 'name',
  类别: 'category',
  category: 'category',
  建议调处力量: 'suggestedBody',
  suggestedbody: 'suggestedBody',
  建议工单类型: 'suggestedTicket',
  suggestedticket: 'suggestedTicket',
};

const pick = <T extends string>(map: Record<string, T>, codes: readonly T[], v: string): T | undefined =>
  map[v] ?? ((codes as readonly string[]).find((c) => c === v) as T | undefined);

/**
 * The rows of a classification list spreadsheet (R-DS-1): the first sheet, a header row with 编码, 名称, 类别,
 * 建议调处力量, 建议工单类型 (or the codes), one entry per row. Unreadable files and rows are bad input (400).
 */
export async function listEntriesFromXlsx(buf: Buffer): Promise<Entry[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('disputes.list_file', 400);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('disputes.list_file', 400);
  const text = (v: ExcelJS.CellValue) =>
    v == null ? '' : String(typeof v === 'object' && 'text' in v ? v.text : v).trim();
  const columns = new Map<number, keyof Entry>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = HEADERS[text(cell.value).replace(/\s/g, '').toLowerCase()] ?? HEADERS[text(cell.value)];
    if (key) columns.set(col, key);
  });
  if (![...columns.values()].includes('code') || ![...columns.values()].includes('name'))
    throw new AppError('disputes.list_file', 400);
  const out: Entry[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v: Partial<Record<keyof Entry, string>> = {};
    for (const [col, key] of columns) v[key] = text(row.getCell(col).value);
    if (!v.code && !v.name) return;
    const category = pick(CATEGORY, DS_LIST_CATEGORIES, v.category ?? '');
    if (!v.code || !v.name || !category) throw new AppError('disputes.list_row', 400, { row: n });
    out.push({
      code: v.code,
      name: v.name,
      category,
      suggestedBody: v.suggestedBody ? (pick(BODY, DS_BODY_KINDS, v.suggestedBody) ?? null) : null,
      suggestedTicket: pick(TICKET, DS_TICKET_KINDS, v.suggestedTicket ?? '') ?? 'regular',
    });
  });
  if (out.length === 0) throw new AppError('disputes.list_file', 400);
  return out;
}
