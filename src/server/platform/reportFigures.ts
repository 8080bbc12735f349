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

const byModule = new Map<string, readonly ReportFigure[]>();

/** Called by defineModule: remembers a module's figures (the registry is complete once app.ts is loaded). */
export function rememberReportFigures(module: string, figures: readonly ReportFigure[] | undefined) {
  if (figures?.length) byModule.set(module, figures);
}

/** Every module's figures, with the module that holds each. */
export function reportFigures(): { module: string; figure: ReportFigure }[] {
  return [...byModule.entries()].flatMap(([module, list]) => list.map((figure) => ({ module, figure })));
}
