import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import {
  allowedActions,
  dutySlotsPolicy,
  mayAct,
  needsPolicy,
  serviceOrdersPolicy,
  volunteerRecordVisible,
} from './services.policy';

describe('services policy', () => {
  const community = '/city/district/sub/c1/';
  const worker = actorAt('community_worker', community, 'worker');
  const gridWorker = actorAt('grid_worker', `${community}g1/`, 'grid');
  const resident = actorAt('resident', `${community}g1/h1/`, 'resident');
  const volunteer = actorAt('volunteer', community, 'volunteer');
  const order = {
    orgPath: community,
    orderedBy: 'resident',
    onBehalf: false,
    assigneeUserId: 'volunteer',
    status: 'dispatched',
  };

  it('community staff keep the three lists and the duty rota of their community (R-SV-1, R-SV-2)', () => {
    expect(needsPolicy.can(worker, 'write', { orgPath: `${community}g1/` })).toBe(true);
    expect(needsPolicy.can(worker, 'write', { orgPath: '/city/district/sub/c2/' })).toBe(false);
    expect(dutySlotsPolicy.can(gridWorker, 'write', { orgPath: community })).toBe(false);
    expect(() => needsPolicy.require(resident, 'read')).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('点单 → 派单 → 接单: the community dispatches, the assigned login accepts, the orderer confirms (R-SV-1)', () => {
    expect(mayAct(worker, { ...order, status: 'ordered', assigneeUserId: null }, 'dispatch')).toBe(true);
    expect(mayAct(gridWorker, { ...order, status: 'ordered', assigneeUserId: null }, 'dispatch')).toBe(false);
    expect(allowedActions(volunteer, order)).toEqual(expect.arrayContaining(['accept', 'decline']));
    // Another volunteer, or staff, never accept for an assigned login.
    expect(mayAct(actorAt('volunteer', community, 'other'), order, 'accept')).toBe(false);
    expect(mayAct(worker, order, 'accept')).toBe(false);
    expect(mayAct(resident, { ...order, status: 'served' }, 'confirm')).toBe(true);
  });

  it('nobody confirms, and so credits, a service they gave themselves (R-VP-1)', () => {
    const selfServed = { ...order, orderedBy: 'volunteer', status: 'served' };
    expect(mayAct(volunteer, selfServed, 'confirm')).toBe(false);
  });

  it('staff cancel any order of their community; no person takes the system timeout', () => {
    expect(mayAct(worker, order, 'cancel')).toBe(true);
    expect(mayAct(worker, order, 'timeout')).toBe(false);
    expect(serviceOrdersPolicy.can(worker, 'dispatch', { ...order, orgPath: '/city/district/sub/c2/' })).toBe(
      false,
    );
  });

  it('a volunteer record is seen by the volunteer or by staff over them', () => {
    expect(volunteerRecordVisible(volunteer, { userId: 'volunteer', orgPath: '/elsewhere/' })).toBe(true);
    expect(volunteerRecordVisible(worker, { userId: 'v2', orgPath: `${community}g1/` })).toBe(true);
    expect(volunteerRecordVisible(resident, { userId: 'v2', orgPath: `${community}g1/` })).toBe(false);
  });
});
