import { useI18n } from '../../app/i18n';
import type { TaskDetail } from './api';

/** A task event's comment and evidence lines, as the console timeline and the phone page show them. */
export function EventNotes({ event }: { event: Pick<TaskDetail['events'][number], 'comment' | 'evidence'> }) {
  const { t } = useI18n();
  return (
    <>
      {event.comment ? <div>{event.comment}</div> : null}
      {event.evidence.length ? (
        <div>
          {t('keyTasks.field.evidence')}：{event.evidence.join('；')}
        </div>
      ) : null}
    </>
  );
}
