import type { SQL } from 'drizzle-orm';
import { type AuditedWrite, auditedChange, auditedWrite } from '../../platform/auditedRows';
import type { ActorCtx } from '../../platform/context';
import { newUnitRow } from '../../platform/newRow';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { checkId, isUuid } from '../../platform/ids';
import type { PageQuery } from '../../platform/listing';
import { findUnitInScope, type OrgUnit, unitNames, unitNamesOf } from '../org/org.api';
import { liveResidentInScope } from '../residents/residents.api';
import { type PeopleAction, peoplePolicy } from './people.policy';
import type { RegistryRows } from './people.repository';

/** Helpers shared by the people registry's use cases. */

export type PeoplePermission = 'people.read' | 'people.write';

/** The policy action behind a people permission. */
export const actionOf = (permission: PeoplePermission): PeopleAction =>
  permission === 'people.write' ? 'write' : 'read';

/** An id that cannot exist answers 404 before touching the database (platform/ids.ts). */
export { checkId };

/** Whether the actor may change a row at `path` (DESIGN convention 6: abilities). */
export function writable(ctx: ActorCtx, path: string): boolean {
  return peoplePolicy.can(ctx.actor, 'write', { orgPath: path });
}

/**
 * The unit a new or moved row belongs to: in the actor's write scope (else 404, R-ORG-1), active,
 * and of an allowed kind (else a field error on orgUnitId).
 */
export async function unitForWrite(
  ctx: ActorCtx,
  orgUnitId: string,
  kinds?: readonly string[],
): Promise<OrgUnit> {
  const unit = await findUnitInScope(ctx, orgUnitId, 'people.write');
  if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  if (kinds && !kinds.includes(unit.kind)) throw invalidField('orgUnitId', 'people.unit_kind');
  return unit;
}

/** The new unit when an update moves a row (checked as `unitForWrite` does), else null. */
export async function movedUnit(
  ctx: ActorCtx,
  orgUnitId: string | undefined,
  current: string,
  kinds?: readonly string[],
): Promise<OrgUnit | null> {
  return orgUnitId !== undefined && orgUnitId !== current ? unitForWrite(ctx, orgUnitId, kinds) : null;
}

/** The unit columns an update sets when it moves the row to `unit` (none when it stays). */
export const movedTo = (unit: OrgUnit | null) => (unit ? { orgUnitId: unit.id, orgPath: unit.path } : {});

/** Unit names by id, for the *Name fields of DTOs (optional references may be empty). */
export { unitNames };

/** The columns of a registry row that its unit and the clock give. */
interface UnitRow {
  orgUnitId: string;
  orgPath: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Registry DTOs: each row's unit (id and name), timestamps and `abilities: { edit }` (DESIGN convention 6),
 * with the row's own fields from `fields(row, edit)` (which may give fuller abilities).
 */
export async function unitRowDtos<R extends UnitRow, F extends object>(
  ctx: ActorCtx,
  rows: R[],
  fields: (r: R, edit: boolean) => F,
) {
  const units = await unitNamesOf(ctx.db, rows);
  return rows.map((r) => {
    const edit = writable(ctx, r.orgPath);
    return {
      orgUnitId: r.orgUnitId,
      orgUnitName: units.get(r.orgUnitId) ?? null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      abilities: { edit },
      ...fields(r, edit),
    };
  });
}

/** The columns of a new registry row that `registryRecords(...).insert` fills in. */
type FilledColumns = 'id' | 'orgUnitId' | 'orgPath' | 'createdAt' | 'updatedAt';

/**
 * One kind of registry record (a table's `RegistryRows` and its DTOs) and the steps its use cases share:
 * find a row in reach, a row's DTO, read by id, list a page, insert a row in a unit and update one, each
 * write with its audit entry and answered as the DTO.
 */
export function registryRecords<R extends UnitRow & { id: string }, I, D>(
  rows: RegistryRows<R, I>,
  dtos: (ctx: ActorCtx, rows: R[]) => Promise<D[]>,
) {
  /** One row by id in reach for `permission`; out of reach or unknown answers 404. */
  const find = async (ctx: ActorCtx, id: string, permission: PeoplePermission): Promise<R> => {
    const row = await rows.find(ctx.db, ctx.actor, actionOf(permission), id);
    if (!row) throw notFound();
    return row;
  };
  const dto = async (ctx: ActorCtx, row: R) => (await dtos(ctx, [row]))[0]!;
  return {
    find,
    dto,
    /** A row by id in read reach (else 404), as its DTO. */
    async get(ctx: ActorCtx, id: string) {
      peoplePolicy.require(ctx.actor, 'read');
      return dto(ctx, await find(ctx, id, 'people.read'));
    },
    /**
     * A list's answer (people.read): one page of rows in read reach, in the subtree of `q.orgUnitId` when
     * given (else 404), that match every condition `filters` gives (called after the subtree's unit was found).
     */
    async list(
      ctx: ActorCtx,
      q: PageQuery & { orgUnitId?: string },
      filters: () => (SQL | undefined)[] | Promise<(SQL | undefined)[]>,
    ) {
      peoplePolicy.require(ctx.actor, 'read');
      const unit = q.orgUnitId ? await findUnitInScope(ctx, q.orgUnitId, 'people.read') : undefined;
      const page = await rows.list(ctx.db, ctx.actor, 'read', {
        unitPath: unit?.path,
        filters: await filters(),
        page: q,
      });
      return { ...page, items: await dtos(ctx, page.items) };
    },
    /** Inserts a row in `unit` with a new id, created and updated now, and its audit entry. */
    async insert(ctx: ActorCtx, unit: OrgUnit, fields: Omit<I, FilledColumns>, audit: AuditedWrite<R>) {
      const values = { ...newUnitRow(ctx, unit, ctx.clock.now()), ...fields } as I;
      return dto(ctx, await auditedWrite(ctx, (tx) => rows.insert(tx, values), audit));
    },
    /**
     * Updates the row `before` (found in write reach) with `set`, updated now, and writes its audit entry
     * (`before` and `after` as `audit.view` shows them, `after` extended by `audit.extra`).
     */
    async update(
      ctx: ActorCtx,
      before: R,
      set: Partial<I>,
      audit: AuditedWrite<R> & { extra?: Record<string, unknown> },
    ) {
      const changes = { ...set, updatedAt: ctx.clock.now() };
      const after = await auditedChange(ctx, before, (tx) => rows.update(tx, before.id, changes), audit);
      return dto(ctx, after);
    },
  };
}

/** The ids on a materialized path, root first. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * A linked resident must be a live record in the actor's write scope; anything else is the same field
 * error, so the answer does not reveal whether an out-of-scope resident exists.
 */
export async function linkedResident(ctx: ActorCtx, residentId: string) {
  const r = isUuid(residentId)
    ? await liveResidentInScope(ctx.db, ctx.actor, 'people.write', residentId)
    : undefined;
  if (!r) throw invalidField('residentId', 'people.resident_not_found');
  return { id: r.id, name: r.name, orgUnitId: r.orgUnitId, orgPath: r.orgPath };
}

/** A unique-index violation (platform/db.ts), of any index unless one is named. */
export { isUniqueViolation } from '../../platform/db';

export { chinaDate } from '../../../shared/chinaTime';
