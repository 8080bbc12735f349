import type { ReportDto, ReportQuery, YearRecordDto } from '../../../shared/contracts/services';
import type { ActorCtx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { checkId } from '../../platform/ids';
import { partyMemberById } from '../people/people.api';
import { type VolunteerRow, volunteerById, volunteerOfUser } from '../volunteers/volunteers.api';
import { communityFilter, communityNamesOf, unitNames } from './services.common';
import { serviceOrdersPolicy, volunteerRecordVisible } from './services.policy';
import { orderReportRows, serverReportRows, servedOrderRowsOfVolunteer } from './services.reports.repository';

const num = (v: unknown) => Number(v ?? 0);
const avg = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);

/** Orders by status, by community, top services and the average rating, in the actor's scope. */
export async function servicesReport(ctx: ActorCtx, q: ReportQuery): Promise<ReportDto> {
  serviceOrdersPolicy.require(ctx.actor, 'read');
  const cid = await communityFilter(ctx, q.communityId);
  const { byStatus, byCommunity, top, totals } = await orderReportRows(ctx.db, ctx.actor, {
    communityId: cid,
    from: q.from,
    to: q.to,
  });
  const names = await communityNamesOf(ctx.db, byCommunity);
  return {
    total: num(totals?.total),
    byStatus: byStatus.map((r) => ({ status: r.status, count: num(r.count) })),
    byCommunity: byCommunity
      .map((r) => ({
        communityId: r.communityId,
        communityName: names.get(r.communityId) ?? null,
        orders: num(r.orders),
        confirmed: num(r.confirmed),
        minutes: num(r.minutes),
        averageRating: avg(r.rating),
      }))
      // the most orders first; ties by the community's name, so the table reads the same each time
      .sort(
        (a, b) =>
          b.orders - a.orders || (a.communityName ?? '').localeCompare(b.communityName ?? '', 'zh-CN'),
      ),
    topServices: top.map((r) => ({ title: r.title, orders: num(r.orders), averageRating: avg(r.rating) })),
    averageRating: avg(totals?.rating),
    servedMinutes: num(totals?.minutes),
  };
}

/** Staff with services.read over the volunteer, or the volunteer themself. */
function maySeeVolunteer(actor: Actor, v: VolunteerRow) {
  return volunteerRecordVisible(actor, v);
}

/**
 * The yearly service record of a volunteer (for a reporting party member: for their employer unit):
 * name, employer, community, orders served, hours, ratings (China calendar year).
 */
export async function yearRecord(ctx: ActorCtx, volunteerId: string, year: number): Promise<YearRecordDto> {
  checkId(volunteerId);
  const v = await volunteerById(ctx.db, volunteerId);
  if (!v || !maySeeVolunteer(ctx.actor, v)) throw notFound();
  const pm = v.partyMemberId ? await partyMemberById(ctx.db, v.partyMemberId) : undefined;
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const rows = await servedOrderRowsOfVolunteer(ctx.db, v.id, from, to);
  const names = await unitNames(ctx.db, [v.communityId]);
  const rated = rows.filter((r) => r.rating !== null);
  return {
    year,
    volunteerId: v.id,
    name: v.name,
    employer: pm?.employer ?? null,
    communityName: names.get(v.communityId) ?? null,
    ordersServed: rows.length,
    minutes: rows.reduce((s, r) => s + (r.servedMinutes ?? 0), 0),
    averageRating: rated.length ? avg(rated.reduce((s, r) => s + r.rating!, 0) / rated.length) : null,
    orders: rows.map((r) => ({
      number: r.number,
      title: r.title,
      date: r.checkOutAt!,
      minutes: r.servedMinutes ?? 0,
      rating: r.rating,
    })),
  };
}

/** The volunteer profile of the logged-in user (404 when there is none). */
export async function myVolunteerId(ctx: ActorCtx): Promise<string> {
  const v = await volunteerOfUser(ctx.db, ctx.actor.userId);
  if (!v) throw notFound();
  return v.id;
}

/** Volunteers (reporting party members first) by orders served in the period, for the yearly records. */
export async function serversReport(ctx: ActorCtx, q: ReportQuery) {
  serviceOrdersPolicy.require(ctx.actor, 'read');
  const cid = await communityFilter(ctx, q.communityId);
  const rows = await serverReportRows(ctx.db, ctx.actor, { communityId: cid, from: q.from, to: q.to });
  const names = await communityNamesOf(ctx.db, rows);
  return rows.map((r) => ({
    volunteerId: r.volunteerId,
    name: r.name,
    kind: r.kind,
    communityName: names.get(r.communityId) ?? null,
    orders: num(r.orders),
    minutes: num(r.minutes),
    averageRating: avg(r.rating),
  }));
}
