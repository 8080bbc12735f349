/**
 * Module boundaries, checked by `npm run lint` (DESIGN: boundaries):
 *  1. `src/server/**` never imports `src/cli/**` (the demo seed and commands stay out of the server).
 *  2. A server module imports another module only through its `<module>.api.ts` (never its tables,
 *     repositories, use cases or routes); the same for web modules (`src/web/modules/<m>/api.ts`).
 *  3. No import cycles between server modules, nor between web modules.
 *  4. Web modules and web/app: `src/web/app/**` imports web modules only through the one list
 *     `src/web/app/modules.ts`, and nothing a web module loads at run time (its own files, the web/app
 *     files they import, and so on) reaches that list: no cycle between the modules and the app shell.
 *     (`import type` is erased at build time and does not count for this rule.)
 *  5. Inside a server module only its repositories (`*.repository.ts`) query its tables: other files import
 *     the module's `*.table.ts` only when they name tables without querying them (policy, workflow
 *     adapter, the registry entry in routes, api files' SQL builders).
 *  6. The phone app (`src/web/phone/**`, the light entry phone.html) the same way: it imports web modules only
 *     through its one list `src/web/phone/modules.ts` (each module's `phone.tsx`), nothing a web module loads
 *     at run time reaches that list, and nothing the phone entry (`src/web/phone/main.tsx`) loads at run time
 *     imports antd, @ant-design/*, echarts, leaflet, zod, a module's console `module.tsx` or the console's
 *     list `src/web/app/modules.ts` (the phone's first load stays light; `npm run size` measures it).
 * Every rule holds for every import, with no exceptions list: the crossings that existed when the check came in
 * (once kept in a baseline file) are all gone.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** `server:<m>` / `web:<m>` for a file inside a module folder, else null. */
function moduleOf(file: string): string | null {
  const rel = relative(ROOT, file);
  const m = /^src\/(server|web)\/modules\/([^/]+)\//.exec(rel);
  return m ? `${m[1]}:${m[2]}` : null;
}

function isApiFile(file: string, mod: string): boolean {
  const [side, name] = mod.split(':') as [string, string];
  const base = file.split('/').at(-1) ?? '';
  return side === 'server' ? base === `${name}.api.ts` : base === 'api.ts';
}

const MODULES_LIST = join(ROOT, 'src/web/app/modules.ts');
const PHONE_LIST = join(ROOT, 'src/web/phone/modules.ts');
const PHONE_MAIN = join(ROOT, 'src/web/phone/main.tsx');
/** Packages the phone app never loads (rule 6). */
const HEAVY = /^(antd|@ant-design\/|echarts|zrender|leaflet|react-leaflet|zod)(\/|$)/;
/** Files of a server module that may import its own tables (rule 5). */
const TABLE_READERS = /\.(repository|table|policy|routes|workflow|api)\.ts$/;

const errors: string[] = [];
const found = new Set<string>();
const graph = new Map<string, Set<string>>();
/** Run-time imports between files of src/web (type-only imports left out), for rule 4. */
const webRuntime = new Map<string, Set<string>>();
/** Run-time imports of packages from files of src/web, for rule 6. */
const webPackages = new Map<string, Set<string>>();
const allFiles = [...walk(join(ROOT, 'src/server')), ...walk(join(ROOT, 'src/web'))];
// Tests may reach across modules (they build fixtures), but a server test never imports the CLI either.
const files = allFiles.filter((f) => !f.endsWith('.test.ts'));
for (const file of allFiles.filter((f) => f.endsWith('.test.ts') && relative(ROOT, f).startsWith('src/server/')))
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const target = resolveImport(file, match[1] ?? match[2] ?? '');
    if (target && relative(ROOT, target).startsWith('src/cli/'))
      errors.push(`${relative(ROOT, file)} imports ${relative(ROOT, target)}: the server never imports the CLI`);
  }
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const rel = relative(ROOT, file);
  const from = moduleOf(file);
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? '';
    const target = resolveImport(file, spec);
    if (!target) {
      if (rel.startsWith('src/web/') && !spec.startsWith('.') && !/^(?:import|export)\s+type\s/.test(match[0])) {
        const pkgs = webPackages.get(file) ?? new Set<string>();
        pkgs.add(spec);
        webPackages.set(file, pkgs);
      }
      continue;
    }
    const relTarget = relative(ROOT, target);
    if (rel.startsWith('src/server/') && relTarget.startsWith('src/cli/'))
      errors.push(`${rel} imports ${relTarget}: the server never imports the CLI`);
    const typeOnly = /^(?:import|export)\s+type\s/.test(match[0]);
    if (rel.startsWith('src/web/') && relTarget.startsWith('src/web/') && !typeOnly) {
      const edges = webRuntime.get(file) ?? new Set<string>();
      edges.add(target);
      webRuntime.set(file, edges);
    }
    if (rel.startsWith('src/web/app/') && relTarget.startsWith('src/web/modules/') && file !== MODULES_LIST)
      found.add(`${rel} -> ${relTarget}: web/app imports web modules only through src/web/app/modules.ts`);
    if (rel.startsWith('src/web/phone/') && relTarget.startsWith('src/web/modules/') && file !== PHONE_LIST)
      found.add(`${rel} -> ${relTarget}: web/phone imports web modules only through src/web/phone/modules.ts`);
    const to = moduleOf(target);
    // Rule 5: inside a server module, only its repositories query its tables (policies, workflows and the
    // registry entry in routes name them; api files may hand out named SQL builders).
    if (
      from &&
      from === to &&
      from.startsWith('server:') &&
      relTarget.endsWith('.table.ts') &&
      !typeOnly &&
      !TABLE_READERS.test(rel)
    )
      found.add(`${rel} -> ${relTarget}: only the module's repository queries its tables`);
    if (!from || !to || from === to) continue;
    if (from.split(':')[0] === to.split(':')[0]) {
      const edges = graph.get(from) ?? new Set<string>();
      edges.add(to);
      graph.set(from, edges);
    }
    if (!isApiFile(target, to)) found.add(`${rel} -> ${relTarget}`);
  }
}

