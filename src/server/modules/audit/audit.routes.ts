import { and, desc, eq, gte, like, lte, or, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEntrySchema, auditQuery, auditVerifySchema } from '../../../shared/contracts/audit';
import { auditCheckpointFileOf, sealAndVerifyAudit, sealAudit, sealDepsOf } from '../../platform/audit';
import { auditLog } from '../../platform/audit.table';
import { actorCtxOf } from '../../platform/context';
import { access } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { defineModule } from '../../platform/module';
import { offsetOf, pageOf } from '../../platform/pagination';
import { escapeLike, requirePermission, scopePaths, scopeWhere } from '../../platform/permissions';
import { rowsOf } from '../../platform/db';

export const auditModule = defineModule({
  name: 'audit',
  jobs: [
    {
      // Chains committed audit rows and writes a signed checkpoint (see platform/audit.ts).
      name: 'audit.seal',
      cron: '* * * * *',
      run: (deps) => sealAudit(sealDepsOf(deps)),
    },
  ],
  routes(base: FastifyInstance, deps) {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['audit'];
    app.get(
      '/api/audit',
      {
        config: { access: access.permission('audit.read') },
        schema: {
          tags,
          querystring: auditQuery,
          response: { 200: pageOf(auditEntrySchema) },
        },
      },
      async (req) => {
        const ctx = actorCtxOf(deps, req);
        requirePermission(ctx.actor, 'audit.read');
        const q = req.query;
        // Entries with no org unit (logins, accounts) are visible to platform-wide auditors only.
        // History of units merged into the actor's scope stays visible to them (the trail itself is immutable).
        const merged = rowsOf<{ path: string }>(
          await ctx.db.execute(sql`
            with recursive absorbed as (
              select id, path from org_units where status = 'merged'
                and merged_into_id in (select id from org_units where ${scopeWhere(ctx.actor, 'audit.read', sql`path`)})
              union
              select o.id, o.path from org_units o join absorbed a on o.merged_into_id = a.id where o.status = 'merged'
            ) select path from absorbed`),
        );
        const inScope = scopeWhere(ctx.actor, 'audit.read', sql`coalesce(${auditLog.orgPath}, '/')`);
        const where = and(
          merged.length
            ? or(inScope, ...merged.map((m) => like(auditLog.orgPath, `${escapeLike(m.path)}%`)))
            : inScope,
          q.action ? eq(auditLog.action, q.action) : undefined,
          q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
          q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
          q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
          q.success ? eq(auditLog.success, q.success === 'true') : undefined,
          q.from ? gte(auditLog.at, q.from) : undefined,
          q.to ? lte(auditLog.at, q.to) : undefined,
        );
        const [{ n } = { n: 0 }] = await ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(where);
        const items = await ctx.db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.seq))
          .limit(q.pageSize)
          .offset(offsetOf(q));
        return { items, total: n, page: q.page, pageSize: q.pageSize };
      },
    );
    // Seals what has committed, then walks the chain and compares it with the newest signed checkpoints.
    app.get(
      '/api/audit/verify',
      {
        config: { access: access.platform('audit.read') },
        schema: { tags, response: { 200: auditVerifySchema } },
      },
      async (req) => {
        const ctx = actorCtxOf(deps, req);
        requirePermission(ctx.actor, 'audit.read');
        if (!scopePaths(ctx.actor, 'audit.read').includes('/')) throw new AppError('common.forbidden', 403);
        return sealAndVerifyAudit({
          db: ctx.db,
          clock: ctx.clock,
          pii: ctx.pii,
          checkpointFile: auditCheckpointFileOf(deps.config),
          log: req.log,
        });
      },
    );
  },
});
