import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { unitById } from '../org/org.api';
import { insertHourOnce } from './activities.repository';
import { volunteerRowById } from './volunteers.repository';

export interface ServiceHoursInput {
  volunteerId: string;
  /** Served minutes (positive), or a negative correction of an earlier posting of the same source. */
  minutes: number;
  /** The ledger's activity type (elderly_care, neighbour_help, …). */
  activityType: string;
  sourceType: 'service_order' | 'duty';
  /** The service order (or duty shift) id; with sourceType, posted once: a replay changes nothing. */
  sourceId: string;
  /** The community that certifies the hours (R-LAW-VL-1). */
  communityUnitId: string;
  occurredAt: Date;
  reason?: string;
}

/**
 * For other modules (service orders, duty rota): records confirmed service hours in the volunteer's
 * append-only hour entries (kind 'service'), so cumulative hours, star levels (R-LAW-VL-2) and the
 * certificate count them. Call it in the same transaction as creditService; the caller audits.
 * Returns false when this source was already recorded.
 */
export async function recordServiceHours(
  tx: Db,
  ctx: UseCaseCtx,
  input: ServiceHoursInput,
): Promise<boolean> {
  if (!Number.isSafeInteger(input.minutes) || input.minutes === 0)
    throw new AppError(
      'common.validation',
      422,
      {},
      { fields: [{ path: 'minutes', code: 'volunteers.minutes' }] },
    );
  const v = await volunteerRowById(tx, input.volunteerId);
  if (!v) throw new AppError('volunteers.volunteer_not_found', 404);
  const c = await unitById(tx, input.communityUnitId);
  if (!c) throw new AppError('common.not_found', 404);
  const now = ctx.clock.now();
  return insertHourOnce(tx, {
    id: ctx.ids(),
    volunteerId: input.volunteerId,
    kind: 'service',
    minutes: input.minutes,
    activityType: input.activityType,
    reason: input.reason ?? null,
    communityId: c.id,
    orgPath: c.path,
    occurredAt: input.occurredAt,
    createdBy: ctx.actor?.userId ?? null,
    createdByName: ctx.actor?.displayName ?? null,
    createdAt: now,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
  });
}
