/** Tiny benchmark helpers: every benchmark compares our path with a baseline run in the same process. */
export interface Measured {
  ops: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
}

export async function measure(
  ops: number,
  concurrency: number,
  fn: (i: number) => Promise<unknown>,
): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= ops) return;
      const t0 = performance.now();
      await fn(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { ops, seconds, perSecond: ops / seconds, p50ms: pct(0.5), p99ms: pct(0.99) };
}

export function report(title: string, ours: Measured, baseline: Measured, note = '') {
  const f = (m: Measured) =>
    `${m.perSecond.toFixed(0).padStart(7)} ops/s  p50 ${m.p50ms.toFixed(2)} ms  p99 ${m.p99ms.toFixed(2)} ms`;
  console.log(`\n${title}`);
  console.log(`  Linli API      ${f(ours)}`);
  console.log(`  raw database   ${f(baseline)}`);
  console.log(
    `  ratio (API / raw throughput): ${(ours.perSecond / baseline.perSecond).toFixed(3)}${note ? `  ${note}` : ''}`,
  );
}
