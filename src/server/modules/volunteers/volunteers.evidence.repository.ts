import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { type EvidenceSource, onlyRef, underPath } from '../../platform/evidence';
import { volunteerActivities as a, volunteerHours as h, volunteers as v } from './volunteers.table';

const hoursText = (minutes: number) => `${Math.round(minutes / 6) / 10}`;

/** Assessment evidence: registered volunteers and service hours, and the activities held, over the period. */
export const volunteersEvidence: EvidenceSource[] = [
  {
    key: 'volunteers.service',
    label: { 'zh-CN': '志愿服务情况', en: 'Volunteer service' },
    async find(db, q) {
      const [count] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(v)
        .where(and(underPath(v.orgPath, q.orgPath), eq(v.status, 'active')));
      const [hours] = await db
        .select({
          minutes: sql<number>`coalesce(sum(${h.minutes}), 0)::int`,
          people: sql<number>`count(distinct ${h.volunteerId})::int`,
        })
        .from(h)
        .where(and(underPath(h.orgPath, q.orgPath), gte(h.occurredAt, q.from), lt(h.occurredAt, q.to)));
      if (!count?.n && !hours?.minutes) return [];
      const en = q.locale === 'en';
      return [
        {
          ref: 'service',
          title: en ? 'Registered volunteers and hours' : '注册志愿者与服务时长',
          detail: en
            ? `${count?.n ?? 0} volunteers registered; ${hoursText(hours?.minutes ?? 0)} hours by ${hours?.people ?? 0} volunteers in the period`
            : `注册志愿者${count?.n ?? 0}人；期内${hours?.people ?? 0}人服务${hoursText(hours?.minutes ?? 0)}小时`,
        },
      ];
    },
  },
  {
    key: 'volunteers.activities',
    label: { 'zh-CN': '志愿服务活动', en: 'Volunteer activities' },
    async find(db, q, limit) {
      const rows = await db
        .select({ id: a.id, title: a.title, startsAt: a.startsAt, place: a.place, signups: a.signupCount })
        .from(a)
        .where(
          and(
            underPath(a.orgPath, q.orgPath),
            eq(a.status, 'open'),
            gte(a.startsAt, q.from),
            lt(a.startsAt, q.to),
            onlyRef(a.id, q.ref),
          ),
        )
        .orderBy(desc(a.startsAt))
        .limit(limit);
      return rows.map((r) => ({
        ref: r.id,
        title: r.title,
        date: r.startsAt,
        detail: q.locale === 'en' ? `${r.place}, ${r.signups} signed up` : `${r.place}，报名${r.signups}人`,
      }));
    },
  },
];
