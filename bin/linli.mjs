#!/usr/bin/env node
// `linli <command>`: runs the built CLI (dist/server/cli.mjs), building it first when its sources changed
// (scripts/ensure-server.mjs; no TypeScript is transpiled at run time).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { ensurePgliteTemplate, ensureServerBundle } = await import(
  pathToFileURL(join(root, 'scripts/ensure-server.mjs')).href
);
await ensureServerBundle({ quiet: true });
if (process.argv[2] === 'serve') await ensurePgliteTemplate();
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(root, 'dist/server/cli.mjs')).href);
