import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { Notice, Section } from '../../../phone/ui';
import { QueryFallback } from '../../../phone/PhoneList';
import { ledgerApi, ledgerKeys } from '../api';
import { OtherLedgerLink, StatementList, useAmount } from './parts';
import { loggedInPage } from '../../../phone/LoggedInPage';

function Content() {
  const { t } = useI18n();
  const amount = useAmount();
  const q = useQuery({ queryKey: ledgerKeys.me, queryFn: ledgerApi.me });
  if (!q.isSuccess) return <QueryFallback query={q} />;
  const me = q.data;
  return (
    <>
      {!me.volunteer ? <Notice>{t('ledger.m.notVolunteer')}</Notice> : null}
      <section className="ph-card center">
        <div className="muted">{t('ledger.m.balance')}</div>
        <div className="big-number" data-testid="m-points-balance">
          {(me.points?.balance ?? 0).toLocaleString('zh-CN')}
        </div>
        <div>{t('ledger.unit.points')}</div>
        {me.volunteer ? (
          <div className="muted">
            {me.volunteer.name}
            {me.volunteer.communityName ? ` · ${me.volunteer.communityName}` : ''}
          </div>
        ) : null}
        <p className="ph-p" style={{ marginTop: 8 }}>
          {t('ledger.m.minutes')}：{amount.hours(me.minutes?.balance ?? 0)}
        </p>
      </section>
      <OtherLedgerLink to="/m/timebank">{t('ledger.m.toTimebank')}</OtherLedgerLink>
      <Section title={t('ledger.m.statement')}>
        {me.points ? (
          <StatementList accountId={me.points.id} unit="points" />
        ) : (
          <p className="ph-p">{t('ledger.m.noAccount')}</p>
        )}
      </Section>
    </>
  );
}

/** /m/points: my love-points balance and statement (R-VP-1). */
const MyPointsPage = loggedInPage('ledger.m.points', Content, '/m');
export default MyPointsPage;
