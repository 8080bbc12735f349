import type { CalendarDayInput } from '../../../shared/contracts/calendar';

export type PasteReason = 'date' | 'kind' | 'name' | 'range' | 'year';

export interface PasteProblem {
  /** 1-based line number in the pasted text. */
  line: number;
  reason: PasteReason;
  text: string;
}

export interface PasteResult {
  days: CalendarDayInput[];
  problems: PasteProblem[];
}

const HOLIDAY_WORDS = ['holiday', 'h', 'off', '休', '假', '放假', '休息'];
const WORKDAY_WORDS = ['workday', 'w', 'work', '班', '上班', '调休上班', '补班'];
/** A range inside one field: 2027-02-06~2027-02-12 (also 至, –, —, ..). */
const RANGE_SPLIT = /\s*(?:~|～|至|\.\.|–|—)\s*/;

/** "2027-1-1", "2027/01/01", "2027.1.1" or "2027年1月1日" as YYYY-MM-DD, or null when it is no real date. */
export function normalizeDate(raw: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

function kindOf(raw: string): CalendarDayInput['kind'] | null {
  const w = raw.trim().toLowerCase();
  if (HOLIDAY_WORDS.includes(w)) return 'holiday';
  if (WORKDAY_WORDS.includes(w)) return 'workday';
  return null;
}

/** Every date from `from` to `to`, both included (at most 60 days, against typos like a wrong year). */
function datesBetween(from: string, to: string): string[] | null {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (end < start || end - start > 60 * 86_400_000) return null;
  const out: string[] = [];
  for (let t = start; t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** One line's days, or why it cannot be read. */
function readLine(line: string, year: number): CalendarDayInput[] | PasteReason {
  let parts = line.split(/\s*[,,;;\t]\s*/);
  if (parts.length === 1) parts = line.split(/\s+/);
  const [dateField = '', kindField = '', ...rest] = parts;
  const name = rest.join(' ').trim();
  const kind = kindOf(kindField);
  const ends = dateField.split(RANGE_SPLIT).map(normalizeDate);
  if (ends.length > 2 || ends.some((d) => d === null)) return 'date';
  if (!kind) return 'kind';
  if (!name) return 'name';
  const dates = ends.length === 2 ? datesBetween(ends[0]!, ends[1]!) : [ends[0]!];
  if (!dates) return 'range';
  if (dates.some((d) => !d.startsWith(`${year}-`))) return 'year';
  return dates.map((date) => ({ date, kind, name: name.slice(0, 30) }));
}

/**
 * Reads pasted schedule lines, one day (or one range of days) a line: `date,kind,name`, separated by
 * commas (also Chinese ones), tabs or spaces; kind is holiday/workday or 休/班. Blank lines, `#` comments
 * and a header line are skipped. Later lines win over earlier ones for the same date. Sorted by date.
 */
export function parseCalendarPaste(text: string, year: number): PasteResult {
  const byDate = new Map<string, CalendarDayInput>();
  const problems: PasteProblem[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || (i === 0 && /^(date|日期)/i.test(line))) continue;
    const read = readLine(line, year);
    if (typeof read === 'string') problems.push({ line: i + 1, reason: read, text: line });
    else for (const d of read) byDate.set(d.date, d);
  }
  const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  return { days, problems };
}
