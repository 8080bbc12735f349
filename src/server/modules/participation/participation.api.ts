/**
 * What other modules may call of the participation module (DESIGN boundaries): functions, never tables.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { auditRecord } from '../../platform/recordAudit';
import { underPath } from '../../platform/permissions';
import { ptMeetings, ptTopics } from './participation.table';
import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { writeRates } from './councils.repository';

export { publishedConventionsOf } from './councils.repository';

/**
 * THE HOOK for surveys (R-DL-6): the surveys module calls this, inside its own transaction, when a survey
 * on a convention closes, with the awareness (知晓率) and compliance (执行率) rates it measured, in per mille
 * (0–1000; null = not asked). `source` names the survey as residents should read it ("2026年公约知晓率调查").
 * Returns false when the convention does not exist. Audited as participation.convention.rates.
 */
export async function setConventionRates(
  tx: Db,
  ctx: UseCaseCtx,
  conventionId: string,
  rates: { awarenessPermille: number | null; compliancePermille: number | null; source: string },
): Promise<boolean> {
  const clamp = (n: number | null) => (n === null ? null : Math.max(0, Math.min(1000, Math.round(n))));
  const c = await writeRates(tx, conventionId, {
    awarenessPermille: clamp(rates.awarenessPermille),
    compliancePermille: clamp(rates.compliancePermille),
    ratesSource: rates.source,
    ratesAt: ctx.clock.now(),
  });
  if (!c) return false;
  await auditRecord(tx, ctx, c, {
    action: 'participation.convention.rates',
    entityType: 'pt_convention',
    after: { awareness: c.awarenessPermille, compliance: c.compliancePermille, source: rates.source },
  });
  return true;
}
export { createDisclosure } from './disclosures.usecases';

/**
 * A consultation record another module may rest on (projects, R-PJ-2 "after consulting residents"): a
 * closed meeting, or a deliberation topic past its consultation step, held at or under `underPath` (the
 * applying community). `consultationRecords` lists them (newest first) for a picker; `consultationRecord`
 * checks one; both answer nothing for records elsewhere or not yet held.
 */
export type ConsultationRecord = {
  kind: 'meeting' | 'topic';
  id: string;
  title: string;
  orgPath: string;
  date: string | null;
};
const CONSULTED_TOPIC_STATES = ['consulted', 'implemented', 'reported'];
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export async function consultationRecords(db: Db, underPathOf: string): Promise<ConsultationRecord[]> {
  const [meetings, topics] = await Promise.all([
    db
      .select({
        id: ptMeetings.id,
        title: ptMeetings.title,
        orgPath: ptMeetings.orgPath,
        at: ptMeetings.heldAt,
      })
      .from(ptMeetings)
      .where(and(underPath(ptMeetings.orgPath, underPathOf), eq(ptMeetings.status, 'closed')))
      .orderBy(desc(ptMeetings.heldAt))
      .limit(100),
    db
      .select({ id: ptTopics.id, title: ptTopics.title, orgPath: ptTopics.orgPath, at: ptTopics.updatedAt })
      .from(ptTopics)
      .where(and(underPath(ptTopics.orgPath, underPathOf), inArray(ptTopics.state, CONSULTED_TOPIC_STATES)))
      .orderBy(desc(ptTopics.updatedAt))
      .limit(100),
  ]);
  return [
    ...meetings.map((m) => ({
      kind: 'meeting' as const,
      id: m.id,
      title: m.title,
      orgPath: m.orgPath,
      date: chinaDay(m.at),
    })),
    ...topics.map((m) => ({
      kind: 'topic' as const,
      id: m.id,
      title: m.title,
      orgPath: m.orgPath,
      date: chinaDay(m.at),
    })),
  ];
}

export async function consultationRecord(
  db: Db,
  kind: 'meeting' | 'topic',
  id: string,
  underPathOf: string,
): Promise<ConsultationRecord | undefined> {
  const all = await consultationRecords(db, underPathOf);
  return all.find((r) => r.kind === kind && r.id === id);
}
