import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../../test/app';
import { selectedAndOther, setupProjectsWorld } from '../../../../test/projects';

const w = setupProjectsWorld('pjb_civil');
let callId: string;

beforeAll(async () => {
  ({ callId } = await selectedAndOther(w));
});

const board = (c: Client, id = callId) => c.get(`/api/projects/calls/${id}/board`);

describe('a call’s board by subdistrict, state and deadline (R-PJ-4 动态跟踪)', () => {
  it('R-PJ-4: the bureau sees each subdistrict’s applications by state; a community only its own; unknown call 404', async () => {
    const res = await board(w.civil);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b.rows).toHaveLength(1);
    expect(b.rows[0]).toMatchObject({ subdistrictName: '新下陆街道', total: 2 });
    expect(b.rows[0].states).toMatchObject({ selected: 1, submitted: 1, draft: 0 });
    expect(b.totals).toMatchObject({ total: 2, reportsOpenOverdue: 0, reportsFiled: 0 });

    const own = await board(w.tongdu);
    expect(own.statusCode).toBe(200);
    expect(own.json().totals.total).toBe(1);
    expect(own.json().totals.states.selected).toBe(1);

    expect((await board(w.civil, '00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await board(w.civil, 'nope')).statusCode).toBe(404);
  });

  it('R-PJ-4: a monthly report past its day and not filed counts as open overdue', async () => {
    // Selected on 2026-11-23: the first report (December) is due before 20 December.
    w.t.clock.set(new Date('2026-12-21T09:00:00+08:00'));
    try {
      const bureau = await w.t.as('pjb_civil');
      const b = (await board(bureau)).json();
      expect(b.totals.reportsOpenOverdue).toBe(1);
      expect(b.rows[0].reportsOpenOverdue).toBe(1);
    } finally {
      w.t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
    }
  });
});
