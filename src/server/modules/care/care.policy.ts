import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { carePlans, careRelief } from './care.table';

/**
 * Who may do what in special-group care (R-SV-3, the strictest scope): staff over the resident's unit
 * (a grid worker sees only their grid); `visit_own` is decided by ownership, not by the tree: a volunteer
 * or grid worker logs visits only on plans assigned to them (`allows`).
 */
export type PlanAction = 'read' | 'plan' | 'visit' | 'visit_own' | 'reveal';
export type PlanRecord = { orgPath: string; assigneeUserId: string };

export const plansPolicy: Policy<PlanAction, PlanRecord> = definePolicy({
  permissions: {
    read: 'care.read',
    plan: 'care.plan',
    visit: 'care.visit',
    visit_own: 'care.visit_own',
    reveal: 'care.reveal',
  },
  pathColumn: carePlans.orgPath,
  pathOf: (p: PlanRecord) => p.orgPath,
  unscoped: ['visit_own'],
  allows: (actor, action, p) => action !== 'visit_own' || p.assigneeUserId === actor.userId,
});

export type ReliefAction = 'read' | 'apply' | 'approve' | 'reveal';
export type ReliefRecord = { orgPath: string };

export const reliefPolicy: Policy<ReliefAction, ReliefRecord> = definePolicy({
  permissions: { read: 'care.read', apply: 'care.relief', approve: 'care.approve', reveal: 'care.reveal' },
  ...onOrgPath(careRelief.orgPath),
});
