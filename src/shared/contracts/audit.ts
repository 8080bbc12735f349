import { z } from 'zod';
import { dateRangeQuery } from './common';
import { pageQuery } from './pageQuery';

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  success: z.boolean(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

/** GET /api/audit/verify: the sealed chain checked against the newest signed checkpoints. */
export const auditVerifySchema = z.object({
  ok: z.boolean(),
  /** Sealed records checked. */
  checked: z.number(),
  /** Records not chained yet (written after the last seal): not tampering. */
  pending: z.number(),
  checkpoint: z.object({ pos: z.number(), at: z.string(), source: z.enum(['file', 'table']) }).nullable(),
  checkpointFile: z.enum(['checked', 'missing', 'none']),
  problem: z
    .object({
      reason: z.enum([
        'hash_mismatch',
        'broken_link',
        'head_mismatch',
        'checkpoint_mismatch',
        'checkpoint_invalid',
      ]),
      seq: z.number().nullable(),
      pos: z.number().nullable(),
      source: z.enum(['file', 'table']).optional(),
    })
    .optional(),
});
export type AuditVerifyDto = z.infer<typeof auditVerifySchema>;

export const auditQuery = z.object({
  action: z.string().max(60).optional(),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actorId: z.string().uuid().optional(),
  /** The entries one request or one job run wrote (its id from another entry or the server log). */
  requestId: z.string().max(100).optional(),
  success: z.enum(['true', 'false']).optional(),
  ...dateRangeQuery,
  ...pageQuery,
});
export type AuditQuery = z.infer<typeof auditQuery>;
