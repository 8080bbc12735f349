import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../../test/app';
import {
  openCall,
  PROJECT_CONTENT,
  setupProjectsWorld,
  submittedApplication,
  userIdOf,
} from '../../../../test/projects';
import { auditLog } from '../../platform/audit.table';

const w = setupProjectsWorld('pjas_civil');
let evaluator: Client;

beforeAll(async () => {
  evaluator = await w.t.as('evaluator');
});

const scores = { facilities: 20, party_building: 22, service_capacity: 18, participation: 20 };

describe('evaluator assignment (issue 11 §2: an evaluator sees only what they are assigned)', () => {
  it('R-PJ-2: the bureau assigns reviewers to submitted applications (bulk); an unassigned application is 404 for the reviewer in list, detail, scores and to-dos', async () => {
    const callId = await openCall(w.t, w.civil);
    const mine = await submittedApplication(callId, w.t.fx.tongdu.id, w.tongdu, w.sd);
    const other = await submittedApplication(callId, w.t.fx.xihuayuan.id, w.xhy, w.sd);
    const evaluatorId = await userIdOf(w.t, 'evaluator');

    // Before any assignment the reviewer sees nothing of the call.
    expect((await evaluator.get(`/api/projects/applications/${mine}`)).statusCode).toBe(404);
    expect((await evaluator.get(`/api/projects/applications?callId=${callId}`)).json().items).toHaveLength(0);

    // The bureau sees the candidate reviewers and assigns one application.
    const list = await w.civil.get(`/api/projects/calls/${callId}/assignments`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().reviewers.map((r: { id: string }) => r.id)).toContain(evaluatorId);
    const res = await w.civil.post(`/api/projects/calls/${callId}/assignments`, {
      applicationIds: [mine],
      reviewerIds: [evaluatorId],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toMatchObject([{ applicationId: mine, reviewerId: evaluatorId }]);

    // The reviewer lists, reads and scores only the assigned one.
    const items = (await evaluator.get(`/api/projects/applications?callId=${callId}`)).json().items;
    expect(items.map((a: { id: string }) => a.id)).toEqual([mine]);
    const toScore = (await evaluator.get(`/api/projects/applications?view=toScore`)).json().items;
    expect(toScore.map((a: { id: string }) => a.id)).toEqual([mine]);
    expect((await evaluator.get(`/api/projects/applications/${other}`)).statusCode).toBe(404);
    const refused = await evaluator.post(`/api/projects/applications/${other}/scores`, {
      conflict: false,
      scores,
    });
    expect(refused.statusCode).toBe(404);
    expect((await evaluator.get(`/api/projects/applications/${other}/form.pdf`)).statusCode).toBe(404);
    const scored = await evaluator.post(`/api/projects/applications/${mine}/scores`, {
      conflict: false,
      scores,
    });
    expect(scored.statusCode, scored.body).toBe(200);
    // The call's counts are of the assigned ones only.
    const call = (await evaluator.get(`/api/projects/calls/${callId}`)).json();
    expect(call.counts).toEqual({ submitted: 1 });

    // The bureau itself reads and scores every application without an assignment.
    expect((await w.civil.get(`/api/projects/applications?callId=${callId}`)).json().items).toHaveLength(2);
    const bureau = await w.civil.post(`/api/projects/applications/${other}/scores`, {
      conflict: false,
      scores,
    });
    expect(bureau.statusCode, bureau.body).toBe(200);

    // Bulk: both applications at once (the existing pair stays once); then one removed → 404 again.
    const bulk = await w.civil.post(`/api/projects/calls/${callId}/assignments`, {
      applicationIds: [mine, other],
      reviewerIds: [evaluatorId],
    });
    expect(bulk.json().items).toHaveLength(2);
    expect((await evaluator.get(`/api/projects/applications/${other}`)).statusCode).toBe(200);
    const removed = await w.civil.post(`/api/projects/calls/${callId}/assignments/remove`, {
      applicationId: other,
      reviewerId: evaluatorId,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await evaluator.get(`/api/projects/applications/${other}`)).statusCode).toBe(404);

    const audit = await w.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'pj_assignment')));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'projects.assign',
      'projects.assign',
      'projects.unassign',
    ]);
  });

  it('R-PJ-2: only submitted applications take reviewers, only holders of projects.score, only by the bureau', async () => {
    const callId = await openCall(w.t, w.civil);
    const draft = await w.tongdu.post('/api/projects/applications', {
      callId,
      orgUnitId: w.t.fx.tongdu.id,
      ...PROJECT_CONTENT,
    });
    const evaluatorId = await userIdOf(w.t, 'evaluator');
    const notYet = await w.civil.post(`/api/projects/calls/${callId}/assignments`, {
      applicationIds: [draft.json().id],
      reviewerIds: [evaluatorId],
    });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().error.code).toBe('projects.assign_not_submitted');
    const submitted = await submittedApplication(callId, w.t.fx.xihuayuan.id, w.xhy, w.sd);
    const notReviewer = await w.civil.post(`/api/projects/calls/${callId}/assignments`, {
      applicationIds: [submitted],
      reviewerIds: [await userIdOf(w.t, 'tongdu_worker')],
    });
    expect(notReviewer.statusCode).toBe(422);
    expect(notReviewer.json().error.code).toBe('projects.assign_not_reviewer');
    expect((await w.sd.get(`/api/projects/calls/${callId}/assignments`)).statusCode).toBe(403);
    expect((await evaluator.get(`/api/projects/calls/${callId}/assignments`)).statusCode).toBe(403);
  });
});
