import type { MeOverviewDto } from '../../../shared/contracts/accounts';
import { type Permission, roleHas } from '../../../shared/permissions';
import type { ActorCtx } from '../../platform/context';
import { mineReaders } from '../../platform/offerings';
import { userRowById } from './accounts.sms.repository';

const LATEST = 5;

/**
 * GET /api/me/overview (docs/API-resident.md): the phone home's one read for a logged-in resident or
 * volunteer: my requests, my service orders (latest 5 and how many), my love points and time-bank
 * minutes, and which phone tiles I can use. Only the caller's own rows: everything is keyed by the
 * session's user id (and the caller's own phone blind index), so there is no record to be out of scope.
 * The rows come from the modules that hold them (work orders, services, volunteers, ledger), through the
 * readers they offer in `defineModule({ mine })` (platform/mine.ts): accounts lies below them.
 * There is no community notice board in Linli yet, so no notices.
 */
export async function meOverview(ctx: ActorCtx): Promise<MeOverviewDto> {
  const { actor } = ctx;
  const user = await userRowById(ctx.db, actor.userId);
  const me = {
    userId: actor.userId,
    phoneHash: user?.phoneHash ?? null,
    residentId: user?.residentId ?? null,
  };
  const mine = mineReaders();
  const [requests, serviceOrders, volunteerId, balances] = await Promise.all([
    mine.requests(ctx.db, me, LATEST),
    mine.serviceOrders(ctx.db, me, LATEST),
    mine.volunteerId(ctx.db, me),
    mine.balances(ctx.db, me),
  ]);
  const has = (p: Permission) => actor.assignments.some((a) => roleHas(a.role, p));
  const volunteer = volunteerId !== null;
  const residentRole = actor.assignments.find((a) => a.role === 'resident');
  return {
    user: { id: actor.userId, displayName: actor.displayName, phoneMask: user?.phoneMask ?? null },
    resident: {
      linked: !!user?.residentId,
      communityName: residentRole?.orgUnitName ?? null,
    },
    requests,
    serviceOrders,
    points: balances.points,
    timeBankMinutes: balances.minutes,
    links: {
      report: true,
      track: true,
      services: has('services.order'),
      orders: has('services.order'),
      points: has('ledger.own'),
      timebank: has('ledger.own'),
      activities: volunteer,
      hours: volunteer,
      certificate: volunteer,
      tasks: volunteer && has('services.serve'),
      redeem: volunteer && balances.points !== null,
    },
  };
}
