import type { Cadence } from '../../../shared/contracts/scheduledReports';

/**
 * Reporting periods of a cadence, on China calendar dates (R-RP-1). A period runs from its first to its last
 * day; its report is due on `dueDay` of its last month (or of the month after, `dueInNextMonth`), a day past
 * the month's end meaning its last day: monthly by the 20th (seed 000), half-yearly by 30 June and
 * 31 December (seed 002: `dueDay` 31 gives 6月30日 and 12月31日). A due day on a weekend or holiday stays as
 * the document states it (neither seed moves it).
 */
export interface Period {
  /** 2026-11 | 2026-Q4 | 2026-H2 | 2026 */
  period: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

const MONTHS: Record<Cadence, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/** The period of `cadence` containing the China date `day` (YYYY-MM-DD). */
export function periodOf(cadence: Cadence, day: string): Period {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const len = MONTHS[cadence];
  const index = Math.floor((m - 1) / len); // 0-based period within the year
  const first = index * len + 1;
  const last = first + len - 1;
  const period =
    cadence === 'monthly'
      ? `${y}-${pad(m)}`
      : cadence === 'quarterly'
        ? `${y}-Q${index + 1}`
        : cadence === 'half_yearly'
          ? `${y}-H${index + 1}`
          : `${y}`;
  return { period, start: ymd(y, first, 1), end: ymd(y, last, lastDay(y, last)) };
}

/** The period before `p`. */
export function previousPeriod(cadence: Cadence, p: Period): Period {
  const d = new Date(`${p.start}T00:00:00Z`);
  d.setUTCDate(0);
  return periodOf(cadence, d.toISOString().slice(0, 10));
}

/** The due day (China date) of a period's report. */
export function dueOnOf(p: Period, dueDay: number, dueInNextMonth: boolean): string {
  let y = Number(p.end.slice(0, 4));
  let m = Number(p.end.slice(5, 7));
  if (dueInNextMonth) {
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return ymd(y, m, Math.min(dueDay, lastDay(y, m)));
}

/** The period as people write it: 2026年11月, 2026年第四季度, 2026年下半年, 2026年度. */
export function periodLabel(period: string): string {
  const y = period.slice(0, 4);
  const rest = period.slice(5);
  if (!rest) return `${y}年度`;
  if (rest.startsWith('Q')) return `${y}年第${'一二三四'[Number(rest.slice(1)) - 1]}季度`;
  if (rest.startsWith('H')) return `${y}年${rest === 'H1' ? '上' : '下'}半年`;
  return `${y}年${Number(rest)}月`;
}
