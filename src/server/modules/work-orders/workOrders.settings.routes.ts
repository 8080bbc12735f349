import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { woSettingsBody, woSettingsView } from '../../../shared/contracts/workOrderSettings';
import { writeAudit } from '../../platform/audit';
import { upsertRow } from '../../platform/upsertRow';
import { routeKit } from '../../platform/routeKit';
import { type ActorCtx, actorCtxOf } from '../../platform/context';
import { access } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { defineModule } from '../../platform/module';
import { workOrdersPolicy } from './workOrders.policy';
import { findUnitInScope, type OrgUnit } from '../org/org.api';
import { invalidateSettingsCache } from './workOrders.cache';
import { settingsFor } from './workOrders.settings';
import { woSettings } from './workOrders.table';

const CONFIGURABLE_KINDS = ['city', 'district', 'subdistrict'];

/** Time limits and rate weights per city, district or subdistrict (nearest configured ancestor wins). */
export const workOrderSettingsModule = defineModule({
  name: 'work-order-settings',
  routes(base: FastifyInstance, deps) {
    const { app, tags } = routeKit(base, deps, 'work-orders');
    const params = z.object({ orgUnitId: z.string() });

    const view = async (ctx: ActorCtx, unit: OrgUnit) => {
      const ids = unit.path.split('/').filter(Boolean);
      const rows = await ctx.db.select().from(woSettings).where(inArray(woSettings.orgUnitId, ids));
      const nearest = rows.sort((x, y) => ids.indexOf(y.orgUnitId) - ids.indexOf(x.orgUnitId))[0];
      return {
        sourceUnitId: nearest?.orgUnitId ?? null,
        own: rows.find((r) => r.orgUnitId === unit.id)?.settings ?? null,
        effective: (await settingsFor(ctx.db, unit.path)) as unknown as Record<string, unknown>,
        abilities: {
          edit:
            CONFIGURABLE_KINDS.includes(unit.kind) &&
            workOrdersPolicy.can(ctx.actor, 'supervise', { orgPath: unit.path, dispatchPath: unit.path }),
        },
      };
    };

    app.get(
      '/api/work-orders/settings/:orgUnitId',
      {
        config: { access: access.permission('work_orders.read') },
        schema: { tags, params, response: { 200: woSettingsView } },
      },
      async (req) => {
        const ctx = actorCtxOf(deps, req);
        workOrdersPolicy.require(ctx.actor, 'read');
        return view(ctx, await findUnitInScope(ctx, req.params.orgUnitId));
      },
    );

    app.put(
      '/api/work-orders/settings/:orgUnitId',
      {
        config: { access: access.permission('work_orders.supervise') },
        schema: { tags, params, body: woSettingsBody, response: { 200: woSettingsView } },
      },
      async (req) => {
        const ctx = actorCtxOf(deps, req);
        workOrdersPolicy.require(ctx.actor, 'supervise');
        const unit = await findUnitInScope(ctx, req.params.orgUnitId);
        if (!workOrdersPolicy.can(ctx.actor, 'supervise', { orgPath: unit.path, dispatchPath: unit.path }))
          throw new AppError('common.forbidden', 403);
        if (!CONFIGURABLE_KINDS.includes(unit.kind)) throw new AppError('work_orders.settings_level', 422);
        const now = ctx.clock.now();
        await ctx.db.transaction(async (tx) => {
          const [before] = await tx.select().from(woSettings).where(eq(woSettings.orgUnitId, unit.id));
          const set = { settings: req.body, updatedAt: now };
          await upsertRow(tx, woSettings, woSettings.orgUnitId, { orgUnitId: unit.id, ...set }, set);
          await writeAudit(tx, ctx, {
            action: 'work_orders.settings',
            entityType: 'org_unit',
            entityId: unit.id,
            orgPath: unit.path,
            before: before?.settings ?? null,
            after: req.body,
          });
        });
        invalidateSettingsCache(ctx.db);
        return view(ctx, unit);
      },
    );
  },
});
