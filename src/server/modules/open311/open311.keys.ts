import { createHash, randomBytes } from 'node:crypto';
import { foundInReach } from '../../platform/findInScope';
import { auditRecord } from '../../platform/recordAudit';
import type { Clock } from '../../platform/clock';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, invalidField } from '../../platform/errors';
import { isUuid } from '../../platform/ids';
import { userDisplayNames } from '../accounts/accounts.api';
import { unitInScope, unitNames } from '../org/org.api';
import { open311Policy } from './open311.policy';
import {
  type KeyRow,
  activeKeyByHash,
  findKey,
  insertKey,
  listKeyRows,
  revokeKeyRow,
  touchKey,
} from './open311.repository';

export type { KeyRow };

/** A key's jurisdiction is an administrative unit: a city, district, subdistrict or community. */
export const KEY_UNIT_KINDS = ['city', 'district', 'subdistrict', 'community'] as const;
export const KEY_CHANNELS = ['open311', 'transfer_12345'] as const;

export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

async function toDtos(db: Db, rows: KeyRow[]) {
  if (rows.length === 0) return [];
  const unitIds = [...new Set(rows.map((r) => r.orgUnitId))];
  const userIds = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => !!x))];
  const units = await unitNames(db, unitIds);
  const people = await userDisplayNames(db, userIds);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    keyPrefix: r.keyPrefix,
    channel: r.channel as (typeof KEY_CHANNELS)[number],
    orgUnitId: r.orgUnitId,
    orgUnitName: units.get(r.orgUnitId) ?? null,
    active: r.active,
    createdBy: r.createdBy,
    createdByName: r.createdBy ? (people.get(r.createdBy) ?? null) : null,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
  }));
}

/** The keys of units in the actor's scope, newest first. */
export async function listKeys(ctx: ActorCtx) {
  open311Policy.require(ctx.actor, 'manage');
  const rows = await listKeyRows(ctx.db, ctx.actor, 'manage');
  return toDtos(ctx.db, rows);
}

/**
 * Issues a key for a jurisdiction in the actor's scope. The key is returned once; only its SHA-256 is
 * stored. Audited without the key.
 */
export async function createKey(
  ctx: ActorCtx,
  body: { name: string; orgUnitId: string; channel: (typeof KEY_CHANNELS)[number] },
) {
  open311Policy.require(ctx.actor, 'manage');
  const unit = isUuid(body.orgUnitId)
    ? await unitInScope(ctx.db, ctx.actor, open311Policy.permissions.manage, body.orgUnitId)
    : undefined;
  if (!unit) throw invalidField('orgUnitId', 'open311.unit_unknown');
  if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  if (!(KEY_UNIT_KINDS as readonly string[]).includes(unit.kind))
    throw invalidField('orgUnitId', 'open311.unit_kind');
  const apiKey = `o311_${randomBytes(24).toString('base64url')}`;
  const row: KeyRow = {
    id: ctx.ids(),
    name: body.name,
    keyHash: keyHash(apiKey),
    keyPrefix: apiKey.slice(0, 9),
    channel: body.channel,
    orgUnitId: unit.id,
    orgPath: unit.path,
    active: true,
    createdBy: ctx.actor.userId,
    createdAt: ctx.clock.now(),
    lastUsedAt: null,
    revokedAt: null,
    revokedBy: null,
  };
  await ctx.db.transaction(async (tx) => {
    await insertKey(tx, row);
    await auditRecord(tx, ctx, row, {
      action: 'open311.key_create',
      entityType: 'open311_key',
      after: { name: row.name, keyPrefix: row.keyPrefix, channel: row.channel, orgUnitId: row.orgUnitId },
    });
  });
  const [dto] = await toDtos(ctx.db, [row]);
  return { ...dto!, apiKey };
}

/** Revokes a key of a unit in scope (404 outside it); a revoked key answers 403 at once. */
export async function revokeKey(ctx: ActorCtx, id: string) {
  const key = await foundInReach(open311Policy, ctx, 'manage', () =>
    findKey(ctx.db, ctx.actor, 'manage', id),
  );
  if (!key.active) throw new AppError('open311.key_revoked', 409);
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const after = await revokeKeyRow(tx, id, { revokedAt: now, revokedBy: ctx.actor.userId });
    if (!after) throw new AppError('open311.key_revoked', 409);
    await auditRecord(tx, ctx, after, {
      action: 'open311.key_revoke',
      entityType: 'open311_key',
      before: { active: true },
      after: { active: false, name: after.name, keyPrefix: after.keyPrefix },
    });
    return after;
  });
  const [dto] = await toDtos(ctx.db, [updated]);
  return dto!;
}

/** The active key matching `apiKey`, or null. Notes its use at most once a minute. */
export async function authenticateKey(db: Db, clock: Clock, apiKey: string): Promise<KeyRow | null> {
  if (!apiKey || apiKey.length > 200) return null;
  const key = await activeKeyByHash(db, keyHash(apiKey));
  if (!key) return null;
  const now = clock.now();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await touchKey(db, key.id, now);
  }
  return key;
}
