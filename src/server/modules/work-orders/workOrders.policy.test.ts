import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import { allowedActions, mayAct, workOrdersPolicy } from './workOrders.policy';

describe('work-orders policy', () => {
  const sub = '/city/district/sub1/';
  const community = `${sub}c1/`;
  // Dispatched by subdistrict 1's governance centre to community c1.
  const order = { orgPath: community, dispatchPath: sub, status: 'dispatched', supervised: false };
  const dispatcher = actorAt('dispatcher', sub);
  const worker = actorAt('community_worker', community);
  const otherWorker = actorAt('community_worker', `${sub}c2/`);

  it('staff reach an order through either of its paths: the handling unit or the dispatching subdistrict', () => {
    expect(workOrdersPolicy.can(worker, 'read', order)).toBe(true);
    // After the order moved elsewhere in the same subdistrict, the dispatcher still sees it.
    expect(workOrdersPolicy.can(dispatcher, 'read', { ...order, orgPath: '/city/district/sub1/c9/' })).toBe(
      true,
    );
    expect(workOrdersPolicy.can(otherWorker, 'read', order)).toBe(false);
  });

  it('the receiving unit accepts and handles, not the dispatching subdistrict alone (R-WO-3)', () => {
    expect(mayAct(worker, order, 'accept')).toBe(true);
    expect(mayAct(otherWorker, order, 'accept')).toBe(false);
    // The subdistrict's dispatcher holds no work_orders.handle.
    expect(mayAct(dispatcher, order, 'accept')).toBe(false);
    const subAdmin = actorAt('subdistrict_admin', sub);
    // Handler side is checked on org_path: an admin over the subdistrict also reaches the community below it…
    expect(mayAct(subAdmin, order, 'accept')).toBe(true);
    // …but not an order dispatched by their subdistrict and now handled by a unit outside it.
    expect(mayAct(subAdmin, { ...order, orgPath: '/city/district/sub2/c1/' }, 'accept')).toBe(false);
    expect(mayAct(subAdmin, { ...order, orgPath: '/city/district/sub2/c1/' }, 'reassign')).toBe(true);
  });

  it('the UI gets the actions of the state machine the actor may take; a supervised order is not supervised again', () => {
    expect(allowedActions(worker, order)).toEqual(['accept', 'return']);
    expect(allowedActions(worker, { ...order, orgPath: '/city/district/sub2/c1/' })).toEqual([]);
    const supervisor = actorAt('civil_affairs', '/city/');
    expect(allowedActions(supervisor, order)).toContain('supervise');
    expect(allowedActions(supervisor, { ...order, supervised: true })).not.toContain('supervise');
    expect(allowedActions(undefined, order)).toEqual([]);
  });

  it('a resident may report but not read the staff list: require answers 403 (401 without a session)', () => {
    const resident = actorAt('resident', community);
    expect(() => workOrdersPolicy.require(resident, 'report')).not.toThrow();
    expect(() => workOrdersPolicy.require(resident, 'read')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => workOrdersPolicy.require(undefined, 'read')).toThrow(
      expect.objectContaining({ status: 401 }),
    );
    expect(workOrdersPolicy.can(resident, 'read', order)).toBe(false);
  });
});
