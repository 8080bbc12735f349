import { chinaDate } from '../../../shared/chinaTime';
import { DISCLOSURE_KIND_NAMES, type DisclosureKind } from '../../../shared/contracts/participation';
import type { JobDeps } from '../../platform/module';
import { notify } from '../notifications/notifications.api';
import { unitNames } from '../org/org.api';
import { allSchedules, postedPeriods } from './disclosures.repository';
import { duePeriods } from './disclosures.usecases';

const DAY = 24 * 3_600_000;
/** Reminded this many days before a period is due, and once more the day after it passed unposted. */
export const REMIND_BEFORE_DAYS = 3;

const shift = (date: string, days: number) =>
  chinaDate(new Date(new Date(`${date}T12:00:00+08:00`).getTime() + days * DAY));

/**
 * The daily disclosure reminder (R-LAW-DC-1): for every unit's schedule, a period not yet posted is announced
 * to the unit's staff (participation.manage held at the unit) three days before it is due and once on the
 * day after it became overdue. Only those two days fire, so the daily job needs no claim table.
 */
export async function remindDisclosures(deps: JobDeps, today = chinaDate(deps.clock.now())) {
  const schedules = await allSchedules(deps.db);
  const soon = shift(today, REMIND_BEFORE_DAYS);
  const dayAfter = shift(today, -1);
  const wanted = schedules.flatMap((s) =>
    // periods whose due date is `soon` are not yet in duePeriods (it lists past ones): ask as of that day
    [
      ...duePeriods(s.frequency, shift(soon, 1))
        .filter((p) => p.dueOn === soon)
        .map((p) => ({ ...p, when: 'soon' as const })),
      ...duePeriods(s.frequency, today)
        .filter((p) => p.dueOn === dayAfter)
        .map((p) => ({ ...p, when: 'late' as const })),
    ]
      .filter((p) => `${p.dueOn.slice(0, 8)}01` > chinaDate(s.createdAt))
      .map((p) => ({ unitId: s.orgUnitId, path: s.orgPath, kind: s.kind, ...p })),
  );
  if (wanted.length === 0) return { reminded: 0 };
  const posted = await postedPeriods(deps.db, wanted);
  const missing = wanted.filter((w) => !posted.has(`${w.unitId}|${w.kind}|${w.period}`));
  const names = await unitNames(
    deps.db,
    missing.map((m) => m.unitId),
  );
  const ctx = { clock: deps.clock, ids: deps.ids, actor: undefined };
  await deps.db.transaction(async (tx) => {
    for (const m of missing)
      await notify(tx, ctx, {
        event: 'participation.disclosure_due',
        params: {
          unit: names.get(m.unitId) ?? '',
          period: m.period,
          kind: DISCLOSURE_KIND_NAMES[m.kind as DisclosureKind]?.['zh-CN'] ?? m.kind,
          dueOn: m.dueOn,
          when: m.when === 'soon' ? `还有 ${REMIND_BEFORE_DAYS} 天` : '已逾期，请尽快公开',
        },
        link: '/disclosures',
        holders: { permission: 'participation.manage', orgUnitId: m.unitId },
      });
  });
  if (missing.length) deps.log.info({ reminded: missing.length }, 'disclosure reminders');
  return { reminded: missing.length };
}
