import { fileURLToPath } from 'node:url';
import { start } from './start';

/**
 * The entry of the built server, dist/server/serve.mjs (`npm start`, built by scripts/ensure-server.mjs):
 * `start()` with the migrated database template built beside it, copied into an empty data directory.
 */
start({ pgliteTemplate: fileURLToPath(new URL('./pglite-template', import.meta.url)) }).catch((err) => {
  console.error(err);
  process.exit(1);
});
