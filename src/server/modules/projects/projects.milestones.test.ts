import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../../test/app';
import { selectedAndOther, setupProjectsWorld } from '../../../../test/projects';
import { auditLog } from '../../platform/audit.table';

const w = setupProjectsWorld('pjms_civil');
let projectId: string;
let otherId: string;

beforeAll(async () => {
  ({ selected: projectId, other: otherId } = await selectedAndOther(w));
});

const list = (c: Client, id = projectId) => c.get(`/api/projects/applications/${id}/milestones`);
const add = (c: Client, body: Record<string, unknown>, id = projectId) =>
  c.post(`/api/projects/applications/${id}/milestones`, body);

describe('R-PJ-4: a selected project’s milestones (动态跟踪)', () => {
  it('R-PJ-4: the community plans milestones inside the term; the bureau reads them; outside the term 422; before selection 409; out of scope 404', async () => {
    const a = await add(w.tongdu, { title: '驿站选址与设计', dueOn: '2027-01-31' });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ total: 1, done: 0, overdue: 0, canEdit: true, lastDay: '2027-11-30' });
    const b = await add(w.sd, { title: '驿站改造完工', dueOn: '2027-06-30', note: '含无障碍设施' });
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json().items.map((m: { title: string }) => m.title)).toEqual(['驿站选址与设计', '驿站改造完工']);

    const late = await add(w.tongdu, { title: '超出期限', dueOn: '2027-12-01' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toContain('2027-11-30');
    expect((await add(w.tongdu, { title: '早于入选', dueOn: '2026-11-01' })).statusCode).toBe(422);
    expect((await add(w.tongdu, { title: '', dueOn: '2027-02-01' })).statusCode).toBe(400);

    const read = await list(w.civil);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ total: 2, canEdit: false });
    expect((await add(w.civil, { title: '局里加的', dueOn: '2027-03-01' })).statusCode).toBe(403);

    // Another community's project: not found, for reading and writing; not selected yet: 409 for its own.
    expect((await list(w.tongdu, otherId)).statusCode).toBe(404);
    expect((await add(w.tongdu, { title: 'x', dueOn: '2027-03-01' }, otherId)).statusCode).toBe(404);
    expect((await add(w.xhy, { title: 'x', dueOn: '2027-03-01' }, otherId)).statusCode).toBe(409);
    expect((await list(w.tongdu, '00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('R-PJ-4: a milestone past its date and not done is overdue; done with a note; a done one cannot be removed; every change audited', async () => {
    const before = await list(w.tongdu);
    const first = before.json().items[0] as { id: string; dueOn: string };
    w.t.clock.set(new Date('2027-02-02T09:00:00+08:00'));
    try {
      // Sessions idle out across the jump: log in again at the new time.
      const tongdu = await w.t.as('tongdu_worker');
      const sd = await w.t.as('sd_admin');
      const xhy = await w.t.as('xhy_worker');
      const now = await list(tongdu);
      expect(now.json()).toMatchObject({ overdue: 1 });
      expect(now.json().items[0]).toMatchObject({ id: first.id, overdue: true });

      const done = await tongdu.patch(`/api/projects/milestones/${first.id}`, {
        done: true,
        doneNote: '选址经居民议事会确定',
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ done: 1, overdue: 0 });
      expect(done.json().items[0]).toMatchObject({ doneNote: '选址经居民议事会确定', overdue: false });
      expect(done.json().items[0].doneAt).toBeTruthy();
      // …and stands on the project's timeline (办理记录).
      const events = (await sd.get(`/api/projects/applications/${projectId}`)).json().events as {
        action: string;
        comment: string;
      }[];
      expect(events.find((e) => e.action === 'milestone_done')?.comment).toBe(
        '驿站选址与设计：选址经居民议事会确定',
      );

      const removeDone = await tongdu.delete(`/api/projects/milestones/${first.id}`);
      expect(removeDone.statusCode).toBe(409);
      const second = done.json().items[1] as { id: string };
      expect((await xhy.delete(`/api/projects/milestones/${second.id}`)).statusCode).toBe(404);
      const moved = await sd.patch(`/api/projects/milestones/${second.id}`, { dueOn: '2027-07-15' });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(
        (await sd.patch(`/api/projects/milestones/${second.id}`, { dueOn: '2028-01-01' })).statusCode,
      ).toBe(422);
      const removed = await tongdu.delete(`/api/projects/milestones/${second.id}`);
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json().total).toBe(1);

      const actions = (
        await w.t.database.db
          .select({ action: auditLog.action })
          .from(auditLog)
          .where(eq(auditLog.entityType, 'pj_milestone'))
      ).map((r) => r.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'projects.milestone.add',
          'projects.milestone.done',
          'projects.milestone.update',
          'projects.milestone.remove',
        ]),
      );
    } finally {
      w.t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
    }
  });
});
