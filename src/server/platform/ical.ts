/**
 * A small RFC 5545 (iCalendar) writer: VCALENDAR with VEVENTs, times in UTC, text escaped (`\`, `;`, `,`,
 * newlines), lines folded at 75 octets without splitting a UTF-8 character, CRLF line endings.
 */
export interface IcalEvent {
  uid: string;
  start: Date;
  /** Defaults to start + 2 hours. */
  end?: Date | null;
  summary: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  /** When the event was last written (DTSTAMP); defaults to now. */
  stamp?: Date;
  /** A day without a time (YYYY-MM-DD): DTSTART;VALUE=DATE, ending the next day; `start`/`end` are ignored. */
  allDay?: string | null;
}

/** What a feed asks each module's events for: those from `from` to `to`, stamped `stamp`, linking to `publicUrl`. */
export interface FeedWindow {
  from: Date;
  to: Date;
  stamp: Date;
  publicUrl: string;
}

/** A console page's address on the public site (`publicUrl` + `path`), or null when there is no public URL. */
export function pageUrl(publicUrl: string, path: string): string | null {
  const base = publicUrl.replace(/\/$/, '');
  return base ? `${base}${path}` : null;
}

/** 2026-12-04 → 20261204; the day after → 20261205. */
const icalDay = (day: string, plus = 0) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');

/** 2026-12-04T22:35:49.123Z → 20261204T223549Z */
export function icalDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT value escaping (RFC 5545 3.3.11). */
export function icalText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 3.1): continuation lines start with one space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (octets + n > limit) {
      out.push(cur);
      cur = '';
      octets = 0;
      limit = 74; // the leading space counts
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/**
 * `PUBLISH` for feeds and downloads; `REQUEST` for an invitation sent by email (the email channel adds
 * ORGANIZER and ATTENDEE with `withParticipants`, since only it knows both addresses).
 */
export function writeCalendar(
  events: readonly IcalEvent[],
  opts: { name?: string; method?: 'PUBLISH' | 'REQUEST' } = {},
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Linli//Linli Calendar//ZH',
    'CALSCALE:GREGORIAN',
  ];
  if (opts.name) lines.push(`X-WR-CALNAME:${icalText(opts.name)}`);
  lines.push(`METHOD:${opts.method ?? 'PUBLISH'}`);
  for (const e of events) {
    const end = e.end ?? new Date(e.start.getTime() + 2 * 3_600_000);
    const when =
      e.allDay && /^\d{4}-\d{2}-\d{2}$/.test(e.allDay)
        ? [`DTSTART;VALUE=DATE:${icalDay(e.allDay)}`, `DTEND;VALUE=DATE:${icalDay(e.allDay, 1)}`]
        : [`DTSTART:${icalDate(e.start)}`, `DTEND:${icalDate(end)}`];
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icalDate(e.stamp ?? new Date())}`,
      ...when,
      `SUMMARY:${icalText(e.summary)}`,
    );
    if (e.location) lines.push(`LOCATION:${icalText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${icalText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** An address fit for a `mailto:` value (no CR/LF, `;`, `:` or `,` that would break the content line). */
const mailto = (address: string) =>
  /^[^\s;:,<>"]+@[^\s;:,<>"]+$/.test(address) ? `mailto:${address}` : null;

/**
 * Adds `ORGANIZER` and `ATTENDEE` lines to every VEVENT of a calendar written by `writeCalendar`
 * (after its UID line), for an invitation emailed from `organizer` to `attendee`.
 */
export function withParticipants(ics: string, organizer: string, attendee: string): string {
  const org = mailto(organizer.trim());
  const att = mailto(attendee.trim());
  if (!org && !att) return ics;
  return ics.replace(/(\r\nUID:[^\r\n]*(?:\r\n [^\r\n]*)*)/g, (uid) =>
    [
      uid,
      org ? foldLine(`ORGANIZER;CN=${icalParam('邻里')}:${org}`) : null,
      att ? foldLine(`ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:${att}`) : null,
    ]
      .filter(Boolean)
      .join('\r\n'),
  );
}

/** A parameter value: quoted, with the characters a quoted value may not hold dropped (RFC 5545 3.2). */
export function icalParam(s: string): string {
  return `"${s.replace(/["\r\n]/g, '')}"`;
}
