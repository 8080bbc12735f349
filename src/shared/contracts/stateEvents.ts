import { z } from 'zod';

/**
 * The fields of a workflow event on a record's timeline (a row written with `stateEventColumns`): when,
 * who, which action, the state before and after, the note. A module's event schema spreads them and adds
 * the event's id and fields of its own.
 */
export const stateEventFields = {
  at: z.date(),
  actorName: z.string().nullable(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  comment: z.string().nullable(),
};

/**
 * The fields of a status event on a record's timeline (a row written with `statusEventColumns`, shown through
 * `statusEventTimeline`): when, which action, who, the status before and after, the note.
 */
export const statusEventFields = {
  at: z.date(),
  action: z.string(),
  actorName: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
};
