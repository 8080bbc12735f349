import type { AuditQuery } from '../../../shared/contracts/audit';
import { type SealDeps, sealAndVerifyAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { auditPolicy } from './audit.policy';
import { listAuditEntries } from './audit.repository';

/** The audit trail in the actor's reach, newest first. */
export function listAudit(ctx: ActorCtx, q: AuditQuery) {
  auditPolicy.require(ctx.actor, 'read');
  return listAuditEntries(ctx.db, ctx.actor, q);
}

/** Seals what has committed, then walks the whole chain against the newest signed checkpoints. */
export function verifyAudit(ctx: ActorCtx, deps: Omit<SealDeps, 'db' | 'clock' | 'pii'>) {
  auditPolicy.require(ctx.actor, 'verify');
  // The chain is one for the whole platform: only platform-wide auditors walk it.
  // An entry with no unit lies at the root ('/'): in reach only for platform-wide auditors.
  if (!auditPolicy.can(ctx.actor, 'verify', { orgPath: null })) throw new AppError('common.forbidden', 403);
  return sealAndVerifyAudit({ ...deps, db: ctx.db, clock: ctx.clock, pii: ctx.pii });
}
