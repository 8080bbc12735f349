/**
 * What other modules may use of notifications (DESIGN boundaries): `notify`, called inside the caller's own
 * transaction, so a notification exists exactly when the change it tells of was committed.
 */
export { type NotifyInput, notifyIn as notify } from './notifications.usecases';

/** A record's text cut to its first 20 characters (then …), as a notification names it. */
export const brief = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);
