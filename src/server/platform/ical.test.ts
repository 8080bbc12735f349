import { describe, expect, it } from 'vitest';
import { foldLine, icalDate, icalText, writeCalendar } from './ical';

describe('ical writer (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(icalText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('writes UTC times', () => {
    expect(icalDate(new Date('2026-12-04T22:35:49.123Z'))).toBe('20261204T223549Z');
  });

  it('folds long Chinese text at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'居民代表会议讨论加装电梯方案，'.repeat(10)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, p] of parts.entries()) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
      // each part is valid UTF-8 by itself (no replacement characters on a round trip)
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
    }
    expect(parts.map((p, i) => (i > 0 ? p.slice(1) : p)).join('')).toBe(line);
  });

  it('writes a VCALENDAR with one VEVENT and CRLF endings', () => {
    const ics = writeCalendar([
      {
        uid: 'm1@linli',
        start: new Date('2027-01-10T02:00:00Z'),
        summary: '居民会议：停车,收费',
        location: '社区会议室',
        description: '议程\n第二行',
        url: 'https://example.org/m/1',
        stamp: new Date('2026-12-01T00:00:00Z'),
      },
    ]);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    expect(ics).toContain('DTSTART:20270110T020000Z\r\n');
    expect(ics).toContain('DTEND:20270110T040000Z\r\n');
    expect(ics).toContain('SUMMARY:居民会议：停车\\,收费\r\n');
    expect(ics).toContain('DESCRIPTION:议程\\n第二行\r\n');
    expect(ics).toContain('UID:m1@linli\r\n');
  });
});
