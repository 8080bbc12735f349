import { type Policy, definePolicy } from '../../platform/policy';

/**
 * Who may do what to the statutory calendar (R-LAW-CAL-1). The calendar is platform-wide: every signed-in
 * user reads it (deadlines everywhere are computed from it, so reading needs no permission), and only a
 * holder of `calendar.write` loads a year's schedule. It has no org path: the policy is platform-wide
 * (`definePolicy` without a path column), so a subdistrict admin cannot change it for their subtree.
 */
export type CalendarAction = 'write';
type CalendarYearRecord = { year: number };

export const calendarPolicy: Policy<CalendarAction, CalendarYearRecord> = definePolicy({
  permissions: { write: 'calendar.write' },
});
