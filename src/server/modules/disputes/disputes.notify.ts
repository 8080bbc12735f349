import { chinaMinute } from '../../../shared/chinaTime';
import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { type NotifyInput, brief, notify } from '../notifications/notifications.api';
import { unitById } from '../org/org.api';
import { contactRows } from './disputes.repository';
import type { dsDisputes } from './disputes.table';

type DisputeRow = typeof dsDisputes.$inferSelect;
type NotifyCtx = Pick<UseCaseCtx, 'clock' | 'ids' | 'actor'>;

const TICKET = { emergency: '应急单', key: '重点单', regular: '常规单' } as const;
const link = (d: DisputeRow) => `/disputes/${d.id}`;

/**
 * Who hears what about a dispute, inside the transaction that made the change. The community's named
 * leader and contact (R-DS-3, `ds_contacts`) are written into the message, which goes to the community's
 * dispute handlers and its group robots (the contact's 工作群).
 */
async function leaderAndContact(tx: Db, unitId: string): Promise<string> {
  const [c] = await contactRows(tx, [unitId]);
  if (!c) return '未确定';
  return `${c.leaderName}（分管负责人）、${c.contactName}（联系人）`;
}

/** The unit handling the dispute hears of it: its dispute handlers and its group robots. */
const tellHandlers = (
  tx: Db,
  ctx: NotifyCtx,
  d: DisputeRow,
  event: NotifyInput['event'],
  params: NotifyInput['params'],
) =>
  notify(tx, ctx, {
    event,
    params,
    link: link(d),
    holders: { permission: 'disputes.handle', orgUnitId: d.orgUnitId },
    unit: { id: d.orgUnitId, path: d.orgPath },
  });

/** Diverted to a unit (R-WO-3 即接即办): its handlers are told the ticket kind and the accept limit. */
export async function notifyDiverted(tx: Db, ctx: NotifyCtx, d: DisputeRow) {
  const unit = await unitById(tx, d.orgUnitId);
  return tellHandlers(tx, ctx, d, 'dispute.diverted', {
    number: d.number,
    title: brief(d.title),
    unit: unit?.name ?? '',
    kind: d.ticketKind ? TICKET[d.ticketKind as keyof typeof TICKET] : '',
    due: chinaMinute(d.acceptDueAt),
    contacts: await leaderAndContact(tx, d.orgUnitId),
  });
}

/** Past its accept or finish limit (R-WO-3): the handlers and the supervising centre are told. */
export async function notifyOverdue(tx: Db, ctx: NotifyCtx, d: DisputeRow) {
  const unit = await unitById(tx, d.orgUnitId);
  const params = {
    number: d.number,
    title: brief(d.title),
    unit: unit?.name ?? '',
    contacts: await leaderAndContact(tx, d.orgUnitId),
  };
  await tellHandlers(tx, ctx, d, 'dispute.overdue', params);
  const centre = d.dispatchPath.split('/').filter(Boolean).at(-1);
  if (centre && centre !== d.orgUnitId)
    await notify(tx, ctx, {
      event: 'dispute.overdue',
      params,
      link: link(d),
      holders: { permission: 'disputes.dispatch', orgUnitId: centre },
    });
}

/** R-LAW-MD-3: the 30-day window for joint judicial confirmation closes soon. */
export async function notifyConfirmWindow(tx: Db, ctx: NotifyCtx, d: DisputeRow) {
  return tellHandlers(tx, ctx, d, 'dispute.confirm_window', {
    number: d.number,
    title: brief(d.title),
    due: chinaMinute(d.confirmDueAt),
  });
}
