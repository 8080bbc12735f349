import { starsOf } from '../../../shared/contracts/volunteers';
import type { ActorCtx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { cjkFont, renderPdf } from '../../platform/pdf';
import { unitById } from '../org/org.api';
import { audited } from '../../platform/auditedEntity';
import { chinaDate } from './volunteers.common';
import { hoursByActivityType, insertCertificate, recentActivityHours } from './activities.repository';
import type { VolunteerRow } from './volunteers.repository';

const auditVolunteer = audited('volunteer');

export { cjkFont };

const TYPE_ZH: Record<string, string> = {
  elderly_care: '助老服务',
  environment: '环境保护',
  neighbour_help: '邻里互助',
  emergency: '应急救援',
  culture: '文化活动',
  other: '其他服务',
};

const hoursText = (minutes: number) => (minutes / 60).toFixed(1).replace(/\.0$/, '');

/**
 * A free service certificate (R-LAW-VL-1) with the volunteer, cumulative confirmed hours, star level
 * (R-LAW-VL-2), a summary of activities by type, the issuing community, a number and the date.
 * Each issue is registered (volunteer_certificates) and audited.
 */
export async function issueCertificate(
  ctx: ActorCtx,
  v: VolunteerRow,
): Promise<{ number: string; pdf: Buffer }> {
  const font = cjkFont();
  if (!font) throw new AppError('volunteers.font_missing', 503);
  const byType = await hoursByActivityType(ctx.db, v.id);
  const minutes = Math.max(
    0,
    byType.reduce((s, r) => s + Number(r.minutes), 0),
  );
  const recent = await recentActivityHours(ctx.db, v.id, 8);
  const community = await unitById(ctx.db, v.communityId);
  const stars = starsOf(minutes);
  const now = ctx.clock.now();
  const day = chinaDate(now);
  const result = await ctx.db.transaction(async (tx) => {
    const id = ctx.ids();
    const number = await insertCertificate(tx, day, {
      id,
      volunteerId: v.id,
      minutes,
      stars,
      communityId: v.communityId,
      issuedBy: ctx.actor.userId,
      issuedAt: now,
    });
    await auditVolunteer(tx, ctx, 'volunteers.certificate', v.id, v, {
      after: { number, minutes, stars },
    });
    return number;
  });
  const [y, m, d] = day.split('-');
  const doc = {
    pageSize: 'A4',
    pageMargins: [60, 60, 60, 60],
    info: { title: `志愿服务证明 ${result}`, author: community?.name ?? '', subject: v.name },
    defaultStyle: { font: 'CJK', fontSize: 12, lineHeight: 1.4 },
    content: [
      { text: '志愿服务证明', fontSize: 26, alignment: 'center', margin: [0, 10, 0, 4] },
      { text: 'Certificate of Volunteer Service', fontSize: 11, alignment: 'center', color: '#666' },
      { text: `证书编号：${result}`, alignment: 'right', fontSize: 10, margin: [0, 18, 0, 12] },
      {
        text: [
          '兹证明 ',
          { text: v.name, fontSize: 16 },
          ` 同志自参加志愿服务以来，经${community?.name ?? '本社区'}记录并确认的志愿服务时长累计 `,
          { text: hoursText(minutes), fontSize: 16 },
          ' 小时,',
          stars > 0
            ? `达到${'一二三四五'[stars - 1]}星级志愿者标准。`
            : '尚未达到一星级志愿者标准(100小时)。',
        ],
        margin: [0, 0, 0, 14],
      },
      {
        table: {
          widths: ['*', 90, 90],
          body: [
            ['服务类别', '活动次数', '时长(小时)'],
            ...byType
              .filter((r) => Number(r.minutes) !== 0)
              .map((r) => [TYPE_ZH[r.type] ?? r.type, String(r.activities), hoursText(Number(r.minutes))]),
            ['合计', '', hoursText(minutes)],
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 14],
      },
      recent.length
        ? {
            stack: [
              { text: '近期服务记录', fontSize: 13, margin: [0, 0, 0, 4] },
              {
                ul: recent.map((r) => `${chinaDate(r.at)}  ${r.title}  ${hoursText(r.minutes)} 小时`),
                fontSize: 10,
              },
            ],
            margin: [0, 0, 0, 14],
          }
        : { text: '' },
      {
        text: '星级标准(累计服务时长):一星 100 小时、二星 300 小时、三星 600 小时、四星 1000 小时、五星 1500 小时。本证明免费出具。',
        fontSize: 9,
        color: '#666',
        margin: [0, 6, 0, 30],
      },
      { text: `出具单位：${community?.name ?? ''}(盖章)`, alignment: 'right', margin: [0, 20, 0, 4] },
      { text: `${y}年${Number(m)}月${Number(d)}日`, alignment: 'right' },
    ],
  };
  return { number: result, pdf: await renderPdf(doc, font) };
}
