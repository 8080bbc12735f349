import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frameworkFromXlsx } from './assessments.xlsx';
import { BUILT_IN_FRAMEWORKS, type FrameworkDef } from './assessments.zhoushan';

/**
 * The built-in frameworks: Zhoushan (seed 004) written out in code, verbatim from the seed, and the frameworks
 * shipped as xlsx workbooks in `frameworks/` (the import layout of assessments.xlsx.ts), read with the same
 * parser a user's upload goes through: a framework is data, nothing in the code is specific to one.
 */
const XLSX_FRAMEWORKS = ['complete-community-2021.xlsx'];

/** The workbook in the source tree, found from here or (in the server bundle, dist/server) from the package root. */
function frameworkFile(name: string): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    for (const p of [
      join(dir, 'frameworks', name),
      join(dir, 'src/server/modules/assessments/frameworks', name),
    ])
      if (existsSync(p)) return p;
    dir = dirname(dir);
  }
  return null;
}

let cached: Promise<FrameworkDef[]> | null = null;

export function builtInFrameworks(): Promise<FrameworkDef[]> {
  cached ??= (async () => {
    const fromXlsx: FrameworkDef[] = [];
    for (const name of XLSX_FRAMEWORKS) {
      const file = frameworkFile(name);
      if (!file) throw new Error(`built-in framework ${name} not found`);
      fromXlsx.push(await frameworkFromXlsx(readFileSync(file)));
    }
    return [...BUILT_IN_FRAMEWORKS, ...fromXlsx];
  })();
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
