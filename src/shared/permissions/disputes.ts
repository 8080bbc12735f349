import { defineAccess } from './define';

/** What the subdistrict admin and the governance centre's dispatcher hold: everything but configure. */
const CENTRE = [
  'disputes.read',
  'disputes.register',
  'disputes.dispatch',
  'disputes.handle',
  'disputes.reveal',
  'disputes.bodies',
] as const;

/**
 * The disputes module's permissions (seed 003 §三(三)): read, register at a door, divert/supervise/close
 * at the governance centre (dispatch), accept and mediate (handle), reveal parties' personal data, keep
 * the roster of handling bodies, and maintain the classification lists and ticket limits (configure).
 */
export const disputesAccess = defineAccess({
  permissions: [...CENTRE, 'disputes.configure'],
  grants: {
    civil_affairs: ['disputes.read', 'disputes.configure'],
    subdistrict_admin: CENTRE,
    dispatcher: CENTRE,
    community_secretary: [
      'disputes.read',
      'disputes.register',
      'disputes.handle',
      'disputes.reveal',
      'disputes.bodies',
    ],
    community_worker: ['disputes.read', 'disputes.register', 'disputes.handle', 'disputes.reveal'],
    grid_worker: ['disputes.read', 'disputes.register'],
    evaluator: ['disputes.read'],
  },
});
