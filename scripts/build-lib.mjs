// Stamps for the builds `npm start` keeps up to date (scripts/ensure-web.mjs, scripts/ensure-server.mjs).
// A build is stale when the *contents* of its sources changed: a git checkout or a copy that only sets new
// modification times does not rebuild, and an edit that keeps the old time still counts. To stay fast on
// every start, the stamp also keeps a quick key (paths, sizes, modification times): when that matches,
// nothing is read; when it does not, the contents are hashed and compared.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const walk = (p, out) => {
  if (!existsSync(p)) return out;
  if (!statSync(p).isDirectory()) {
    out.push(p);
    return out;
  }
  for (const e of readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    walk(join(p, e.name), out);
  }
  return out;
};

/** Keys of the files under `sources` (files or folders in `root`) and `extra` strings (tool versions). */
export function sourceKeys(root, sources, extra = []) {
  const files = sources.flatMap((s) => walk(join(root, s), []));
  const quick = createHash('sha256');
  for (const s of extra) quick.update(`${s}\0`);
  for (const f of files) {
    const st = statSync(f);
    quick.update(`${relative(root, f)}\0${st.size}\0${st.mtimeMs}\0`);
  }
  return {
    quick: quick.digest('hex'),
    content: () => {
      const h = createHash('sha256');
      for (const s of extra) h.update(`${s}\0`);
      for (const f of files) h.update(`${relative(root, f)}\0`).update(readFileSync(f)).update('\0');
      return h.digest('hex');
    },
  };
}

const read = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/**
 * Whether the build stamped in `stampFile` (and its `outputs`) is current for `sources` (paths in `root`).
 * Refreshes the quick key when only modification times changed. Returns { fresh, save }: save() stamps a
 * new build.
 */
export function checkStamp(root, stampFile, sources, { extra = [], outputs = [] } = {}) {
  const keys = sourceKeys(root, sources, extra);
  const stamp = read(stampFile);
  let content;
  const contentHash = () => {
    content ??= keys.content();
    return content;
  };
  const save = () => {
    mkdirSync(dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, `${JSON.stringify({ quick: keys.quick, content: contentHash() })}\n`);
  };
  if (!stamp || !outputs.every((o) => existsSync(o))) return { fresh: false, save };
  if (stamp.quick === keys.quick) return { fresh: true, save };
  if (stamp.content === contentHash()) {
    save();
    return { fresh: true, save };
  }
  return { fresh: false, save };
}
