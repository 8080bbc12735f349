import type { Locale } from '../../shared/i18n/errors';
import type { Db } from './db';

/**
 * A figure a module already holds, offered to report templates (信息报告, R-RP-1) as a pre-filled value:
 * the module computes it from its own tables for a unit's subtree and a period, so the scheduled-reports
 * module never reads another module's tables. Declared in `defineModule({ reportFigures })`.
 */
export interface ReportFigure {
  /** `<module>.<what>`, unique across modules. */
  key: string;
  label: Record<Locale, string>;
  /** What the number counts: 'count' | 'hours' | 'percent' | 'fen'. */
  unit: 'count' | 'hours' | 'percent' | 'fen';
  /** The value for rows under `orgPath` in [from, to) (instants); null when there is nothing to measure. */
  compute(deps: { db: Db }, q: { orgPath: string; from: Date; to: Date }): Promise<number | null>;
}
