import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { recordSealUseFor } from '../certificates/certificates.api';
import { unitsByIds } from '../org/org.api';
import { putSealLink } from './projects.links.repository';
import type { ApplicationRow } from './projects.repository';

/**
 * Seal via the seal log (issue 11 §3, R-PJ-2 + R-AC-2): sealing an application (approve-and-seal, seal)
 * records a use of the subdistrict's (town's) seal in the certificates module's seal log, in the same
 * transaction, and the application keeps that entry's id and number. Returns the seal-log number.
 */
export async function sealThroughLog(tx: Db, ctx: UseCaseCtx, a: ApplicationRow): Promise<string> {
  const units = await unitsByIds(tx, [a.subdistrictId, a.orgUnitId]);
  const sub = units.find((u) => u.id === a.subdistrictId);
  const community = units.find((u) => u.id === a.orgUnitId);
  const use = await recordSealUseFor(tx, ctx, {
    orgUnitId: a.subdistrictId,
    orgPath: sub?.path ?? a.orgPath,
    document: `共建共享社区治理项目申报表 ${a.number}（${a.title}）`,
    purpose: '项目申报审核盖章后报送市民政局',
    legalBasis: a.sealNo ?? null,
    requester: community?.name ?? a.title,
  });
  await putSealLink(tx, {
    applicationId: a.id,
    sealUseId: use.id,
    sealLogNo: use.number,
    at: ctx.clock.now(),
  });
  return use.number;
}
