import { type Policy, definePolicy } from '../../platform/policy';
import { importJobs } from './imports.table';

/**
 * Who may do what to resident import jobs. Every action needs `residents.import` in the subtree of the
 * job's target unit (an import writes residents there, R-LAW-PI-1: personal data only within one's
 * scope). Per record: a job is committed only when validated without errors and with rows to write, and
 * cancelled only while parsing or validated (a committed import is undone resident by resident).
 */
export type ImportAction = 'read' | 'import' | 'commit' | 'cancel';
type ImportJobRecord = { orgPath: string; status: string; errorRows: number; processedRows: number };

export const importsPolicy: Policy<ImportAction, ImportJobRecord> = definePolicy({
  permissions: {
    read: 'residents.import',
    import: 'residents.import',
    commit: 'residents.import',
    cancel: 'residents.import',
  },
  pathColumn: importJobs.orgPath,
  pathOf: (j: ImportJobRecord) => j.orgPath,
  allows: (_actor, action, j) => {
    if (action === 'commit')
      return j.status === 'validated' && j.errorRows === 0 && j.processedRows - j.errorRows > 0;
    if (action === 'cancel') return j.status === 'parsing' || j.status === 'validated';
    return true;
  },
});
