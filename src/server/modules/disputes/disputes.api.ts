import type { Db } from '../../platform/db';
import { type FeedWindow, type IcalEvent, pageUrl } from '../../platform/ical';
import { type Actor, can } from '../../platform/permissions';
import { unitNamesOf } from '../org/org.api';
import { meetingRowsBetween } from './disputes.repository';

/**
 * What other modules may use of disputes (DESIGN boundaries): the subdistricts' joint meetings on disputes
 * (monthly and extra, R-DS-3) in the user's reading scope, as calendar events for their iCal feed.
 */
export async function jointMeetingEvents(db: Db, actor: Actor, w: FeedWindow): Promise<IcalEvent[]> {
  if (!can(actor, 'disputes.read')) return [];
  const rows = await meetingRowsBetween(db, actor, w.from, w.to);
  const names = await unitNamesOf(db, rows);
  return rows.map((m) => {
    const unit = names.get(m.orgUnitId);
    const what = m.kind === 'monthly' ? '矛盾纠纷月度联席会议' : '矛盾纠纷专题联席会议';
    return {
      uid: `ds-meeting-${m.id}@linli`,
      start: m.heldAt,
      summary: unit ? `${what}（${unit}）` : what,
      location: m.place,
      description: m.host ? `主持人：${m.host}` : null,
      url: pageUrl(w.publicUrl, '/disputes/meetings'),
      stamp: w.stamp,
    };
  });
}
