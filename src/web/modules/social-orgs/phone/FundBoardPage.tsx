import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { Empty, Section, Tag } from '../../../phone/ui';
import { QueryList } from '../../../phone/PhoneList';
import { soApi, soKeys, yuan } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';

/** /m/community-fund: 社区基金公示 — each fund above my home with its balance and every donation and payment. */
const FundBoardPage = loggedInPage('so.phone.title', Board, '/m');
export default FundBoardPage;

function Board() {
  const { t } = useI18n();
  const board = useQuery({ queryKey: soKeys.board, queryFn: soApi.fundBoard });
  return (
    <QueryList query={board} empty={<Empty>{t('so.phone.empty')}</Empty>}>
      {(f) => (
        <Section key={f.id} title={f.name} testId="fund">
          <p className="muted">
            {f.unitName} · {f.purpose}
          </p>
          <div className="row" style={{ justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
            <Figure label={t('so.phone.balance')} fen={f.balanceFen} big />
            <Figure label={t('so.phone.in')} fen={f.donatedFen} />
            <Figure label={t('so.phone.out')} fen={f.disbursedFen} />
          </div>
          <ul style={{ listStyle: 'none', padding: 0, margin: '12px 0 0' }}>
            {f.flows.map((x) => (
              <li key={x.id} style={{ borderTop: '1px solid #ddd', padding: '10px 0' }} data-testid="flow">
                <div className="row" style={{ justifyContent: 'space-between', gap: 8 }}>
                  <Tag kind={x.kind === 'donation' ? 'ok' : 'warn'}>
                    {t(x.kind === 'donation' ? 'so.flow.donation' : 'so.flow.disbursement')}
                  </Tag>
                  <strong>
                    {x.kind === 'donation' ? '+' : '−'}
                    {yuan(x.amountFen)} {t('so.yuan')}
                  </strong>
                </div>
                <div>{x.party}</div>
                <div className="muted">
                  {x.occurredOn}
                  {x.purpose ? ` · ${x.purpose}` : ''}
                </div>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </QueryList>
  );
}

/** One of a fund's figures: its label above the amount in yuan (the balance in large type). */
function Figure({ label, fen, big = false }: { label: string; fen: number; big?: boolean }) {
  const { t } = useI18n();
  const amount = (
    <>
      {yuan(fen)} {t('so.yuan')}
    </>
  );
  return (
    <div>
      <div className="muted">{label}</div>
      {big ? <div className="big-number">{amount}</div> : <strong>{amount}</strong>}
    </div>
  );
}
