// Builds the web app (the console, index.html, and the phone app, phone.html) into dist/web when its sources
// changed (used by `npm start`, the browser journeys and `npm run size`): a fresh clone has no dist/, so the
// first start builds it once. "Changed" means the contents (a stamp of
// their hash, scripts/build-lib.mjs), not modification times, which a git checkout resets.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStamp } from './build-lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function ensureWeb() {
  if (!existsSync(join(ROOT, 'src/web')) || !existsSync(join(ROOT, 'index.html'))) return false;
  const pages = readdirSync(ROOT).filter((f) => f.endsWith('.html')); // every Vite entry page at the root
  const sources = ['src/web', 'src/shared', 'public', ...pages, 'vite.config.ts', 'package.json'];
  const stamp = checkStamp(ROOT, join(ROOT, 'dist/web/.stamp'), [...sources, 'scripts/compress-web.mjs'], {
    outputs: [join(ROOT, 'dist/web/index.html'), join(ROOT, 'dist/web/phone.html')],
  });
  if (stamp.fresh) return false;
  console.log('Building the web app…');
  execSync('npx vite build --logLevel warn && node scripts/compress-web.mjs', { stdio: 'inherit', cwd: ROOT });
  stamp.save();
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureWeb();
