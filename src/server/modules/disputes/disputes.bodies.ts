import type { z } from 'zod';
import {
  type BodyDto,
  type bodyBody,
  type bodyPatch,
  committeeProblem,
} from '../../../shared/contracts/disputes';
import { foundInReach } from '../../platform/findInScope';
import { auditedWrite } from '../../platform/auditedRows';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { unitInScope, unitNamesOf } from '../org/org.api';
import { newUnitRow } from '../../platform/newRow';
import { auditBody } from './disputes.audit';
import { unitHead } from '../../platform/unitHead';
import { bodiesPolicy } from './disputes.policy';
import {
  type BodyRow,
  bodiesAround,
  bodyLoads,
  findBody,
  findDispute,
  insertBody,
  listBodyRows,
  membersOf,
  replaceMembers,
  updateBodyRow,
} from './disputes.repository';

type MemberInput = z.infer<typeof bodyBody>['members'][number];

/** R-LAW-MD-1: an active people's mediation committee has 3–9 members, at least one a woman. */
function checkCommittee(
  kind: string,
  active: boolean,
  members: readonly MemberInput[] | readonly { gender: string }[],
) {
  if (kind !== 'mediation_committee' || !active) return;
  const problem = committeeProblem(members);
  if (problem)
    throw new AppError(problem === 'size' ? 'disputes.committee_size' : 'disputes.committee_woman', 422);
}

async function toDtos(ctx: ActorCtx, rows: BodyRow[]): Promise<BodyDto[]> {
  const ids = rows.map((r) => r.id);
  const [members, loads, units] = await Promise.all([
    membersOf(ctx.db, ids),
    bodyLoads(ctx.db, ids),
    unitNamesOf(ctx.db, rows),
  ]);
  return rows.map((b) => ({
    ...unitHead(b, units),
    kind: b.kind as BodyDto['kind'],
    name: b.name,
    contact: b.contact,
    skills: b.skills,
    active: b.active,
    load: loads.get(b.id) ?? 0,
    members: members
      .filter((m) => m.bodyId === b.id)
      .map((m) => ({ id: m.id, name: m.name, gender: m.gender, position: m.position, skills: m.skills })),
    canEdit: bodiesPolicy.can(ctx.actor, 'write', b),
  }));
}

/** The one-window roster in the actor's scope (R-DS-2), with members and load. */
export async function listBodies(ctx: ActorCtx) {
  bodiesPolicy.require(ctx.actor, 'read');
  return toDtos(ctx, await listBodyRows(ctx.db, ctx.actor));
}

/** The bodies that may take this dispute: of its unit and of the units above (the centre's stationed ones). */
export async function bodiesForDispute(ctx: ActorCtx, disputeId: string) {
  const d = await foundInReach(bodiesPolicy, ctx, 'read', () =>
    findDispute(ctx.db, ctx.actor, 'read', disputeId),
  );
  return toDtos(ctx, await bodiesAround(ctx.db, d.orgPath));
}

const memberRows = (ctx: ActorCtx, bodyId: string, members: readonly MemberInput[]) =>
  members.map((m) => ({
    id: ctx.ids(),
    bodyId,
    name: m.name,
    gender: m.gender,
    position: m.position,
    skills: m.skills,
    sinceDate: null,
  }));

export async function createBody(ctx: ActorCtx, input: z.infer<typeof bodyBody>) {
  bodiesPolicy.require(ctx.actor, 'write');
  const unit = await unitInScope(ctx.db, ctx.actor, 'disputes.bodies', input.orgUnitId);
  if (unit?.status !== 'active') throw notFound();
  checkCommittee(input.kind, true, input.members);
  const now = ctx.clock.now();
  const head = newUnitRow(ctx, unit, now);
  const { id } = head;
  await auditedWrite(
    ctx,
    async (tx) => {
      const b = await insertBody(tx, {
        ...head,
        kind: input.kind,
        name: input.name,
        contact: input.contact ?? null,
        skills: input.skills,
        active: true,
      });
      await replaceMembers(tx, id, memberRows(ctx, id, input.members));
      return b;
    },
    {
      action: 'disputes.body_create',
      entityType: 'ds_body',
      view: (b) => ({ kind: b.kind, name: b.name, members: input.members.length }),
    },
  );
  const [dto] = await toDtos(ctx, [(await findBody(ctx.db, ctx.actor, 'read', id))!]);
  return dto!;
}

export async function updateBody(ctx: ActorCtx, id: string, input: z.infer<typeof bodyPatch>) {
  const b = await foundInReach(bodiesPolicy, ctx, 'write', () => findBody(ctx.db, ctx.actor, 'write', id));
  const members = input.members ?? (await membersOf(ctx.db, [b.id]));
  checkCommittee(b.kind, input.active ?? b.active, members);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await updateBodyRow(tx, b.id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.contact !== undefined && { contact: input.contact ?? null }),
      ...(input.active !== undefined && { active: input.active }),
      updatedAt: now,
    });
    if (input.members) await replaceMembers(tx, b.id, memberRows(ctx, b.id, input.members));
    await auditBody(
      tx,
      ctx,
      b,
      'disputes.body_update',
      { name: after.name, active: after.active, members: input.members?.length },
      { name: b.name, active: b.active },
    );
  });
  const [dto] = await toDtos(ctx, [(await findBody(ctx.db, ctx.actor, 'read', id))!]);
  return dto!;
}
