export { cjkFont, renderPdf } from '../../platform/pdf';

/** The certificate page: title, number, text, the clause it rests on, the community and a red seal mark. */
export function certificateDoc(c: {
  number: string;
  community: string;
  subjectName: string;
  content: string;
  purpose: string;
  clause: string;
  date: string;
}) {
  const [y, m, d] = c.date.split('-');
  return {
    pageSize: 'A4',
    pageMargins: [72, 72, 72, 72],
    defaultStyle: { font: 'CJK', fontSize: 13, lineHeight: 1.5 },
    content: [
      { text: '证　明', fontSize: 26, alignment: 'center', margin: [0, 0, 0, 8] },
      { text: `编号：${c.number}`, alignment: 'right', fontSize: 11, margin: [0, 0, 0, 24] },
      { text: `兹证明：${c.subjectName}，${c.content}`, margin: [0, 0, 0, 12] },
      { text: `特此证明。本证明用于：${c.purpose}。`, margin: [0, 0, 0, 12] },
      { text: `出具依据：${c.clause}`, fontSize: 11, color: '#555555', margin: [0, 0, 0, 48] },
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 200,
            stack: [
              {
                canvas: [
                  { type: 'ellipse', x: 100, y: 45, r1: 45, r2: 45, lineColor: '#d4282d', lineWidth: 2.5 },
                ],
              },
              {
                text: `${c.community}居民委员会`,
                color: '#d4282d',
                fontSize: 9,
                alignment: 'center',
                relativePosition: { x: 0, y: -58 },
              },
              {
                text: '★',
                color: '#d4282d',
                fontSize: 18,
                alignment: 'center',
                relativePosition: { x: 0, y: -50 },
              },
              { text: `${c.community}居民委员会`, alignment: 'center', margin: [0, 8, 0, 0] },
              { text: `${y}年${Number(m)}月${Number(d)}日`, alignment: 'center' },
            ],
          },
        ],
      },
    ],
  };
}
