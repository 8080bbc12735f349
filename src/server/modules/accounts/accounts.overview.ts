import type { MeOverviewDto } from '../../../shared/contracts/accounts';
import { type Permission, roleHas } from '../../../shared/permissions';
import type { ActorCtx } from '../../platform/context';
import { myBalances, myRequestRows, myServiceOrderRows, myVolunteerId } from './accounts.overview.repository';
import { userRowById } from './accounts.sms.repository';

const LATEST = 5;
const asDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

/**
 * GET /api/me/overview (docs/API-resident.md): the phone home's one read for a logged-in resident or
 * volunteer: my requests, my service orders (latest 5 and how many), my love points and time-bank
 * minutes, and which phone tiles I can use. Only the caller's own rows: everything is keyed by the
 * session's user id (and the caller's own phone blind index), so there is no record to be out of scope.
 * There is no community notice board in Linli yet, so no notices.
 */
export async function meOverview(ctx: ActorCtx): Promise<MeOverviewDto> {
  const { actor } = ctx;
  const user = await userRowById(ctx.db, actor.userId);
  const phoneHash = user?.phoneHash ?? null;
  const [requests, serviceOrders, volunteerId, balances] = await Promise.all([
    myRequestRows(ctx.db, actor.userId, phoneHash, LATEST, user?.residentId ?? null),
    myServiceOrderRows(ctx.db, actor.userId, LATEST, user?.residentId ?? null),
    myVolunteerId(ctx.db, actor.userId),
    myBalances(ctx.db, actor.userId),
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
    requests: {
      total: requests.total,
      items: requests.items.map((r) => ({
        number: r.number,
        kind: r.kind,
        categoryName: r.category_name,
        status: r.status,
        description: r.description,
        createdAt: asDate(r.created_at),
        closedAt: r.closed_at === null ? null : asDate(r.closed_at),
        proxyName: r.proxy_name,
      })),
    },
    serviceOrders: {
      total: serviceOrders.total,
      items: serviceOrders.items.map((o) => ({
        id: o.id,
        number: o.number,
        title: o.title,
        status: o.status,
        createdAt: asDate(o.created_at),
        proxyName: o.proxy_name,
      })),
    },
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
