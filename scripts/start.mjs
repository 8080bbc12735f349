#!/usr/bin/env node
// `npm start`: brings the builds up to date (each only when its sources changed: the web app, the server,
// and, for an empty embedded database, the migrated database template), then runs the built server
// (dist/server/serve.mjs) in this same process: no TypeScript is transpiled at run time.
import { ensurePgliteTemplate, ensureServerBundle } from './ensure-server.mjs';
import { ensureWeb } from './ensure-web.mjs';

ensureWeb();
await ensureServerBundle();
await ensurePgliteTemplate();
process.setSourceMapsEnabled(true); // stack traces name src/… lines
await import('../dist/server/serve.mjs');
