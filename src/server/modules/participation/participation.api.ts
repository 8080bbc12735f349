/**
 * What other modules may call of the participation module (DESIGN boundaries): functions, never tables.
 */
import { writeAudit } from '../../platform/audit';
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
  await writeAudit(tx, ctx, {
    action: 'participation.convention.rates',
    entityType: 'pt_convention',
    entityId: c.id,
    orgPath: c.orgPath,
    after: { awareness: c.awarenessPermille, compliance: c.compliancePermille, source: rates.source },
  });
  return true;
}
export { createDisclosure } from './disclosures.usecases';
