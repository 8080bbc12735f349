import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { BackLink, EmptyCard, formatAt, Section, Tag } from '../../../phone/ui';
import { QueryFallback } from '../../../phone/PhoneList';
import { publicApi } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';
import { NewReportLink } from './SavedReportsSection';

/**
 * /m/requests: a logged-in resident's requests — those they filed and those staff filed for them (帮办代办,
 * "由某某代办") — newest first; each opens its progress page with the session as the proof.
 */
const MyRequestsPage = loggedInPage('pub.mine.title', MyRequests);
export default MyRequestsPage;

function MyRequests() {
  const { t } = useI18n();
  const me = useQuery({ queryKey: ['me', 'overview'], queryFn: publicApi.mine, refetchInterval: 60_000 });
  if (!me.isSuccess) return <QueryFallback query={me} rows={4} />;
  const { items, total } = me.data.requests;
  return (
    <>
      <BackLink to="/m" />
      {items.length ? (
        <Section title={t('pub.mine.count', { n: total })} testId="my-requests">
          <ul className="list">
            {items.map((r) => (
              <li key={r.number} data-testid="my-request">
                <Link
                  to={`/track/${encodeURIComponent(r.number)}?mine=1`}
                  className="list-link"
                  style={{ display: 'block' }}
                >
                  <div className="row" style={{ alignItems: 'flex-start' }}>
                    <strong>{r.categoryName ?? t(`wo.kind.${r.kind}` as MessageKey)}</strong>
                    <Tag kind={r.closedAt ? 'ok' : 'info'}>{t(`pub.status.${r.status}` as MessageKey)}</Tag>
                  </div>
                  <div className="muted" style={{ marginTop: 4 }}>
                    {r.description.length > 40 ? `${r.description.slice(0, 40)}…` : r.description}
                  </div>
                  <div className="muted">
                    <span className="mono">{r.number}</span> · {formatAt(r.createdAt)}
                  </div>
                  {r.proxyName ? (
                    <div style={{ marginTop: 4 }} data-testid="my-request-proxy">
                      <Tag kind="warn">{t('proxy.tag')}</Tag> {t('proxy.byLine', { name: r.proxyName })}
                    </div>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
          {total > items.length ? <p className="muted">{t('pub.mine.latest', { n: items.length })}</p> : null}
        </Section>
      ) : (
        <EmptyCard text={t('pub.mine.empty')} />
      )}
      <NewReportLink />
    </>
  );
}
