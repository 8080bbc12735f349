import type { UseCaseCtx } from './context';
import type { TransitionEvent } from './workflow';

/**
 * The columns every workflow's event (timeline) row shares, for a module's `adapter.writeEvent`: who acted,
 * when, which action and the state before and after. Modules' event tables name them in one of two ways;
 * the module adds its record's id column (and any columns of its own) beside these.
 */

/** `fromState`/`toState` and the event's `comment`; no actor (a deadline) leaves the name empty. */
export function stateEventColumns<S extends string>(ctx: UseCaseCtx, e: TransitionEvent<S, object>) {
  return {
    id: ctx.ids(),
    at: ctx.clock.now(),
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? null,
    action: e.action,
    fromState: e.from,
    toState: e.to,
    comment: (e.event.comment as string | null | undefined) ?? null,
    data: e.data,
  };
}

/** `fromStatus`/`toStatus` and the event's `note`; no actor (a deadline) is named 系统. */
export function statusEventColumns<S extends string>(ctx: UseCaseCtx, e: TransitionEvent<S, object>) {
  return {
    id: ctx.ids(),
    at: ctx.clock.now(),
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? '系统',
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    note: (e.event.note as string | null | undefined) ?? null,
    data: e.data,
  };
}
