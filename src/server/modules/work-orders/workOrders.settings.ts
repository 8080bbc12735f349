import type { Db } from '../../platform/db';
import { settingsRowsOf } from './workOrders.settings.repository';

export type Limit = { hours: number } | { workingDays: number };

/** Per-city configuration (R-LAW-WO-4 practice defaults, R-LAW-WO-6 rate weights). */
export interface WoSettings {
  /** Time to accept (签收) by priority. */
  acceptLimits: Record<'emergency' | 'key' | 'regular', Limit>;
  /** Time to finish: emergency by priority; utility categories; otherwise by kind. */
  completeLimits: {
    emergency: Limit;
    utility: Limit;
    consult: Limit;
    suggestion: Limit;
    help: Limit;
    complaint: Limit;
    report: Limit;
    event: Limit;
  };
  /** Complex matters may be extended, with approval, up to this many working days in all. */
  maxExtensionWorkingDays: number;
  /** When true, the completion clock stops while an extension request waits for a decision. */
  pauseClockOnExtension: boolean;
  duplicateRadiusM: number;
  duplicateWindowHours: number;
  /** Levels the accept escalation climbs: grid → community → subdistrict. */
  maxEscalationLevel: number;
  /** R-LAW-WO-6 composite weights and the weight of "basically satisfied". */
  rates: {
    responseWeight: number;
    resolutionWeight: number;
    satisfactionWeight: number;
    basicallySatisfiedWeight: number;
  };
}

export const DEFAULT_SETTINGS: WoSettings = {
  acceptLimits: { emergency: { hours: 0.5 }, key: { hours: 2 }, regular: { workingDays: 1 } },
  completeLimits: {
    emergency: { hours: 2 },
    utility: { hours: 24 },
    consult: { workingDays: 1 },
    suggestion: { workingDays: 1 },
    help: { workingDays: 5 },
    complaint: { workingDays: 5 },
    report: { workingDays: 5 },
    event: { workingDays: 5 },
  },
  maxExtensionWorkingDays: 15,
  pauseClockOnExtension: false,
  duplicateRadiusM: 200,
  duplicateWindowHours: 72,
  maxEscalationLevel: 2,
  rates: {
    responseWeight: 0.1,
    resolutionWeight: 0.5,
    satisfactionWeight: 0.4,
    basicallySatisfiedWeight: 0.9,
  },
};

/** Settings for a unit: the nearest configured ancestor's (deep-merged over the defaults). */
export async function settingsFor(db: Db, path: string): Promise<WoSettings> {
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 0) return DEFAULT_SETTINGS;
  const rows = await settingsRowsOf(db, ids);
  const nearest = rows.sort((a, b) => ids.indexOf(b.orgUnitId) - ids.indexOf(a.orgUnitId))[0];
  if (!nearest) return DEFAULT_SETTINGS;
  return merge(DEFAULT_SETTINGS, nearest.settings) as WoSettings;
}

function merge(base: unknown, over: unknown): unknown {
  if (!over || typeof over !== 'object' || Array.isArray(over)) return over === undefined ? base : over;
  // A time limit is one value: { hours } replaces { workingDays } rather than merging with it.
  if ('hours' in over || 'workingDays' in over) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = merge((base as Record<string, unknown>)?.[k], v);
  return out;
}

export function completeLimit(
  s: WoSettings,
  o: { priority: string; kind: string; limitGroup: string },
): Limit {
  if (o.priority === 'emergency') return s.completeLimits.emergency;
  if (o.limitGroup === 'utility') return s.completeLimits.utility;
  return s.completeLimits[o.kind as keyof WoSettings['completeLimits']] ?? s.completeLimits.help;
}
