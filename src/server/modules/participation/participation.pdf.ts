import {
  MEETING_BASIS_NAMES,
  MEETING_KIND_NAMES,
  type MeetingDetailDto,
} from '../../../shared/contracts/participation';
import { AppError } from '../../platform/errors';
import { cjkFont, renderPdf } from '../../platform/pdf';
import { chinaDate } from './meetings.usecases';

/**
 * Minutes of a meeting as a PDF (platform/pdf.ts: pdfmake with a CJK system font): the meeting, the quorum in words from
 * recorded attendance, the attendance list, each motion with its tally and the rule applied, the
 * minutes, corrections added after closing, and signature lines.
 */
const timeText = (d: Date) => {
  const s = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  return `${s.slice(0, 4)}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11, 16)}`;
};

export async function minutesPdf(m: MeetingDetailDto): Promise<Buffer> {
  const font = cjkFont();
  if (!font) throw new AppError('participation.font_missing', 503);
  const kind = MEETING_KIND_NAMES[m.kind]['zh-CN'];
  const names = m.attendance.map((a) => a.name);
  const signLine = (label: string) => ({
    columns: [
      { text: `${label}（签字）：`, width: 130 },
      { canvas: [{ type: 'line', x1: 0, y1: 14, x2: 200, y2: 14, lineWidth: 0.7 }] },
    ],
    margin: [0, 16, 0, 0],
  });
  const doc = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title: `${m.title} 会议纪要`, author: m.unitName ?? '' },
    defaultStyle: { font: 'CJK', fontSize: 11, lineHeight: 1.35 },
    content: [
      { text: `${m.unitName ?? ''}${kind}`, fontSize: 18, alignment: 'center', margin: [0, 0, 0, 2] },
      { text: `会议纪要：${m.title}`, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 12] },
      {
        table: {
          widths: [80, '*'],
          body: [
            ['会议时间', timeText(m.heldAt)],
            ['会议地点', m.place ?? '—'],
            ['主持人', m.host ?? '—'],
            ['通知时间', timeText(m.noticeAt)],
            ['应到范围', `${MEETING_BASIS_NAMES[m.basis]['zh-CN']}（统计日期 ${m.frozenOn}）`],
            ['到会情况', m.quorum.words],
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 10],
      },
      m.agenda ? { text: [{ text: '议程：', bold: true }, m.agenda], margin: [0, 0, 0, 8] } : { text: '' },
      { text: '表决事项', fontSize: 13, margin: [0, 4, 0, 4] },
      m.motions.length
        ? {
            table: {
              widths: ['*', 40, 40, 40, 150],
              body: [
                ['事项', '赞成', '反对', '弃权', '结果'],
                ...m.motions.map((x) => [
                  `${x.title}（${x.ballot === 'secret' ? '无记名投票' : '举手表决'}）`,
                  x.yes ?? '—',
                  x.no ?? '—',
                  x.abstain ?? '—',
                  x.words ?? '未表决',
                ]),
              ],
            },
            layout: 'lightHorizontalLines',
            margin: [0, 0, 0, 10],
          }
        : {
            text: m.quorum.met ? '本次会议未作表决。' : '会议未达法定人数，不作决定。',
            margin: [0, 0, 0, 10],
          },
      { text: '会议记录', fontSize: 13, margin: [0, 4, 0, 4] },
      { text: m.minutes ?? '—', margin: [0, 0, 0, 10] },
      ...(m.corrections.length
        ? [
            { text: '闭会后更正记录', fontSize: 13, margin: [0, 4, 0, 4] },
            { ul: m.corrections.map((c) => `${chinaDate(c.createdAt)}：${c.text}`), margin: [0, 0, 0, 10] },
          ]
        : []),
      { text: `签到名单（${names.length} 人）`, fontSize: 13, margin: [0, 4, 0, 4] },
      { text: names.join('、') || '—', fontSize: 9, margin: [0, 0, 0, 16] },
      signLine('主持人'),
      signLine('记录人'),
      signLine('监督人'),
    ],
  };
  return renderPdf(doc, font);
}
