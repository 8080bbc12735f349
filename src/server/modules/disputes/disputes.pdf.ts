import { chinaDate } from '../../../shared/chinaTime';
import type { ActorCtx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { cjkFont, renderPdf } from '../../platform/pdf';
import { unitNames } from '../org/org.api';
import { auditDispute } from './disputes.audit';
import { bodyById, membersByIds, partiesOf } from './disputes.repository';
import { findOrThrow } from './disputes.usecases';

const ROLE = { applicant: '申请人', respondent: '被申请人', third: '第三人' } as const;
const GENDER: Record<string, string> = { female: '女', male: '男' };

interface Agreement {
  facts: string;
  matters: string;
  content: string;
  performanceManner: string;
  performanceDeadline: string;
}

const dateText = (day: string) =>
  `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/**
 * The people's mediation agreement as a PDF (R-LAW-MD-2): the parties' basic information (decrypted, so
 * it needs `disputes.reveal` over the case and is audited like a reveal), the facts, the disputed matters
 * and responsibilities, the agreed content, the manner and deadline of performance, the effective date,
 * signature lines for each party and the mediator, the committee's seal, and one copy per party plus
 * one kept by the committee (each copy a page, marked). Free of charge (R-LAW-MD-1). 404 outside scope;
 * 409 before an agreement has taken effect.
 */
export async function agreementPdf(ctx: ActorCtx, id: string): Promise<{ number: string; pdf: Buffer }> {
  const d = await findOrThrow(ctx, id, 'reveal');
  const a = d.agreement as Agreement | null;
  const effectiveAt = d.agreementEffectiveAt;
  if (!a || !effectiveAt) throw new AppError('disputes.no_agreement', 409);
  const font = cjkFont();
  if (!font) throw new AppError('disputes.font_missing', 503);
  const parties = await partiesOf(ctx.db, [d.id]);
  const residence = await unitNames(
    ctx.db,
    parties.flatMap((p) => (p.residenceUnitId ? [p.residenceUnitId] : [])),
  );
  const mediators = await membersByIds(ctx.db, d.mediatorIds);
  const committee = (d.bodyId ? (await bodyById(ctx.db, d.bodyId))?.name : null) ?? '';
  const people = parties.map((p) => ({
    role: ROLE[p.role as keyof typeof ROLE] ?? p.role,
    name: ctx.pii.decrypt(p.nameEnc),
    gender: p.gender ? (GENDER[p.gender] ?? '') : '',
    idNumber: p.idNumberEnc ? ctx.pii.decrypt(p.idNumberEnc) : '',
    phone: p.phoneEnc ? ctx.pii.decrypt(p.phoneEnc) : '',
    residence: (p.residenceUnitId ? residence.get(p.residenceUnitId) : null) ?? p.residence ?? '',
  }));
  await auditDispute(ctx.db, ctx, d, 'disputes.agreement_pdf', { parties: parties.length });

  const copies = parties.length + 1;
  const line = (label: string) => ({
    columns: [
      { text: label, width: 170 },
      { canvas: [{ type: 'line', x1: 0, y1: 14, x2: 160, y2: 14, lineWidth: 0.7 }] },
    ],
    margin: [0, 12, 0, 0],
  });
  const section = (title: string, body: string) => [
    { text: title, bold: true, margin: [0, 10, 0, 2] },
    { text: body },
  ];
  const page = (n: number) => [
    { text: `${committee}`, fontSize: 14, alignment: 'center' },
    { text: '人民调解协议书', fontSize: 18, alignment: 'center', margin: [0, 2, 0, 4] },
    {
      columns: [
        { text: `编号：${d.number}`, fontSize: 9 },
        {
          text: `共${copies}份 第${n}份（${n <= people.length ? `${people[n - 1]!.role}${people[n - 1]!.name}执` : '调解委员会存档'}）`,
          fontSize: 9,
          alignment: 'right',
        },
      ],
      margin: [0, 0, 0, 8],
    },
    { text: '当事人基本情况', bold: true, margin: [0, 4, 0, 2] },
    ...people.map((p) => ({
      text: `${p.role}：${p.name}${p.gender ? `，${p.gender}` : ''}${p.idNumber ? `，身份证号码${p.idNumber}` : ''}${p.residence ? `，住${p.residence}` : ''}${p.phone ? `，联系电话${p.phone}` : ''}`,
    })),
    ...section('纠纷主要事实', a.facts),
    ...section('争议事项及各方责任', a.matters),
    ...section('经调解，当事人自愿达成如下协议', a.content),
    ...section('履行方式、期限', `${a.performanceManner}；履行期限：${dateText(a.performanceDeadline)}前。`),
    {
      text:
        '本协议经各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效，对当事人具有法律约束力，当事人应当按照约定履行。' +
        '当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。人民调解不收取任何费用。' +
        `本协议一式${copies}份，当事人各执一份，人民调解委员会留存一份。`,
      margin: [0, 10, 0, 0],
      fontSize: 10,
    },
    ...people.map((p) => line(`${p.role}（签名、盖章或按指印）：`)),
    line(`人民调解员（签名）：${mediators.map((m) => m.name).join('、')}`),
    { text: `${committee}（印章）`, alignment: 'right', margin: [0, 24, 0, 0] },
    { text: dateText(chinaDate(effectiveAt)), alignment: 'right' },
  ];
  const doc = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title: `人民调解协议书 ${d.number}`, author: committee },
    defaultStyle: { font: 'CJK', fontSize: 11, lineHeight: 1.4 },
    content: Array.from({ length: copies }, (_, i) => [
      ...page(i + 1),
      ...(i + 1 < copies ? [{ text: '', pageBreak: 'after' }] : []),
    ]).flat(),
  };
  return { number: d.number, pdf: await renderPdf(doc, font) };
}