// Cycles between server modules and between web modules (each reported once, by its sorted member list).
const cycles = new Set<string>();
function visit(node: string, stack: string[]) {
  const at = stack.indexOf(node);
  if (at >= 0) {
    cycles.add(`cycle: ${[...stack.slice(at)].sort().join(' ~ ')}`);
    return;
  }
  if (stack.length > 20) return;
  for (const next of graph.get(node) ?? []) visit(next, [...stack, node]);
}
for (const node of graph.keys()) visit(node, []);
for (const c of cycles) found.add(c);

// Rule 4: what a web module loads at run time never reaches the module list (web/app -> modules -> web/app).
for (const start of files.filter((f) => moduleOf(f)?.startsWith('web:'))) {
  const seen = new Set<string>([start]);
  const queue: string[][] = [[start]];
  while (queue.length) {
    const path = queue.shift() ?? [];
    const last = path.at(-1) ?? '';
    if (last === MODULES_LIST || last === PHONE_LIST) {
      const via = path.map((f) => relative(ROOT, f)).join(' -> ');
      found.add(`cycle: ${moduleOf(start)} ~ ${last === MODULES_LIST ? 'web/app' : 'web/phone'} (${via})`);
      break;
    }
    for (const next of webRuntime.get(last) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...path, next]);
      }
  }
}

// Rule 6: the phone entry loads nothing heavy and nothing of the console.
if (existsSync(PHONE_MAIN)) {
  const via = new Map<string, string | null>([[PHONE_MAIN, null]]);
  const queue = [PHONE_MAIN];
  const chain = (f: string) => {
    const out: string[] = [];
    for (let at: string | null | undefined = f; at; at = via.get(at)) out.unshift(relative(ROOT, at));
    return out.join(' -> ');
  };
  while (queue.length) {
    const file = queue.shift() ?? '';
    for (const pkg of webPackages.get(file) ?? [])
      if (HEAVY.test(pkg)) errors.push(`phone app loads ${pkg} (${chain(file)}): the phone entry stays light`);
    if (file === MODULES_LIST || /src\/web\/modules\/[^/]+\/module\.tsx$/.test(file))
      errors.push(`phone app loads the console (${chain(file)}): a module's phone pages come from its phone.tsx`);
    for (const next of webRuntime.get(file) ?? [])
      if (!via.has(next)) {
        via.set(next, file);
        queue.push(next);
      }
  }
}

for (const f of found)
  errors.push(
    f.startsWith('cycle:')
      ? `${f}: modules may not depend on each other in a circle`
      : /web\/(app|phone) imports web modules/.test(f)
        ? f
        : `${f}: import another module only through its api file (<module>.api.ts, web: api.ts)`,
  );

if (errors.length) {
  console.error(`Module boundaries: ${errors.length} problem(s)\n${errors.map((e) => `  ${e}`).join('\n')}`);
  process.exit(1);
}
console.log('Module boundaries: ok');
