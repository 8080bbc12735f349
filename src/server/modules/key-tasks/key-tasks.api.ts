import { chinaDate } from '../../../shared/chinaTime';
import type { Db } from '../../platform/db';
import { type FeedWindow, type IcalEvent, pageUrl } from '../../platform/ical';
import { type Actor, can } from '../../platform/permissions';
import { meetingsBetweenInReach } from './keyTasks.repository';

/** A joint meeting or a field visit of the group (seed 002 四(三): 调研、现场指导), as the feed names it. */
const KIND_NAMES: Record<string, string> = { survey: '调研', site_guidance: '现场指导' };

/**
 * What other modules may use of key tasks (DESIGN boundaries): the leading groups' joint meetings as
 * calendar events, for a user's iCal feed. A meeting has a date only, so it is an all-day event.
 */
export async function jointMeetingEvents(db: Db, actor: Actor, w: FeedWindow): Promise<IcalEvent[]> {
  if (!can(actor, 'key_tasks.read')) return [];
  const rows = await meetingsBetweenInReach(db, actor, chinaDate(w.from), chinaDate(w.to));
  return rows.map(({ meeting: m, groupName }) => ({
    uid: `kt-meeting-${m.id}@linli`,
    start: new Date(`${m.heldOn}T00:00:00Z`),
    allDay: m.heldOn,
    summary: `${m.title}（${groupName}${KIND_NAMES[m.kind] ?? '联席会议'}）`,
    location: m.place,
    description: m.unitsVisited.length
      ? `走访单位：${m.unitsVisited.join('、')}\n${m.agenda ?? ''}`.trim()
      : m.agenda,
    url: pageUrl(w.publicUrl, '/key-tasks/groups'),
    stamp: w.stamp,
  }));
}
