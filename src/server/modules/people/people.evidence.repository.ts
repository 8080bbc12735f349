import { and, eq, sql } from 'drizzle-orm';
import { type EvidenceSource, onlyRef, underPath } from '../../platform/evidence';
import { socialOrgs as o, workers as w } from './people.table';

/** Assessment evidence: the community's workers by kind, and its registered social organisations. */
export const peopleEvidence: EvidenceSource[] = [
  {
    key: 'people.staffing',
    label: { 'zh-CN': '社区工作者配备', en: 'Community staffing' },
    async find(db, q) {
      const rows = await db
        .select({
          kind: w.kind,
          n: sql<number>`count(*)::int`,
          qualified: sql<number>`count(*) filter (where cardinality(${w.qualifications}) > 0)::int`,
        })
        .from(w)
        .where(and(underPath(w.orgPath, q.orgPath), eq(w.active, true)))
        .groupBy(w.kind);
      if (rows.length === 0) return [];
      const en = q.locale === 'en';
      const by = new Map(rows.map((r) => [r.kind, r]));
      const n = (k: string) => by.get(k)?.n ?? 0;
      const social = by.get('social_worker');
      return [
        {
          ref: 'staffing',
          title: en ? 'Workers in post' : '在岗工作力量',
          detail: en
            ? `${n('community_worker')} community workers, ${n('grid_worker')} grid workers, ${n('social_worker')} social workers (${social?.qualified ?? 0} qualified)`
            : `社区工作者${n('community_worker')}人，网格员${n('grid_worker')}人，社工${n('social_worker')}人（持证${social?.qualified ?? 0}人）`,
        },
      ];
    },
  },
  {
    key: 'people.social-orgs',
    label: { 'zh-CN': '社区社会组织', en: 'Community social organisations' },
    async find(db, q, limit) {
      const rows = await db
        .select({ id: o.id, name: o.name, registration: o.registration, members: o.memberCount })
        .from(o)
        .where(and(underPath(o.orgPath, q.orgPath), onlyRef(o.id, q.ref)))
        .orderBy(o.name)
        .limit(limit);
      const en = q.locale === 'en';
      return rows.map((r) => ({
        ref: r.id,
        title: r.name,
        detail:
          (r.registration === 'registered' ? (en ? 'registered' : '登记') : en ? 'filed' : '备案') +
          (en ? `, ${r.members} members` : `，成员${r.members}人`),
      }));
    },
  },
];
