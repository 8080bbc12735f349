/**
 * What other modules may use of notifications (DESIGN boundaries): `notify`, called inside the caller's own
 * transaction, so a notification exists exactly when the change it tells of was committed.
 */
export { type NotifyInput, notifyIn as notify } from './notifications.usecases';
