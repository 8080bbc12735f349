import type { FastifyInstance } from 'fastify';
import { auditEntrySchema, auditQuery, auditVerifySchema } from '../../../shared/contracts/audit';
import { auditCheckpointFileOf, sealAudit, sealDepsOf } from '../../platform/audit';
import { routeKit } from '../../platform/routeKit';
import { actorCtxOf } from '../../platform/context';
import { access } from '../../platform/access';
import { defineModule } from '../../platform/module';
import { listAudit, verifyAudit } from './audit.usecases';
import * as auditTables from '../../platform/audit.table';
import { auditAccess } from '../../../shared/permissions/audit';

export const auditModule = defineModule({
  name: 'audit',
  tables: auditTables,
  access: auditAccess,
  jobs: [
    {
      // Chains committed audit rows and writes a signed checkpoint (see platform/audit.ts).
      name: 'audit.seal',
      cron: '* * * * *',
      run: (deps) => sealAudit(sealDepsOf(deps)),
    },
  ],
  routes(base: FastifyInstance, deps) {
    const { app, tags, page } = routeKit(base, deps, 'audit');
    page('/api/audit', access.permission('audit.read'), auditQuery, auditEntrySchema, listAudit);
    // Seals what has committed, then walks the chain and compares it with the newest signed checkpoints.
    app.get(
      '/api/audit/verify',
      {
        config: { access: access.platform('audit.read') },
        schema: { tags, response: { 200: auditVerifySchema } },
      },
      (req) =>
        verifyAudit(actorCtxOf(deps, req), {
          checkpointFile: auditCheckpointFileOf(deps.config),
          log: req.log,
        }),
    );
  },
});
