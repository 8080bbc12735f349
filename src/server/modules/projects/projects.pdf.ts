import { chinaDate } from '../../../shared/chinaTime';
import type { ApplicationDetailDto } from '../../../shared/contracts/projects';
import { AppError } from '../../platform/errors';
import { cjkFont, renderPdf } from '../../platform/pdf';

const FUNDING_ZH: Record<string, string> = {
  city: '市级财政补助',
  subdistrict: '街道（镇）补助',
  donation: '慈善捐赠',
  foundation: '社区基金会',
  resident_unit: '驻区单位支持',
  self: '自筹',
  other: '其他',
};
const CONSULTATION_ZH: Record<string, string> = {
  meeting: '居民（代表）会议',
  survey: '问卷调查',
  minutes: '议事协商纪要',
};
/** The application states' Chinese names (the form PDF, the applications export). */
export const STATE_ZH: Record<string, string> = {
  draft: '草稿',
  pending_review: '待街道审核',
  returned: '已退回',
  approved: '街道已审核',
  submitted: '已报送',
  selected: '已入选',
  not_selected: '未入选',
};

const yuan = (fen: number) =>
  `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

/**
 * The application form (申报表, seed 000 四.1) as a PDF with the CJK font (issue 11 §8): applicant,
 * type, targets, the residents' consultation it rests on, budget lines and funding sources (yuan from
 * integer fen, totals), and the subdistrict's review and seal. A form not yet sealed says so.
 */
export async function applicationFormPdf(a: ApplicationDetailDto, callTitle: string): Promise<Buffer> {
  const font = cjkFont();
  if (!font) throw new AppError('projects.font_missing', 503);
  const cell = (text: string, bold = false) => ({ text, bold });
  const kv = (k: string, v: string) => [cell(k, true), v || '—'];
  const table = (widths: (number | string)[], body: unknown[][], headerRows = 0) => ({
    table: { headerRows, widths, body },
    fontSize: 10,
    margin: [0, 0, 0, 10],
  });
  const doc = {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 48],
    info: { title: `${a.orgUnitName ?? ''}${a.title}申报表` },
    defaultStyle: { font: 'CJK', fontSize: 10.5, lineHeight: 1.3 },
    content: [
      { text: callTitle, fontSize: 12, alignment: 'center' },
      { text: '项目申报表', fontSize: 17, alignment: 'center', margin: [0, 4, 0, 12] },
      table(
        [90, '*', 90, '*'],
        [
          [...kv('申报编号', a.number), ...kv('申报状态', STATE_ZH[a.state] ?? a.state)],
          [...kv('申报单位', a.orgUnitName ?? ''), ...kv('所属街道（镇）', a.subdistrictName ?? '')],
          [...kv('项目类型', a.typeName), ...kv('申报截止', chinaDate(a.submitDueAt))],
          [cell('项目名称', true), { text: a.title, colSpan: 3 }, '', ''],
          [cell('项目简介', true), { text: a.summary || '—', colSpan: 3 }, '', ''],
        ],
      ),
      { text: '一、目标计划', fontSize: 12, bold: true, margin: [0, 4, 0, 4] },
      a.targets.length ? { ol: a.targets, margin: [0, 0, 0, 10] } : { text: '—', margin: [0, 0, 0, 10] },
      { text: '二、征求居民意见情况', fontSize: 12, bold: true, margin: [0, 4, 0, 4] },
      table(
        [90, '*'],
        [
          kv('方式', a.consultationKind ? (CONSULTATION_ZH[a.consultationKind] ?? '') : ''),
          kv('日期', a.consultationDate ?? ''),
          kv('情况说明', a.consultationNote ?? ''),
        ],
      ),
      { text: '三、经费预算（元）', fontSize: 12, bold: true, margin: [0, 4, 0, 4] },
      table(
        ['*', 90, 140],
        [
          [cell('支出项目', true), cell('金额', true), cell('说明', true)],
          ...a.budgetLines.map((l) => [
            l.item,
            { text: yuan(l.amountFen), alignment: 'right' },
            l.note ?? '',
          ]),
          [cell('合计', true), { text: yuan(a.budgetTotalFen), alignment: 'right', bold: true }, ''],
        ],
        1,
      ),
      { text: '四、资金来源（元）', fontSize: 12, bold: true, margin: [0, 4, 0, 4] },
      table(
        ['*', 140],
        [
          [cell('来源', true), cell('金额', true)],
          ...a.funding.map((f) => [
            FUNDING_ZH[f.source] ?? f.source,
            { text: yuan(f.amountFen), alignment: 'right' },
          ]),
          [cell('合计', true), { text: yuan(a.fundingTotalFen), alignment: 'right', bold: true }],
        ],
        1,
      ),
      { text: '五、街道（镇）审核意见', fontSize: 12, bold: true, margin: [0, 4, 0, 4] },
      table(
        [90, '*'],
        [
          kv('审核意见', a.reviewComment ?? ''),
          kv(
            '盖章',
            a.sealedAt
              ? `已盖章（用印编号 ${a.sealNo ?? ''}，${chinaDate(a.sealedAt)}${a.sealedByName ? `，经办人 ${a.sealedByName}` : ''}）`
              : '尚未盖章',
          ),
          kv('报送日期', a.submittedAt ? chinaDate(a.submittedAt) : ''),
        ],
      ),
    ],
  };
  return renderPdf(doc, font);
}

/** The sections of the plan template (项目方案书): what seed 000 asks a plan to make specific. */
const PLAN_SECTIONS = [
  '一、项目背景与居民需求（征求居民意见情况）',
  '二、项目目标（具体、可检查）',
  '三、实施内容与进度安排（分月计划）',
  '四、居民参与与社会参与方式',
  '五、经费预算与资金来源',
  '六、预期成效与可推广的社区工作法',
];

/**
 * A blank template of a document the call asks for (issue 11 §1), for download from the call: the
 * application form's fields, the plan's sections, or for any other configured document its name and
 * the call's deadline. Dates come from the call, never fixed.
 */
export async function documentTemplatePdf(
  call: { title: string; applicationDue: string },
  document: { key: string; name: string },
): Promise<Buffer> {
  const font = cjkFont();
  if (!font) throw new AppError('projects.font_missing', 503);
  const blank = (k: string) => [{ text: k, bold: true }, ''];
  const table = (widths: (number | string)[], body: unknown[][]) => ({
    table: { widths, body, heights: 22 },
    fontSize: 10,
    margin: [0, 0, 0, 10],
  });
  const body =
    document.key === 'application_form'
      ? [
          table(
            [90, '*', 90, '*'],
            [
              [...blank('申报单位'), ...blank('所属街道（镇）')],
              [...blank('项目类型'), ...blank('联系人及电话')],
              [{ text: '项目名称', bold: true }, { text: '', colSpan: 3 }, '', ''],
              [{ text: '项目简介', bold: true }, { text: '\n\n\n', colSpan: 3 }, '', ''],
              [{ text: '目标计划', bold: true }, { text: '\n\n\n', colSpan: 3 }, '', ''],
              [{ text: '征求居民意见情况', bold: true }, { text: '\n\n', colSpan: 3 }, '', ''],
              [{ text: '经费预算（元）', bold: true }, { text: '\n\n', colSpan: 3 }, '', ''],
              [{ text: '资金来源（元）', bold: true }, { text: '\n\n', colSpan: 3 }, '', ''],
              [
                { text: '街道（镇）审核意见', bold: true },
                { text: '\n\n（盖章）          年    月    日', colSpan: 3, alignment: 'right' },
                '',
                '',
              ],
            ],
          ),
        ]
      : document.key === 'project_plan'
        ? PLAN_SECTIONS.map((s) => ({ text: `${s}\n\n\n\n`, fontSize: 11 }))
        : [{ text: `请按申报通知要求编写“${document.name}”。`, margin: [0, 0, 0, 10] }];
  const doc = {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 48],
    info: { title: `${document.name}（模板）` },
    defaultStyle: { font: 'CJK', fontSize: 10.5, lineHeight: 1.3 },
    content: [
      { text: call.title, fontSize: 12, alignment: 'center' },
      { text: document.name, fontSize: 17, alignment: 'center', margin: [0, 4, 0, 4] },
      {
        text: `经街道（镇）审核盖章后，于${call.applicationDue}前报送。`,
        fontSize: 9,
        alignment: 'center',
        margin: [0, 0, 0, 12],
      },
      ...body,
    ],
  };
  return renderPdf(doc, font);
}
