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
export function stateEventTimeline(e: StateEventRow) {
  return {
    at: e.at,
    actorName: e.actorName,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    comment: e.comment,
  };
}
