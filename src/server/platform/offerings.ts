import type { EvidenceSource } from './evidence';
import { MINE_READERS, type MineReaders } from './mine';
import type { ReportFigure } from './reportFigures';

/**
 * What modules offer one another, by key: the records that can back an assessment item (`evidence`,
 * platform/evidence.ts), the figures report templates pre-fill (`reportFigures`, platform/reportFigures.ts) and
 * the readers of a user's own rows for the phone home's overview (`mine`, platform/mine.ts: each exactly once).
 * One registry for both, built from the module list by `installOfferings(MODULES)` in app.ts (declaring a
 * module has no side effect). Keys are `<module>.<what>` and unique across modules and kinds.
 */
export interface OfferingModule {
  name: string;
  evidence?: EvidenceSource[];
  reportFigures?: ReportFigure[];
  mine?: Partial<MineReaders>;
}

interface Offerings {
  evidence: Map<string, EvidenceSource>;
  figures: { module: string; figure: ReportFigure }[];
  mine: MineReaders;
}

let installed: Offerings | null = null;

/** Builds the registry from the module list; the same list again is a no-op. Throws on a duplicate key. */
export function installOfferings(modules: readonly OfferingModule[]): void {
  const keys = new Set<string>();
  const claim = (key: string, module: string) => {
    if (keys.has(key)) throw new Error(`offering ${key} (module ${module}) declared twice`);
    keys.add(key);
  };
  const mine: Partial<MineReaders> = {};
  const next = { evidence: new Map(), figures: [] } as Omit<Offerings, 'mine'>;
  for (const m of modules) {
    for (const [key, reader] of Object.entries(m.mine ?? {})) {
      claim(`mine.${key}`, m.name);
      Object.assign(mine, { [key]: reader });
    }
    for (const s of m.evidence ?? []) {
      claim(s.key, m.name);
      next.evidence.set(s.key, s);
    }
    for (const figure of m.reportFigures ?? []) {
      claim(figure.key, m.name);
      next.figures.push({ module: m.name, figure });
    }
  }
  const missing = MINE_READERS.filter((key) => !mine[key]);
  if (missing.length)
    throw new Error(`no module offers the overview readers ${missing.join(', ')} (defineModule({ mine }))`);
  installed = { ...next, mine: mine as MineReaders };
}

function offerings(): Offerings {
  if (!installed)
    throw new Error('module offerings are not installed: call installOfferings(MODULES) (app.ts)');
  return installed;
}

export function evidenceSource(key: string): EvidenceSource | undefined {
  return offerings().evidence.get(key);
}

export function evidenceSources(): EvidenceSource[] {
  return [...offerings().evidence.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Every module's figures, with the module that holds each. */
export function reportFigures(): { module: string; figure: ReportFigure }[] {
  return offerings().figures;
}

/** The readers of a user's own rows, one per kind, each from the module that holds them (platform/mine.ts). */
export function mineReaders(): MineReaders {
  return offerings().mine;
}
