import { chinaDayStart } from '../../../shared/chinaTime';
import { and, asc, eq, ne } from 'drizzle-orm';
import { type EvidenceSource, onlyRef, underPath } from '../../platform/evidence';
import { fcFacilities as f, fcKinds as k } from './facilities.table';

/** Assessment evidence: the facilities registered in the community (in use or being built). */
export const facilitiesEvidence: EvidenceSource[] = [
  {
    key: 'facilities.registry',
    label: { 'zh-CN': '社区设施', en: 'Community facilities' },
    async find(db, q, limit) {
      const rows = await db
        .select({
          id: f.id,
          name: f.name,
          kindZh: k.nameZh,
          kindEn: k.nameEn,
          area: f.areaM2,
          status: f.status,
          builtOn: f.builtOn,
        })
        .from(f)
        .leftJoin(k, eq(k.key, f.kind))
        .where(and(underPath(f.orgPath, q.orgPath), ne(f.status, 'closed'), onlyRef(f.id, q.ref)))
        .orderBy(asc(k.sort), asc(f.name))
        .limit(limit);
      const en = q.locale === 'en';
      return rows.map((r) => ({
        ref: r.id,
        title: r.name,
        date: r.builtOn ? chinaDayStart(r.builtOn) : null,
        detail: [
          en ? r.kindEn : r.kindZh,
          r.area ? (en ? `${r.area} m²` : `${r.area}平方米`) : null,
          r.status === 'in_use' ? null : en ? 'not yet in use' : '未投用',
        ]
          .filter(Boolean)
          .join(en ? ', ' : '，'),
      }));
    },
  },
];
