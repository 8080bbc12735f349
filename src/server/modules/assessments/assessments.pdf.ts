import type { ResultsDto, SheetDetailDto } from '../../../shared/contracts/assessments';
import { areaScores, formatPoints } from '../../../shared/contracts/assessmentScoring';
import { chinaMinute } from '../../../shared/chinaTime';
import { AppError } from '../../platform/errors';
import { cjkFont, renderPdf } from '../../platform/pdf';
import { DATA_METHODS } from './assessments.zhoushan';

type Row = Pick<ResultsDto['rows'][number], 'rank' | 'previousTotal' | 'previousYear'>;

const pts = (n: number | null | undefined) => (n == null ? '—' : formatPoints(Math.round(n * 100)));
const METHOD_NAMES = new Map<string, string>(DATA_METHODS.map((m) => [m.key, m.name]));

/**
 * One community's assessment report (issue 12: "xlsx and PDF report per community"): the result with its part
 * scores, grade, qualification, rank and the change on the last published round; each area's share as a bar;
 * every indicator's states, points and data-collection methods; the projects' ratings; the evidence attached; the
 * grading and rounding rules in words; the evaluator's signature. A sheet not yet signed is marked as a draft.
 */
export async function sheetReportPdf(
  s: SheetDetailDto,
  row: Row | undefined,
  count: number,
): Promise<Buffer> {
  const font = cjkFont();
  if (!font) throw new AppError('assessments.font_missing', 503);
  const r = s.result;
  const signed = s.state === 'signed';
  const items = new Map(s.items.map((i) => [i.nodeId, i]));
  const nodes = s.version.nodes;
  const areas = areaScores(nodes, (id) => items.get(id)?.points ?? null, r.parts);
  const codeOf = new Map(nodes.map((n) => [n.id, n.code]));
  const BAR = 220;
  const partLines = r.parts.map(
    (p) =>
      `${p.name}：${pts(p.score)}／${p.total}分${p.qualifyingMin != null ? `（须达${p.qualifyingMin}分，${p.reached ? '已达到' : '未达到'}）` : ''}`,
  );
  const prev =
    row?.previousTotal != null
      ? `${pts(row.previousTotal)}分（${row.previousYear}年），变化 ${r.total - row.previousTotal >= 0 ? '+' : ''}${pts(r.total - row.previousTotal)}`
      : '无';
  const table = (widths: (number | string)[], body: unknown[][]) => ({
    table: { headerRows: 1, widths, body },
    layout: 'lightHorizontalLines',
    fontSize: 9,
    margin: [0, 0, 0, 10],
  });
  const doc = {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 48],
    info: { title: `${s.orgUnitName ?? ''}${s.round.year}年度测评报告` },
    defaultStyle: { font: 'CJK', fontSize: 10.5, lineHeight: 1.3 },
    content: [
      { text: `${s.round.year}年度 ${s.version.name}`, fontSize: 15, alignment: 'center' },
      {
        text: `${s.subdistrictName ? `${s.subdistrictName} ` : ''}${s.orgUnitName ?? ''} 测评报告`,
        fontSize: 17,
        alignment: 'center',
        margin: [0, 4, 0, 4],
      },
      signed
        ? { text: '' }
        : {
            text: '本测评表尚未签署，以下为当前填报情况，不作为正式结果。',
            color: '#a8071a',
            alignment: 'center',
            margin: [0, 0, 0, 6],
          },
      {
        table: {
          widths: [90, '*'],
          body: [
            ['总分', `${pts(r.total)}分`],
            ['各部分得分', partLines.join('\n')],
            ['等次', `${r.grade.name}${r.qualified ? '（达标）' : '（未达标）'}`],
            ['排名', row?.rank != null ? `第${row.rank}名（共${count}个已签署社区）` : '—'],
            ['上期对比', prev],
            [
              '评分状态',
              signed
                ? `已锁定签署：${s.signedByName ?? ''}，${s.signedAt ? chinaMinute(s.signedAt) : ''}`
                : '未签署',
            ],
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 6, 0, 10],
      },
      { text: '各领域得分率', fontSize: 12, margin: [0, 4, 0, 4] },
      ...areas.map((a) => ({
        columns: [
          { text: `${a.code} ${a.name}`, width: 200, fontSize: 9 },
          {
            width: BAR + 10,
            canvas: [
              { type: 'rect', x: 0, y: 2, w: BAR, h: 9, color: '#eeeeee' },
              {
                type: 'rect',
                x: 0,
                y: 2,
                w: Math.max(0.5, BAR * Math.min(1, a.ratio)),
                h: 9,
                color: '#1677ff',
              },
            ],
          },
          { text: `${pts(a.score)}／${pts(a.full)}（${Math.round(a.ratio * 1000) / 10}%）`, fontSize: 9 },
        ],
        margin: [0, 0, 0, 3],
      })),
      { text: '指标评分', fontSize: 12, margin: [0, 10, 0, 4] },
      table(
        [34, '*', 28, 30, 30, 34, 90],
        [
          ['编号', '指标', '权重', '自评', '评估', '得分', '采集方式'],
          ...nodes
            .filter((n) => n.scored)
            .map((n) => {
              const i = items.get(n.id);
              return [
                n.code,
                n.name,
                n.weight ?? '',
                i?.selfState ?? '—',
                i?.evalState ?? '—',
                pts(i?.points),
                (i?.evalMethods ?? []).map((m) => METHOD_NAMES.get(m) ?? m).join('、') || '—',
              ];
            }),
        ],
      ),
      s.projects.length
        ? [
            { text: '“家门口”项目第三方评估', fontSize: 12, margin: [0, 4, 0, 4] },
            table(
              ['*', 70, 150],
              [
                ['项目', '类别', '六个方面评分'],
                ...s.projects.map((p) => [
                  p.name,
                  p.category,
                  p.ratings ? Object.values(p.ratings).join('、') : '未评分',
                ]),
              ],
            ),
          ]
        : { text: '' },
      s.evidenceLinks.length || s.attachments.length
        ? [
            { text: '佐证材料', fontSize: 12, margin: [0, 4, 0, 4] },
            table(
              [40, 90, '*'],
              [
                ['指标', '类别', '内容'],
                ...s.evidenceLinks.map((l) => [
                  codeOf.get(l.nodeId) ?? '',
                  l.source,
                  `${l.title}${l.detail ? `（${l.detail}）` : ''}`,
                ]),
                ...s.attachments.map((f) => [codeOf.get(f.nodeId) ?? '', '上传文件', f.fileName]),
              ],
            ),
          ]
        : { text: '' },
      { text: '规则说明', fontSize: 12, margin: [0, 4, 0, 4] },
      { text: s.version.edgeRuleText, fontSize: 9 },
      { text: s.version.roundingText, fontSize: 9, margin: [0, 2, 0, 8] },
      signed && s.signature
        ? { text: `签名校验值：${s.signature}`, fontSize: 7, color: '#666666' }
        : { text: '' },
    ],
  };
  return renderPdf(doc, font);
}
