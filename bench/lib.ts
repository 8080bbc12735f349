import { loadavg } from 'node:os';
import pg from 'pg';
import type { Ceiling } from './tpcb';

/**
 * Tiny benchmark helpers. Write workloads are printed as a fraction of the database's own ceiling
 * (TPC-B through pgbench on the same server, see tpcb.ts), read workloads against the same raw query,
 * bulk loads against COPY of the same rows.
 */
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
  return summarise(latencies, ops, seconds);
}

export function summarise(latencies: number[], ops: number, seconds: number): Measured {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  return { ops, seconds, perSecond: ops / seconds, p50ms: pct(0.5), p99ms: pct(0.99) };
}

/** The machine's load average now: the machine may be shared, so every figure carries it. */
export const load = () => `load ${loadavg()[0]!.toFixed(2)}`;

const f = (m: Measured) =>
  `${m.perSecond.toFixed(0).padStart(7)} ops/s  p50 ${m.p50ms.toFixed(2)} ms  p99 ${m.p99ms.toFixed(2)} ms`;

/** A read workload against the same query issued raw. */
export function report(title: string, ours: Measured, baseline: Measured, note = '') {
  console.log(`\n${title}  [${load()}]`);
  console.log(`  Linli API      ${f(ours)}`);
  console.log(`  raw database   ${f(baseline)}`);
  console.log(
    `  ratio (API / raw throughput): ${(ours.perSecond / baseline.perSecond).toFixed(3)}${note ? `  ${note}` : ''}`,
  );
}

/** A write workload as a fraction of the TPC-B transactions per second of the same database. */
export function reportWrite(title: string, ours: Measured, ceiling: Ceiling): number {
  const ratio = ours.perSecond / ceiling.tps;
  console.log(`\n${title}  [${load()}]`);
  console.log(`  Linli          ${f(ours)}`);
  console.log(`  TPC-B ceiling  ${ceiling.tps.toFixed(0).padStart(7)} tps    (${ceiling.how})`);
  console.log(`  fraction of TPC-B tps: ${ratio.toFixed(3)}`);
  return ratio;
}

export interface Target {
  name: string;
  pass: boolean;
  detail: string;
  /** A correctness target (not a speed one): its failure fails `npm run bench`. */
  correctness?: boolean;
}

export const targets: Target[] = [];

/** Records and prints one target as a PASS/FAIL line. */
export function target(name: string, pass: boolean, detail: string, correctness = false) {
  targets.push({ name, pass, detail, correctness });
  console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
}

/** Counts the statements node-postgres sends while `fn` runs (PostgreSQL only). */
export async function countStatements(fn: () => Promise<unknown>): Promise<string[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const log: string[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const c = args[0] as string | { text: string };
    log.push(typeof c === 'string' ? c : c.text);
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return log;
}
