import type { Question, RateDto, ResponseDto, ResultsDto } from '../../../shared/contracts/surveys';
import { chinaDate } from '../../../shared/chinaTime';
import { addHeadedSheet, newWorkbook } from '../../platform/workbook';
import type { SurveyRow } from './surveys.repository';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '' : `${(x * 100).toFixed(1)}%`;
const rateText = (r: RateDto | null) =>
  !r || r.rate === null
    ? '无数据'
    : `${pct(r.rate)}（±${pct(r.marginOfError)}，${r.positive}/${r.total}）${r.pass ? '达到85%' : '未达到85%'}`;

/** The answer as a reader of the sheet wants it: option labels, ratings, matrix rows, text. */
function answerText(q: Question, v: unknown): string {
  if (v === null || v === undefined) return '';
  switch (q.kind) {
    case 'single':
      return q.options[v as number] ?? '';
    case 'multiple':
      return (v as number[]).map((i) => q.options[i] ?? '').join('；');
    case 'rating':
      return String(v);
    case 'matrix':
      return (v as (number | null)[]).map((x, i) => `${q.rows[i]}：${x ?? '—'}`).join('；');
    default:
      return String(v);
  }
}

/** Two sheets: 结果 (rates, response rate, margin of error, distributions) and 答卷 (one row per response). */
export async function surveyXlsx(
  s: SurveyRow,
  results: ResultsDto,
  responses: ResponseDto[],
): Promise<Buffer> {
  const wb = newWorkbook();
  const res = addHeadedSheet(wb, '结果', [
    { header: '项目', width: 34 },
    { header: '数值', width: 48 },
    { header: '说明', width: 40 },
  ]);
  res.addRow(['问卷', s.title]);
  res.addRow(['年度', s.year]);
  res.addRow(['回收答卷', results.responses, `线上 ${results.online}，纸质 ${results.paper}`]);
  res.addRow(['目标样本量', results.target ?? '未设置']);
  res.addRow(['回收率', pct(results.responseRate), '回收答卷 ÷ 目标样本量']);
  res.addRow(['常住人口', results.population ?? '未统计']);
  res.addRow([
    '抽样误差（95%置信度）',
    results.marginOfError === null ? '' : `±${pct(results.marginOfError)}`,
    results.finitePopulation ? '1.96×√(p(1−p)/n)×√((N−n)/(N−1))，p=0.5' : '1.96×√(p(1−p)/n)，p=0.5',
  ]);
  res.addRow(['群众知晓率', rateText(results.awareness), '达标线 85%']);
  res.addRow(['群众满意度', rateText(results.satisfaction), '达标线 85%']);
  if (results.units.length) {
    res.addRow([]);
    res.addRow(['分单位', '回收 / 目标', '知晓率；满意度']).font = { bold: true };
    for (const u of results.units)
      res.addRow([
        u.unitName ?? '',
        `${u.responses} / ${u.target ?? '—'}`,
        `${rateText(u.awareness)}；${rateText(u.satisfaction)}`,
      ]);
  }
  for (const [i, q] of results.questions.entries()) {
    res.addRow([]);
    res.addRow([
      `${i + 1}. ${q.title}`,
      `作答 ${q.answered}`,
      q.positiveRate === null ? '' : `肯定回答 ${pct(q.positiveRate)}`,
    ]).font = {
      bold: true,
    };
    for (const o of q.options) res.addRow([o.label, o.count, pct(o.share)]);
    for (const sc of q.scale) res.addRow([`${sc.value} 分`, sc.count]);
    if (q.mean !== null) res.addRow(['平均分', q.mean]);
    for (const r of q.rows)
      res.addRow([r.label, r.mean === null ? '' : `平均 ${r.mean}`, `作答 ${r.answered}`]);
    for (const t of q.texts.slice(0, 20)) res.addRow(['', t]);
  }
  const sheet = addHeadedSheet(wb, '答卷', [
    { header: '序号', width: 8 },
    { header: '填写时间', width: 14 },
    { header: '方式', width: 8 },
    { header: '所在单位', width: 18 },
    { header: '手机号', width: 14 },
    { header: '录入人', width: 12 },
    ...s.questions.map((q, i) => ({ header: `${i + 1}. ${q.title}`, width: 24 })),
  ]);
  for (const [i, r] of responses.entries())
    sheet.addRow([
      i + 1,
      chinaDate(r.answeredAt),
      r.channel === 'paper' ? '纸质' : '线上',
      r.unitName ?? '',
      r.phoneMask ?? '',
      r.enteredByName ?? '',
      ...s.questions.map((q) => answerText(q, r.answers[q.key])),
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
