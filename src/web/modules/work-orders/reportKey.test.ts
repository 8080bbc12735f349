import { describe, expect, it } from 'vitest';
import { reportKey } from './api';

describe('the Idempotency-Key of a resident report', () => {
  const body = {
    kind: 'help',
    categoryCode: 'other',
    description: '楼道灯坏了',
    requesterPhone: '13800001111',
  };

  it('is the same for a resubmission of the same report, so a lost answer does not file it twice', () => {
    expect(reportKey('p1', body)).toBe(reportKey('p1', { ...body }));
  });

  it('differs for an edited report and on another page load', () => {
    expect(reportKey('p1', { ...body, description: '楼道灯坏了两盏' })).not.toBe(reportKey('p1', body));
    expect(reportKey('p2', body)).not.toBe(reportKey('p1', body));
  });

  it('is 1–200 printable characters, as the server requires', () => {
    expect(reportKey('lz3k9x2abcdefgh', body)).toMatch(/^[\x21-\x7e]{1,200}$/);
  });
});
