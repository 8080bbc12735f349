import ExcelJS from 'exceljs';
import { frameworkConfigSchema } from '../../../shared/contracts/assessments';
import type { FrameworkConfig } from '../../../shared/contracts/assessmentScoring';
import { AppError } from '../../platform/errors';
import { evidenceSource, evidenceSources } from '../../platform/offerings';
import { addHeadedSheet, newWorkbook } from '../../platform/workbook';
import type { FrameworkRow, NodeRow, VersionRow } from './assessments.repository';
import type { FrameworkDef, NodeDef } from './assessments.zhoushan';

/**
 * A framework version as an .xlsx workbook and back: sheet 「指标」 holds the tree (code, parent code, name,
 * part, weight in points, evidence sources by name; order = tree order), sheet 「设置」 the framework's key, name, source, note and its
 * configuration (scale, parts, bands as JSON, edge rule, scoring unit). Import reads the same layout.
 */
const SETTINGS = [
  'key',
  'name',
  'source',
  'note',
  'scale',
  'parts',
  'bands',
  'edgeRule',
  'scoringUnit',
] as const;

export async function frameworkToXlsx(
  framework: FrameworkRow,
  version: VersionRow,
  nodes: NodeRow[],
): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addHeadedSheet(wb, '指标', [
    { header: '编号', width: 10 },
    { header: '上级编号', width: 10 },
    { header: '名称', width: 80 },
    { header: '层级', width: 6 },
    { header: '组成部分', width: 10 },
    { header: '权重', width: 8 },
    { header: '关联证据', width: 40 },
  ]);
  const codes = new Map(nodes.map((n) => [n.id, n.code]));
  for (const n of nodes)
    ws.addRow([
      n.code,
      n.parentId ? codes.get(n.parentId) : '',
      n.name,
      n.level,
      n.partKey,
      n.weight == null ? '' : n.weight / 100,
      n.evidence.map((k) => evidenceSource(k)?.label['zh-CN'] ?? k).join('、'),
    ]);
  const s = addHeadedSheet(wb, '设置', [
    { header: '项目', width: 14 },
    { header: '值', width: 120 },
  ]);
  const c = version.config;
  const values: Record<(typeof SETTINGS)[number], string> = {
    key: framework.key,
    name: framework.name,
    source: framework.source ?? '',
    note: framework.note ?? '',
    scale: JSON.stringify(c.scale),
    parts: JSON.stringify(c.parts),
    bands: JSON.stringify(c.bands),
    edgeRule: c.edgeRule,
    scoringUnit: c.scoringUnit,
  };
  for (const k of SETTINGS) s.addRow([k, values[k]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v == null) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v).trim();
};

const bad = (row: number, reason: string) => new AppError('assessments.import_invalid', 422, { row, reason });

/** The 「关联证据」 cell: source names (or keys) separated by 、 , ; or new lines, each a registered source. */
function evidenceKeys(row: number, text: string): string[] {
  if (!text) return [];
  const byName = new Map(
    evidenceSources().flatMap((s) => [
      [s.label['zh-CN'], s.key],
      [s.label.en, s.key],
      [s.key, s.key],
    ]),
  );
  const keys = text
    .split(/[、,，;；\n]+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => {
      const key = byName.get(t);
      if (!key) throw bad(row, `关联证据「${t}」不存在`);
      return key;
    });
  return [...new Set(keys)];
}

/** Reads a workbook in the export's layout into a definition (validated later by the engine). */
export async function frameworkFromXlsx(data: Buffer): Promise<FrameworkDef> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw bad(1, 'not an .xlsx file');
  }
  const ws = wb.getWorksheet('指标');
  const s = wb.getWorksheet('设置');
  if (!ws || !s) throw bad(1, '缺少「指标」或「设置」工作表');
  const settings = new Map<string, string>();
  s.eachRow((row, i) => {
    if (i > 1) settings.set(cellText(row.getCell(1).value), cellText(row.getCell(2).value));
  });
  const json = (k: string) => {
    try {
      return JSON.parse(settings.get(k) ?? '');
    } catch {
      throw bad(0, `设置「${k}」`);
    }
  };
  const key = settings.get('key') ?? '';
  if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(key)) throw bad(0, '设置「key」');
  const parsed = frameworkConfigSchema.safeParse({
    scale: json('scale'),
    parts: json('parts'),
    bands: json('bands'),
    edgeRule: settings.get('edgeRule'),
    scoringUnit: settings.get('scoringUnit'),
  });
  if (!parsed.success) throw bad(0, `设置「${String(parsed.error.issues[0]?.path[0] ?? '')}」`);
  const config: FrameworkConfig = parsed.data;
  const byCode = new Map<string, NodeDef>();
  const roots: NodeDef[] = [];
  let count = 0;
  ws.eachRow((row, i) => {
    if (i === 1) return;
    const code = cellText(row.getCell(1).value);
    const parent = cellText(row.getCell(2).value);
    const name = cellText(row.getCell(3).value);
    const part = cellText(row.getCell(5).value);
    const w = cellText(row.getCell(6).value);
    const evidence = evidenceKeys(i, cellText(row.getCell(7).value));
    if (!code && !name) return;
    if (!code || !name || name.length > 500 || code.length > 30) throw bad(i, '编号和名称必填');
    if (byCode.has(code)) throw bad(i, `编号「${code}」重复`);
    const weight = w === '' ? undefined : Number(w);
    if (weight !== undefined && !(weight > 0)) throw bad(i, '权重');
    const node: NodeDef = {
      code,
      name,
      ...(weight !== undefined && { weight }),
      ...(evidence.length > 0 && { evidence }),
      children: [],
    };
    if (parent) {
      const p = byCode.get(parent);
      if (!p) throw bad(i, `上级编号「${parent}」须在本行之前`);
      p.children!.push(node);
    } else {
      node.part = part;
      roots.push(node);
    }
    byCode.set(code, node);
    if (++count > 2000) throw bad(i, 'too many rows');
  });
  if (roots.length === 0) throw bad(2, '没有指标');
  return {
    key,
    name: settings.get('name') || key,
    source: settings.get('source') ?? '',
    note: settings.get('note') ?? '',
    config,
    nodes: roots,
  };
}
