import {
  DISCLOSURE_KIND_NAMES,
  type DisclosureKind,
  MATTER_CLASS_NAMES,
  type MatterClass,
  MEETING_KIND_NAMES,
  type MeetingKind,
  templateOf,
} from '../../../shared/contracts/participation';
import type { EvidenceSource } from '../../platform/evidence';
import { evidenceRowsInPeriod } from '../../platform/evidenceRows';
import { ptDisclosures as d, ptMeetings as m, ptProcedures as p } from './participation.table';

/** Assessment evidence: meetings held, 四议两公开 / 五议两公开 procedures run, and disclosures posted in the period. */
export const participationEvidence: EvidenceSource[] = [
  {
    key: 'participation.meetings',
    label: { 'zh-CN': '会议记录', en: 'Meetings' },
    async find(db, q, limit) {
      const rows = await evidenceRowsInPeriod(db, m, m.heldAt, q, limit);
      const en = q.locale === 'en';
      return rows.map((r) => {
        const kind = MEETING_KIND_NAMES[r.kind as MeetingKind]?.[q.locale] ?? '';
        const att =
          r.present == null
            ? ''
            : en
              ? `, ${r.present} of ${r.due} present`
              : `，到会${r.present}／应到${r.due}`;
        const valid =
          r.quorumMet == null
            ? ''
            : r.quorumMet
              ? en
                ? ', valid'
                : '，会议有效'
              : en
                ? ', quorum not met'
                : '，未达法定人数';
        return { ref: r.id, title: r.title, date: r.heldAt, detail: `${kind}${att}${valid}` };
      });
    },
  },
  {
    key: 'participation.procedures',
    label: { 'zh-CN': '重大事项决策程序', en: 'Major-matter procedures' },
    async find(db, q, limit) {
      const rows = await evidenceRowsInPeriod(db, p, p.createdAt, q, limit);
      const en = q.locale === 'en';
      return rows.map((r) => {
        const t = templateOf(r.template);
        const steps = t?.steps.length ?? 0;
        const done = r.status === 'done';
        // its “三重一大” class (seed 002, S002-05), when it has one
        const cls = r.matterClass ? MATTER_CLASS_NAMES[r.matterClass as MatterClass]?.[q.locale] : undefined;
        const tpl = `${t?.name[q.locale] ?? ''}${cls ? (en ? ` (${cls})` : `（${cls}）`) : ''}`;
        return {
          ref: r.id,
          title: r.title,
          date: r.createdAt,
          detail: `${tpl}${en ? (done ? ', completed' : `, step ${r.step + 1} of ${steps}`) : done ? '，已完成' : `，进行到第${r.step + 1}步（共${steps}步）`}`,
        };
      });
    },
  },
  {
    key: 'participation.disclosures',
    label: { 'zh-CN': '居（村）务公开', en: 'Public disclosures' },
    async find(db, q, limit) {
      const rows = await evidenceRowsInPeriod(db, d, d.postedAt, q, limit);
      return rows.map((r) => ({
        ref: r.id,
        title: r.title,
        date: r.postedAt,
        detail: DISCLOSURE_KIND_NAMES[r.kind as DisclosureKind]?.[q.locale] ?? '',
      }));
    },
  },
];
