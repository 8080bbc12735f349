/**
 * A fixed-window request limiter per client address and bucket, in memory (per process). Guards the
 * anonymous endpoints (public reports, uploads) and logins against floods; per-account lockout is separate.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** True when this call is within the limit. */
    take(key: string): boolean {
      const t = now();
      const w = windows.get(key);
      if (!w || t - w.start >= 60_000) {
        windows.set(key, { start: t, count: 1 });
        if (windows.size > 50_000) {
          for (const [k, v] of windows) if (t - v.start >= 60_000) windows.delete(k);
        }
        return true;
      }
      w.count++;
      return w.count <= perMinute;
    },
  };
}
