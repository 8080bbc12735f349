import { expect } from 'vitest';
import { type Client, type TestApp, createUser } from './app';

/**
 * Test kit of the participation module: the residents of 铜都 and 西花苑 its tests sign in as, and a
 * convention of 铜都社区, so each test file starts from the state it needs in a few lines.
 */

/** Creates the residents `jumin1` (铜都 1栋) and `jumin2` (西花苑 5栋) and signs them in. */
export async function boardResidents(t: TestApp): Promise<{ jumin1: Client; jumin2: Client }> {
  await createUser(t, 'jumin1', [{ role: 'resident', orgUnitId: t.fx.tongduBuilding.id }]);
  await createUser(t, 'jumin2', [{ role: 'resident', orgUnitId: t.fx.xihuayuanBuilding.id }]);
  return { jumin1: await t.as('jumin1'), jumin2: await t.as('jumin2') };
}

/** A new residents' convention of 铜都社区 (铜都社区居民公约) with no version yet; its id. */
export async function tongduConvention(t: TestApp, tongdu: Client): Promise<string> {
  const c = await tongdu.post('/api/conventions', {
    orgUnitId: t.fx.tongdu.id,
    kind: 'residents_convention',
    title: '铜都社区居民公约',
  });
  expect(c.statusCode, c.body).toBe(201);
  return c.json().id;
}

/** Sets 铜都社区's disclosure schedule of `kind` (R-LAW-DC-1: finances monthly, governance quarterly …). */
export async function tongduSchedule(
  t: TestApp,
  tongdu: Client,
  kind: string,
  frequency: 'monthly' | 'quarterly',
): Promise<void> {
  const res = await tongdu.post('/api/disclosures/schedules', { orgUnitId: t.fx.tongdu.id, kind, frequency });
  expect(res.statusCode, res.body).toBe(200);
}

/** Posts a meeting of 铜都社区 (关于小区停车位改造的议题, held in 12 days), `body` over those defaults; the answer. */
export function postTongduMeeting(t: TestApp, client: Client, body: Record<string, unknown>) {
  return client.post('/api/meetings', {
    orgUnitId: t.fx.tongdu.id,
    title: '关于小区停车位改造的议题',
    heldAt: new Date(t.clock.now().getTime() + 12 * 24 * 3_600_000).toISOString(),
    ...body,
  });
}
