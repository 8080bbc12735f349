import { chinaDate } from '../../../shared/chinaTime';
import {
  type DsIncidentKind,
  incidentCountsUntil,
  incidentWindowStart,
} from '../../../shared/contracts/disputes';
import type { Locale } from '../../../shared/i18n/errors';
import type { EvidenceSource } from '../../platform/evidence';
import { incidentsForEvidence } from './disputes.incidents.repository';

/** The incident kinds in seed 004's words (Ⅱ-4) and in English: the evidence titles and the export's column. */
export const INCIDENT_KIND_LABELS: Record<DsIncidentKind, Record<Locale, string>> = {
  major_criminal_case: { 'zh-CN': '重大刑事案件', en: 'Major criminal case' },
  mass_incident: { 'zh-CN': '群体性事件', en: 'Mass incident' },
  leapfrog_petition: { 'zh-CN': '越级上访', en: 'Petition bypassing levels' },
  abnormal_petition: { 'zh-CN': '非正常上访', en: 'Abnormal petition' },
  cult_activity: { 'zh-CN': '邪教组织活动', en: 'Cult activity' },
  pyramid_selling: { 'zh-CN': '传销组织', en: 'Pyramid-selling organisation' },
  porn_gambling_drugs: { 'zh-CN': '黄赌毒现象', en: 'Pornography, gambling or drugs' },
};

/** The ref of the one record a community without incidents offers: the window it was clear in. */
const CLEAR = 'clear';

/**
 * Assessment evidence for Zhoushan Ⅱ-4 item 4 (社区两年内无重大刑事案件……, S004-36): the community's register of
 * serious incidents over the two years up to the last day of the round's period (its 31 December). Without
 * any, one record says so with the window; otherwise each incident in the window is a record (kind, place,
 * day and until when it counts), so the assessor sees exactly what stands against the item.
 */
export const disputesEvidence: EvidenceSource[] = [
  {
    key: 'disputes.incidents',
    label: { 'zh-CN': '社区重大事件登记（两年内）', en: 'Serious incidents register (two years)' },
    async find(db, q, limit) {
      const to = chinaDate(new Date(q.to.getTime() - 1));
      const from = incidentWindowStart(to);
      const en = q.locale === 'en';
      // Re-reading the 'clear' record asks whether any incident is in the window; an incident's ref, that one.
      const ref = q.ref === CLEAR ? undefined : q.ref;
      const rows = await incidentsForEvidence(db, { orgPath: q.orgPath, ref }, from, to, limit);
      if (rows.length === 0) {
        if (ref !== undefined) return [];
        return [
          {
            ref: CLEAR,
            title: en
              ? `No listed incident in the two years ${from} – ${to}`
              : `近两年（${from}至${to}）无所列重大事件`,
            detail: en
              ? 'No major criminal case, mass incident, petition bypassing levels or abnormal petition, cult activity, pyramid selling, pornography, gambling or drugs recorded'
              : '未登记重大刑事案件、群体性事件、越级上访、非正常上访、邪教组织活动、传销组织、黄赌毒现象',
          },
        ];
      }
      if (q.ref === CLEAR) return [];
      return rows.map((r) => {
        const kind = INCIDENT_KIND_LABELS[r.kind as DsIncidentKind]?.[q.locale] ?? r.kind;
        const until = incidentCountsUntil(r.occurredOn);
        return {
          ref: r.id,
          title: en ? `${kind} (${r.place})` : `${kind}（${r.place}）`,
          date: new Date(`${r.occurredOn}T00:00:00+08:00`),
          detail: en ? `counts until ${until}` : `计入至${until}`,
        };
      });
    },
  },
];
