import { describe, expect, it } from 'vitest';
import { normalizeDate, parseCalendarPaste } from './calendarPaste';

describe('pasting a year of the statutory calendar (R-LAW-CAL-1)', () => {
  it('reads date,kind,name lines in English or Chinese words and sorts them by date', () => {
    const r = parseCalendarPaste('2027-02-07,班,春节\n2027-01-01,holiday,元旦\n2027/1/2\t休\t元旦', 2027);
    expect(r.problems).toEqual([]);
    expect(r.days).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-02', kind: 'holiday', name: '元旦' },
      { date: '2027-02-07', kind: 'workday', name: '春节' },
    ]);
  });

  it('expands a range of holiday dates and skips a header, comments and blank lines', () => {
    const r = parseCalendarPaste('date,kind,name\n# 春节\n\n2027-02-10~2027-02-12,holiday,春节', 2027);
    expect(r.problems).toEqual([]);
    expect(r.days.map((d) => d.date)).toEqual(['2027-02-10', '2027-02-11', '2027-02-12']);
  });

  it('reports lines with a bad date, an unknown kind, no name or another year, by line number', () => {
    const r = parseCalendarPaste(
      '2027-02-30,holiday,x\n2027-03-01,maybe,x\n2027-03-02,休\n2026-12-31,休,x',
      2027,
    );
    expect(r.days).toEqual([]);
    expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
      [1, 'date'],
      [2, 'kind'],
      [3, 'name'],
      [4, 'year'],
    ]);
  });

  it('lets a later line for the same date win', () => {
    const r = parseCalendarPaste('2027-10-09,holiday,国庆节\n2027-10-09,workday,国庆节', 2027);
    expect(r.days).toEqual([{ date: '2027-10-09', kind: 'workday', name: '国庆节' }]);
  });

  it('normalizes the usual ways of writing a date and rejects impossible ones', () => {
    expect(normalizeDate('2027年2月6日')).toBe('2027-02-06');
    expect(normalizeDate('2027.2.6')).toBe('2027-02-06');
    expect(normalizeDate('2027-02-29')).toBeNull();
    expect(normalizeDate('02-06')).toBeNull();
  });
});
