import { chinaDate } from '../../../shared/chinaTime';
import type { SQL } from 'drizzle-orm';
import type { ActionBody } from '../../../shared/contracts/workOrders';
import type { Db } from '../../platform/db';
import { followupRowsOf, orderRowById, type OrderRow } from './workOrders.repository';
import { type RollupCell, addRollupCells, rollupCtes, stripeOf } from './workOrders.rollups.repository';
import type { RollupCounter } from './workOrders.rollups.table';

export { recomputeRollups } from './workOrders.rollups.repository';

/**
 * Work-order rollups: the measures of R-LAW-WO-6 (three rates), R-WO-5 (resolution levels) and R-WO-6
 * (volumes by area, category and week) kept as counters per unit, China date and category
 * (`wo_rollups`) and per unit and month (`wo_rollups_monthly`), so dashboards never scan the orders.
 *
 * The rollups are the sum, over every order, of the facts its current row (and its follow-ups) states,
 * each bucketed on the day it happened and on the unit it concerns:
 *
 * | counter | fact | unit | day |
 * |---|---|---|---|
 * | received | every order | territory: grid, else community, else the dispatching unit (R-WO-4) | intake |
 * | withdrawn | cancelled, diverted or linked as a duplicate | territory | intake |
 * | assigned | every order not withdrawn: what the unit must respond to (dispatching moves it) | the handling unit (the dispatcher's while queued) | intake |
 * | accepted_on_time / accepted_late | accepted (签收); a consult answered on the spot counts as accepted at intake; on time = never escalated for want of acceptance, and by the accept deadline (or none set, or a redo) | the handling unit | acceptance |
 * | replied / replied_on_time | result replied (办结) by the deadline | the handling unit | reply |
 * | closed, resolved_at_<level> | closed after follow-up (结案), with the level that resolved it (R-WO-5) | the handling unit | close |
 * | overdue | marked overdue by the SLA sweep | the handling unit | sweep |
 * | followups_valid, resolved, satisfied, basically_satisfied, dissatisfied, redone | each follow-up (回访) row, redo included | the unit rated | follow-up |
 *
 * The handling unit cannot change while an acceptance, reply or close is on the row (reassigning and
 * returning clear the acceptance), so these are attributed to the unit responsible at that moment; a
 * redo re-accepts at the redo and drops the reply until the next one. `recordRollup` applies the
 * difference between the row before and after a change, in the change's own transaction, with one
 * `INSERT … ON CONFLICT DO UPDATE SET x = x + delta`; `recomputeRollups` rebuilds the same sums from the rows with one `INSERT … SELECT …
 * GROUP BY` into stripe 0. Every change of an order is counted in the stripe `stripeOf(order id)` of
 * its key (see ROLLUP_STRIPES), so busy units do not serialise their orders on one counter row; a key's
 * value is the sum of its stripes. Merged units are
 * counted under the unit they were merged into (the migration's trigger folds their rows when the org
 * module merges them).
 */

export type { OrderRow };
type Fact = RollupCell;

export type RollupEvent =
  /** Intake (`before` null) and every state-machine action, with the row before and after. */
  | { before: OrderRow | null; after: OrderRow; action?: ActionBody }
  /** SLA sweep steps: the row is read again inside the transaction. */
  | { sweep: 'overdue' | 'escalate'; orderId: string; before?: OrderRow };

const WITHDRAWN_STATUSES = ['cancelled', 'diverted', 'duplicate'];
const LEVEL_COUNTER: Record<string, RollupCounter> = {
  grid: 'resolved_at_grid',
  community: 'resolved_at_community',
  subdistrict: 'resolved_at_subdistrict',
  above: 'resolved_above',
};

/** The China date of an instant, as YYYY-MM-DD. */
export const chinaDay = chinaDate;

const lastUnitId = (path: string) => path.split('/').filter(Boolean).at(-1)!;

/** The unit an order's volume is counted under: where it happened (R-WO-4), else its dispatcher. */
export function territoryOf(o: Pick<OrderRow, 'gridId' | 'communityId' | 'dispatchPath'>): string {
  return o.gridId ?? o.communityId ?? lastUnitId(o.dispatchPath);
}

/** The facts an order row states (see the table above). Mirrors ORDER_FACTS_SQL (workOrders.rollups.repository.ts). */
export function orderFacts(o: OrderRow): Fact[] {
  const cat = o.categoryCode;
  const facts: Fact[] = [
    {
      unitId: territoryOf(o),
      day: chinaDay(o.createdAt),
      categoryCode: cat,
      counts: { received: 1, withdrawn: WITHDRAWN_STATUSES.includes(o.status) ? 1 : 0 },
    },
  ];
  if (!WITHDRAWN_STATUSES.includes(o.status))
    facts.push({
      unitId: o.orgUnitId,
      day: chinaDay(o.createdAt),
      categoryCode: cat,
      counts: { assigned: 1 },
    });
  const spot = o.status === 'closed' && !o.acceptedAt;
  const acceptedAt = o.acceptedAt ?? (spot ? o.createdAt : null);
  if (acceptedAt) {
    const onTime =
      o.escalationLevel === 0 &&
      (!o.acceptedAt ||
        o.redoCount > 0 ||
        !o.acceptDueAt ||
        o.acceptedAt.getTime() <= o.acceptDueAt.getTime());
    facts.push({
      unitId: o.orgUnitId,
      day: chinaDay(acceptedAt),
      categoryCode: cat,
      counts: onTime ? { accepted_on_time: 1 } : { accepted_late: 1 },
    });
  }
  const repliedAt = o.repliedAt ?? (spot ? o.createdAt : null);
  if (repliedAt) {
    const onTime = spot || !o.dueAt || repliedAt.getTime() <= o.dueAt.getTime();
    facts.push({
      unitId: o.orgUnitId,
      day: chinaDay(repliedAt),
      categoryCode: cat,
      counts: { replied: 1, replied_on_time: onTime ? 1 : 0 },
    });
  }
  if (o.status === 'closed' && o.closedAt) {
    const level = o.resolutionLevel ? LEVEL_COUNTER[o.resolutionLevel] : undefined;
    facts.push({
      unitId: o.orgUnitId,
      day: chinaDay(o.closedAt),
      categoryCode: cat,
      counts: level ? { closed: 1, [level]: 1 } : { closed: 1 },
    });
  }
  if (o.overdueAt) {
    facts.push({
      unitId: o.orgUnitId,
      day: chinaDay(o.overdueAt),
      categoryCode: cat,
      counts: { overdue: 1 },
    });
  }
  return facts;
}

