/**
 * What other modules may call of the certificates module (DESIGN boundaries): functions, never tables.
 */
import { chinaDate } from '../../../shared/chinaTime';
import { auditRecord } from '../../platform/recordAudit';
import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { countNumbered, insertSeal } from './certificates.repository';

/**
 * Records a use of a unit's official seal in its seal log (用印登记, R-AC-2) inside the caller's transaction —
 * e.g. a subdistrict sealing a project application (projects, R-PJ-2). Numbered like every seal use of the
 * unit (`YY<year>-0001`, per unit and year), approved by the actor, audited as `certificates.seal.use`.
 */
export async function recordSealUseFor(
  tx: Db,
  ctx: UseCaseCtx,
  use: {
    orgUnitId: string;
    orgPath: string;
    document: string;
    purpose: string;
    legalBasis?: string | null;
    requester: string;
  },
): Promise<{ id: string; number: string }> {
  const now = ctx.clock.now();
  const prefix = `YY${chinaDate(now).slice(0, 4)}-`;
  const n = await countNumbered(tx, 'seal', use.orgUnitId, prefix);
  const s = await insertSeal(tx, {
    id: ctx.ids(),
    number: `${prefix}${String(n + 1).padStart(4, '0')}`,
    orgUnitId: use.orgUnitId,
    orgPath: use.orgPath,
    document: use.document,
    purpose: use.purpose,
    legalBasis: use.legalBasis ?? null,
    requester: use.requester,
    jointLiability: false,
    status: 'used',
    refusalCode: null,
    approverId: ctx.actor?.userId ?? null,
    approverName: ctx.actor?.displayName ?? null,
    usedAt: now,
  });
  await auditRecord(tx, ctx, s, {
    action: 'certificates.seal.use',
    entityType: 'seal_use',
    after: { number: s.number, document: s.document },
  });
  return { id: s.id, number: s.number! };
}
