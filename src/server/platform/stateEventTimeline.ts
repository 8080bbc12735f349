/** A workflow event row as written by `stateEventColumns` (workflowEvents.ts), the part the timeline shows. */
interface StateEventRow {
  at: Date;
  actorName: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  comment: string | null;
}

/** An event row's `stateEventFields` (shared/contracts/stateEvents.ts) for a timeline DTO. */
export function stateEventTimeline<E extends StateEventRow>(e: E): Pick<E, keyof StateEventRow> {
  return {
    at: e.at,
    actorName: e.actorName,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    comment: e.comment,
  };
}

/** A workflow event row as written by `statusEventColumns` (workflowEvents.ts), the part a timeline shows. */
interface StatusEventRow {
  at: Date;
  action: string;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

/** An event row's timeline entry (at, action, actor's name, status before and after, note) for a detail DTO. */
export function statusEventTimeline(e: StatusEventRow) {
  return {
    at: e.at,
    action: e.action,
    actorName: e.actorName,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
  };
}
