import { type Policy, definePolicy } from '../../platform/policy';
import { residents } from './residents.table';

/**
 * Who may do what to residents (DESIGN convention 4). Each action needs its permission, and a resident
 * is in reach when their household, building or grid lies in the subtree where the actor holds it.
 * Removed residents (moved away, passed away) are kept but never edited again.
 */
export type ResidentAction = 'read' | 'write' | 'reveal' | 'export';
type ResidentRecord = { orgPath: string; deletedAt?: Date | null };

// (Typed explicitly: TypeScript needs it for `residentsPolicy.require` to narrow the actor.)
export const residentsPolicy: Policy<ResidentAction, ResidentRecord> = definePolicy({
  permissions: {
    read: 'residents.read',
    write: 'residents.write',
    /** Seeing an ID number, phone, address or special-group tags in full (audited, R-LAW-PI-1). */
    reveal: 'residents.reveal',
    export: 'residents.export',
  },
  pathColumn: residents.orgPath,
  pathOf: (r: ResidentRecord) => r.orgPath,
  allows: (_actor, action, r) => action === 'read' || action === 'export' || !r.deletedAt,
});