interface FollowupLike {
  orgUnitId: string;
  at: Date;
  resolved: boolean;
  satisfaction: string;
  unitFault: boolean;
}

/** The facts of one follow-up (回访) row. Mirrors FOLLOWUP_FACTS_SQL (workOrders.rollups.repository.ts). */
export function followupFact(f: FollowupLike, categoryCode: string): Fact {
  return {
    unitId: f.orgUnitId,
    day: chinaDay(f.at),
    categoryCode,
    counts: {
      followups_valid: 1,
      resolved: f.resolved ? 1 : 0,
      satisfied: f.satisfaction === 'satisfied' ? 1 : 0,
      basically_satisfied: f.satisfaction === 'basically_satisfied' ? 1 : 0,
      dissatisfied: f.satisfaction === 'dissatisfied' ? 1 : 0,
      redone: f.satisfaction === 'dissatisfied' && f.unitFault ? 1 : 0,
    },
  };
}

/** Adds `sign × facts` into the cells map, keyed by unit, day and category. */
function accumulate(cells: Map<string, Fact>, facts: Fact[], sign: 1 | -1) {
  for (const f of facts) {
    const key = `${f.unitId}|${f.day}|${f.categoryCode}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { unitId: f.unitId, day: f.day, categoryCode: f.categoryCode, counts: {} };
      cells.set(key, cell);
    }
    for (const [k, v] of Object.entries(f.counts) as [RollupCounter, number][]) {
      if (v) cell.counts[k] = (cell.counts[k] ?? 0) + sign * v;
    }
  }
}

/**
 * Applies one order change to the rollups, inside the caller's transaction (so the counters commit or
 * roll back with the order). One statement; nothing when the change moves no counter.
 */
export async function recordRollup(tx: Db, event: RollupEvent): Promise<void> {
  let before: OrderRow | null;
  let after: OrderRow;
  let action: ActionBody | undefined;
  if ('sweep' in event) {
    const row = await orderRowById(tx, event.orderId);
    if (!row) return;
    after = row;
    // The overdue step changes only overdue_at; an escalation never touches it.
    before =
      event.sweep === 'overdue'
        ? { ...row, overdueAt: null }
        : { ...(event.before ?? row), overdueAt: row.overdueAt };
  } else {
    after = event.after;
    action = event.action;
    // Actions never change overdue_at, and the sweep sets it without a version bump: take it from
    // the row as updated, so a mark made between reading and updating the order is not counted twice.
    before = event.before && { ...event.before, overdueAt: event.after.overdueAt };
  }

  const cells = new Map<string, Fact>();
  if (before) accumulate(cells, orderFacts(before), -1);
  accumulate(cells, orderFacts(after), 1);
  if (action?.action === 'follow_up' && before) {
    // The row wo_followups gets in the same transaction: the unit rated is the one that replied.
    const f = {
      orgUnitId: before.orgUnitId,
      at: after.updatedAt,
      resolved: action.resolved,
      satisfaction: action.satisfaction,
      unitFault: action.unitFault,
    };
    accumulate(cells, [followupFact(f, after.categoryCode)], 1);
  }
  if (before && before.categoryCode !== after.categoryCode) {
    // Reclassified: earlier follow-ups move to the new category with the rest of the order.
    const followups = await followupRowsOf(tx, after.id);
    accumulate(
      cells,
      followups.map((f) => followupFact(f, before.categoryCode)),
      -1,
    );
    accumulate(
      cells,
      followups.map((f) => followupFact(f, after.categoryCode)),
      1,
    );
  }
  const changed = changedCells(cells);
  if (changed.length === 0) return;
  await addRollupCells(tx, changed, stripeOf(after.id));
}

/**
 * The counter upserts of a new order as common table expressions, for an intake that writes the order,
 * its events, its audit row and its counters in one statement.
 */
export function newOrderRollupCtes(order: OrderRow): SQL | null {
  const cells = new Map<string, Fact>();
  accumulate(cells, orderFacts(order), 1);
  const changed = changedCells(cells);
  return changed.length ? rollupCtes(changed, stripeOf(order.id)) : null;
}

const changedCells = (cells: Map<string, Fact>) =>
  [...cells.values()].filter((c) => Object.values(c.counts).some((v) => v !== 0));
