import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { ktTasks } from './keyTasks.table';

/**
 * Who may do what with leading groups and key tasks (R-TK-1).
 *
 * Groups, lists and tasks live at the unit that set them up (a subdistrict, a bureau). They concern the
 * units below it too: a community is a responsible unit of most of seed 003's tasks. So a record is in
 * reach for reading — and for a progress report — when it lies in the actor's subtree for the permission
 * or the actor's unit lies under it. Managing and supervising (督办, 约谈) need the record in the subtree.
 */
export type TaskAction = 'read' | 'manage' | 'report' | 'supervise' | 'export';
type Rec = { orgPath: string };

export const keyTasksPolicy: Policy<TaskAction, Rec> = definePolicy({
  permissions: {
    read: 'key_tasks.read',
    manage: 'key_tasks.manage',
    report: 'key_tasks.report',
    supervise: 'key_tasks.supervise',
    export: 'key_tasks.export',
  },
  ...onOrgPath(ktTasks.orgPath),
});
