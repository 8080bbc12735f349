// `npm run size`: the gzip bytes of JavaScript each web entry loads before its first render (the entry script,
// its modulepreloads and everything they import statically), read from dist/web (built first when its
// sources changed, scripts/ensure-web.mjs). Fails over budget: phone (phone.html: /report, /track, /m/**)
// 200 KB, console (index.html) 500 KB. Lazy route chunks are not counted (they load with their page).
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIR = process.argv[2] ?? 'dist/web';
const BUDGETS = { 'phone.html': 200 * 1024, 'index.html': 500 * 1024 };

if (!process.argv[2]) execSync('node scripts/ensure-web.mjs', { stdio: 'inherit' });

const gz = (file) => {
  const pre = `${file}.gz`;
  return existsSync(pre) ? readFileSync(pre).length : gzipSync(readFileSync(file), { level: 9 }).length;
};

/** The entry's JavaScript: <script src>, <link rel=modulepreload>, and their static imports, transitively. */
function firstLoad(html) {
  const text = readFileSync(join(DIR, html), 'utf8');
  const start = [
    ...text.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
    ...text.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const seen = new Set();
  const queue = [...start];
  while (queue.length) {
    const rel = queue.shift();
    if (seen.has(rel)) continue;
    seen.add(rel);
    const code = readFileSync(join(DIR, rel), 'utf8');
    // static imports only: `import … from "./x.js"`, `import "./x.js"` (not `import("./x.js")`)
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g)) {
      const dep = join(rel.split('/').slice(0, -1).join('/'), m[1]);
      if (!seen.has(dep)) queue.push(dep);
    }
  }
  return [...seen].map((f) => ({ file: f, gzip: gz(join(DIR, f)) })).sort((a, b) => b.gzip - a.gzip);
}

let over = false;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [html, budget] of Object.entries(BUDGETS)) {
  if (!existsSync(join(DIR, html))) {
    console.error(`${html}: missing in ${DIR}`);
    over = true;
    continue;
  }
  const files = firstLoad(html);
  const total = files.reduce((s, f) => s + f.gzip, 0);
  const ok = total <= budget;
  over ||= !ok;
  console.log(`${html}: ${total} bytes (${kb(total)}) gzip JavaScript on first load, budget ${kb(budget)} ${ok ? 'ok' : 'OVER BUDGET'}`);
  for (const f of files) console.log(`  ${kb(f.gzip).padStart(9)}  ${f.file}`);
}
process.exit(over ? 1 : 0);
