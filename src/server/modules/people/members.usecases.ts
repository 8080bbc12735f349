import type {
  CreatePartyMemberBody,
  PartyMemberListQuery,
  UpdatePartyMemberBody,
} from '../../../shared/contracts/people';
import type { ActorCtx } from '../../platform/context';
import { AppError, invalidField, notFound } from '../../platform/errors';
import {
  memberIdOfResident,
  partyMemberFilters,
  partyMemberRows,
  partyOrgNames,
  partyOrgPath,
} from './members.repository';
import { partyOrgRows } from './party.repository';
import { peoplePolicy } from './people.policy';
import { chinaDate, linkedResident, registryRecords, unitForWrite, unitRowDtos } from './people.common';
import type { partyMembers } from './people.table';

type PartyMemberRow = typeof partyMembers.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Party members, including in-service members reporting to their residence community (在职党员报到).
// ---------------------------------------------------------------------------------------------

/** Reporting members register with the community where they live, or a unit below it. */
const REPORTING_UNIT_KINDS = ['community', 'grid', 'compound', 'building', 'household'];

async function partyMemberDtos(ctx: ActorCtx, rows: PartyMemberRow[]) {
  if (rows.length === 0) return [];
  const orgIds = [...new Set(rows.map((r) => r.partyOrgId).filter((x): x is string => !!x))];
  const orgName = await partyOrgNames(ctx.db, orgIds);
  return unitRowDtos(ctx, rows, (r) => ({
    id: r.id,
    residentId: r.residentId,
    name: r.name,
    partyOrgId: r.partyOrgId,
    partyOrgName: r.partyOrgId ? (orgName.get(r.partyOrgId) ?? null) : null,
    joinedOn: r.joinedOn,
    reporting: r.reporting,
    employer: r.employer,
    reportedOn: r.reportedOn,
    skills: r.skills,
    isCentralHousehold: r.isCentralHousehold,
  }));
}

const memberRecords = registryRecords(partyMemberRows, partyMemberDtos);

export function listPartyMembers(ctx: ActorCtx, q: PartyMemberListQuery) {
  return memberRecords.list(ctx, q, async () => {
    // A party organization that does not exist or is out of scope answers 404, never an empty page.
    const partyOrg = q.partyOrgId
      ? await partyOrgRows.find(ctx.db, ctx.actor, 'read', q.partyOrgId)
      : undefined;
    if (q.partyOrgId && !partyOrg) throw notFound();
    return partyMemberFilters(q, partyOrg?.id);
  });
}

export const getPartyMember = (ctx: ActorCtx, id: string) => memberRecords.get(ctx, id);

interface MemberState {
  residentId: string | null;
  name: string | undefined;
  orgUnitId: string | undefined;
  partyOrgId: string | null;
  reporting: boolean;
  employer: string | null;
  reportedOn: string | null;
}

/** Validates a member's links and reporting data; returns the unit and the filled-in fields. */
async function checkMember(ctx: ActorCtx, s: MemberState, selfId?: string) {
  const resident = s.residentId ? await linkedResident(ctx, s.residentId) : null;
  if (resident) {
    const dup = await memberIdOfResident(ctx.db, resident.id, selfId);
    if (dup)
      throw new AppError(
        'people.member_exists',
        409,
        {},
        { fields: [{ path: 'residentId', code: 'people.member_exists' }] },
      );
  }
  const name = s.name ?? resident?.name;
  if (!name) throw invalidField('name', 'invalid_type', 400);
  const orgUnitId = s.orgUnitId ?? resident?.orgUnitId;
  if (!orgUnitId) throw invalidField('orgUnitId', 'invalid_type', 400);
  const unit = await unitForWrite(ctx, orgUnitId);
  if (s.reporting) {
    if (!REPORTING_UNIT_KINDS.includes(unit.kind)) throw invalidField('orgUnitId', 'people.reporting_unit');
    if (!s.employer) throw invalidField('employer', 'people.employer_required');
  }
  if (s.partyOrgId) {
    const orgPath = await partyOrgPath(ctx.db, s.partyOrgId);
    // The member's organization sits at or above the member's unit.
    if (!orgPath || !unit.path.startsWith(orgPath)) throw invalidField('partyOrgId', 'people.party_org');
  }
  const reportedOn = s.reporting ? (s.reportedOn ?? chinaDate(ctx.clock.now())) : s.reportedOn;
  return { unit, name, reportedOn };
}

export async function createPartyMember(ctx: ActorCtx, input: CreatePartyMemberBody) {
  peoplePolicy.require(ctx.actor, 'write');
  const reporting = input.reporting ?? false;
  const { unit, name, reportedOn } = await checkMember(ctx, {
    residentId: input.residentId ?? null,
    name: input.name,
    orgUnitId: input.orgUnitId,
    partyOrgId: input.partyOrgId ?? null,
    reporting,
    employer: input.employer ?? null,
    reportedOn: input.reportedOn ?? null,
  });
  return memberRecords.insert(
    ctx,
    unit,
    {
      residentId: input.residentId ?? null,
      name,
      partyOrgId: input.partyOrgId ?? null,
      joinedOn: input.joinedOn ?? null,
      reporting,
      employer: input.employer ?? null,
      reportedOn,
      skills: input.skills ?? [],
      isCentralHousehold: input.isCentralHousehold ?? false,
    },
    { action: 'people.party_member.create', entityType: 'party_member' },
  );
}

export async function updatePartyMember(ctx: ActorCtx, id: string, input: UpdatePartyMemberBody) {
  peoplePolicy.require(ctx.actor, 'write');
  const before = await memberRecords.find(ctx, id, 'people.write');
  const pick = <T>(v: T | undefined, old: T) => (v !== undefined ? v : old);
  const residentId = pick(input.residentId, before.residentId);
  const reporting = pick(input.reporting, before.reporting);
  const employer = pick(input.employer, before.employer);
  const partyOrgId = pick(input.partyOrgId, before.partyOrgId);
  const { unit, name, reportedOn } = await checkMember(
    ctx,
    {
      // Re-check the resident link only when it changes: a resident who later moved out of scope keeps the link.
      residentId:
        input.residentId !== undefined && input.residentId !== before.residentId ? residentId : null,
      name: input.name ?? before.name,
      orgUnitId: input.orgUnitId ?? before.orgUnitId,
      partyOrgId,
      reporting,
      employer,
      reportedOn: pick(input.reportedOn, before.reportedOn),
    },
    id,
  );
  return memberRecords.update(
    ctx,
    before,
    {
      residentId,
      name,
      partyOrgId,
      orgUnitId: unit.id,
      orgPath: unit.path,
      joinedOn: pick(input.joinedOn, before.joinedOn),
      reporting,
      employer,
      reportedOn,
      skills: input.skills ?? before.skills,
      isCentralHousehold: input.isCentralHousehold ?? before.isCentralHousehold,
    },
    { action: 'people.party_member.update', entityType: 'party_member' },
  );
}
