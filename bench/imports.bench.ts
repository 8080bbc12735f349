import { createTestApp } from '../test/app';
import { multipart } from '../test/multipart';
import { composeIdNumber } from '../src/shared/validation/codes';
import { copyCeiling } from './copy';
import { load, summarise, target } from './lib';

const stats = (latencies: number[], seconds: number) => summarise(latencies, latencies.length, seconds);

/**
 * Imports `rows` residents from a CSV (parse, validate, encrypt, stage, then commit) while another
 * client polls /api/health: prints the import's time as a multiple of `COPY` of the very rows it stored
 * into a table built like `residents` (same indexes), and the health latency during the import vs idle.
 */
export async function importsBench(opts: { rows: number; label: string }) {
  const t = await createTestApp();
  try {
    const client = await t.as('sd_admin');
    const lines = ['姓名,身份证号,手机号,户籍状态'];
    for (let i = 0; i < opts.rows; i++) {
      const id = composeIdNumber(String(130100 + Math.floor(i / 1000)), '19700101', i % 1000);
      lines.push(`居民${i},${id},1${String(3_000_000_000 + i).slice(0, 10)},户籍`);
    }
    const csv = Buffer.from(`\uFEFF${lines.join('\n')}\n`);

    const poll = async (until: () => boolean) => {
      const latencies: number[] = [];
      const start = performance.now();
      while (!until()) {
        const t0 = performance.now();
        await client.get('/api/health');
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
      return stats(latencies, (performance.now() - start) / 1000);
    };

    const idleUntil = performance.now() + 3000;
    const idle = await poll(() => performance.now() > idleUntil);

    const body = multipart(
      { orgUnitId: t.fx.tongdu.id },
      { name: 'residents.csv', data: csv, type: 'text/csv' },
    );
    const started = performance.now();
    const res = await client.request({ method: 'POST', url: '/api/imports/residents', ...body });
    if (res.statusCode !== 202) throw new Error(res.body);
    const jobId = res.json().id as string;
    let status = 'parsing';
    const watch = (async () => {
      while (status === 'parsing') {
        status = (await client.get(`/api/imports/${jobId}`)).json().status;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const during = await poll(() => status !== 'parsing');
    await watch;
    const parsed = (performance.now() - started) / 1000;
    if (status !== 'validated') throw new Error(`import ended as ${status}`);
    const c0 = performance.now();
    const commit = await client.post(`/api/imports/${jobId}/commit`);
    if (commit.statusCode !== 200) throw new Error(commit.body);
    const committed = (performance.now() - c0) / 1000;

    const copy = await copyCeiling(t, jobId);
    if (copy.rows !== opts.rows) throw new Error(`COPY loaded ${copy.rows} rows, the import ${opts.rows}`);
    const total = parsed + committed;
    const ratio = total / copy.seconds;
    console.log(`\n[${opts.label}] import of ${opts.rows.toLocaleString()} residents from CSV  [${load()}]`);
    console.log(
      `  parse + validate + stage: ${parsed.toFixed(1)} s (${(opts.rows / parsed).toFixed(0)} rows/s); commit: ${committed.toFixed(1)} s; total ${total.toFixed(1)} s`,
    );
    console.log(
      `  COPY of the same ${copy.rows.toLocaleString()} rows into a table like residents (same indexes): ${copy.seconds.toFixed(2)} s`,
    );
    console.log(`  ratio (import / COPY): ${ratio.toFixed(1)}`);
    console.log(
      `  health poll while importing   p50 ${during.p50ms.toFixed(1)} ms  p99 ${during.p99ms.toFixed(1)} ms  (${during.ops} polls)`,
    );
    console.log(
      `  health poll idle (baseline)   p50 ${idle.p50ms.toFixed(1)} ms  p99 ${idle.p99ms.toFixed(1)} ms`,
    );
    console.log(
      `  ratio (p99 while importing / idle p99): ${(during.p99ms / Math.max(idle.p99ms, 0.01)).toFixed(1)}`,
    );
    target(`[${opts.label}] import ≤ 5 × COPY`, ratio <= 5, `${ratio.toFixed(1)} ×`);
  } finally {
    await t.close();
  }
}
