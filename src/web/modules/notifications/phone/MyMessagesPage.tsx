import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { EmptyCard, Tag, formatAt } from '../../../phone/ui';
import { QueryFallback } from '../../../phone/PhoneList';
import { type InboxItem, notificationsApi, notificationsKeys } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';
import { BlockButton } from '../../../phone/PhoneForm';

/** /m/messages: my notifications, newest first; opening one marks it read and, for a phone page, goes there. */
const MyMessagesPage = loggedInPage('notif.m.title', Messages, '/m');
export default MyMessagesPage;

function Messages() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = { page: 1, pageSize: 50 };
  const list = useQuery({ queryKey: notificationsKeys.inbox(q), queryFn: () => notificationsApi.inbox(q) });
  const refresh = () => qc.invalidateQueries({ queryKey: notificationsKeys.all });
  const open = async (m: InboxItem) => {
    if (!m.read) await notificationsApi.read(m.id).catch(() => undefined);
    await refresh();
    if (m.link?.startsWith('/m/')) navigate(m.link);
  };
  const unread = list.data?.items.some((m) => !m.read);
  return (
    <>
      {!list.isSuccess ? (
        <QueryFallback query={list} />
      ) : list.data.items.length ? (
        <>
          {unread ? (
            <BlockButton
              style={{ marginBottom: 12 }}
              onClick={async () => {
                await notificationsApi.readAll();
                await refresh();
              }}
            >
              {t('notif.readAll')}
            </BlockButton>
          ) : null}
          {list.data.items.map((m) => (
            <button
              type="button"
              key={m.id}
              className="ph-card"
              style={{
                display: 'block',
                width: '100%',
                textAlign: 'left',
                cursor: 'pointer',
                font: 'inherit',
                color: 'inherit',
              }}
              onClick={() => open(m)}
              data-testid="message"
            >
              <div className="row" style={{ justifyContent: 'space-between', gap: 8 }}>
                <strong>{m.title}</strong>
                {m.read ? null : <Tag kind="warn">{t('notif.unread')}</Tag>}
              </div>
              <span className="ph-p" style={{ display: 'block' }}>
                {m.body}
              </span>
              <span className="muted">{formatAt(m.createdAt)}</span>
            </button>
          ))}
        </>
      ) : (
        <EmptyCard text={t('notif.empty')} />
      )}
    </>
  );
}
