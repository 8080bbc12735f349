// Writes brotli (.br) and gzip (.gz) copies beside every text asset of the web build (dist/web), so the
// server sends them as they are (@fastify/static preCompressed) instead of compressing per request.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist/web';
const TEXT = /\.(js|css|html|svg|json|txt|map|webmanifest)$/;
let files = 0;
let raw = 0;
let br = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (TEXT.test(e.name) && statSync(p).size >= 512) {
      const data = readFileSync(p);
      const b = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      writeFileSync(`${p}.br`, b);
      writeFileSync(`${p}.gz`, gzipSync(data, { level: 9 }));
      files++;
      raw += data.length;
      br += b.length;
    }
  }
};
walk(root);
console.log(`compressed ${files} files: ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli`);
