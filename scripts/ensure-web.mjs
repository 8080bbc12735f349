// Builds the web app (the console, index.html, and the phone app, phone.html) when dist/web is missing or
// older than its sources (used by `npm start`, the journeys and `npm run size`).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) => {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
const outs = ['dist/web/index.html', 'dist/web/phone.html'];
const sources = ['src/web', 'src/shared', 'index.html', 'phone.html', 'vite.config.ts'].filter(existsSync);
const srcTime = Math.max(...sources.map((s) => (statSync(s).isDirectory() ? newest(s) : statSync(s).mtimeMs)));
if (!existsSync('src/web') || !existsSync('index.html')) process.exit(0);
if (outs.some((out) => !existsSync(out) || statSync(out).mtimeMs < srcTime)) {
  console.log('Building the web app…');
  execSync('npx vite build --logLevel warn && node scripts/compress-web.mjs', { stdio: 'inherit' });
}
