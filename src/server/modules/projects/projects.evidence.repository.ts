import { and, desc, gte, inArray, lt, sql } from 'drizzle-orm';
import { type EvidenceSource, onlyRef, underPath } from '../../platform/evidence';
import { pjApplications as a, pjReports as r } from './projects.table';

const STATE: Record<string, { 'zh-CN': string; en: string }> = {
  approved: { 'zh-CN': '街道已审核', en: 'approved by the subdistrict' },
  submitted: { 'zh-CN': '已报送', en: 'submitted' },
  selected: { 'zh-CN': '已入选', en: 'selected' },
  not_selected: { 'zh-CN': '未入选', en: 'not selected' },
};

/** Assessment evidence: the community's co-building projects of the period and their progress reports filed. */
export const projectsEvidence: EvidenceSource[] = [
  {
    key: 'projects.applications',
    label: { 'zh-CN': '共建项目', en: 'Co-building projects' },
    async find(db, q, limit) {
      const rows = await db
        .select({
          id: a.id,
          number: a.number,
          title: a.title,
          state: a.state,
          budget: a.budgetTotalFen,
          createdAt: a.createdAt,
          reports: sql<number>`(select count(*)::int from ${r} where ${r.applicationId} = ${a.id} and ${r.state} = 'filed')`,
        })
        .from(a)
        .where(
          and(
            underPath(a.orgPath, q.orgPath),
            inArray(a.state, Object.keys(STATE)),
            gte(a.createdAt, q.from),
            lt(a.createdAt, q.to),
            onlyRef(a.id, q.ref),
          ),
        )
        .orderBy(desc(a.createdAt))
        .limit(limit);
      const en = q.locale === 'en';
      return rows.map((x) => ({
        ref: x.id,
        title: `${x.title}（${x.number}）`,
        date: x.createdAt,
        detail: en
          ? `${STATE[x.state]?.en}, budget ${(x.budget / 100).toFixed(2)} yuan, ${x.reports} progress reports`
          : `${STATE[x.state]?.['zh-CN']}，预算${(x.budget / 100).toFixed(2)}元，进度报告${x.reports}份`,
      }));
    },
  },
];
