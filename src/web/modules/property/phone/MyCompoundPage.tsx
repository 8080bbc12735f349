import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { BackLink, Empty, Section, Tag, formatDay } from '../../../phone/ui';
import { QueryFallback } from '../../../phone/PhoneList';
import { pmApi, pmKeys } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';

/** /m/property: my compound's property service (company, contract, fee, stars, owners' committee) and its notices. */
export const MyCompoundPage = loggedInPage('pm.phone.title', MyCompound);

function MyCompound() {
  const { t } = useI18n();
  const mine = useQuery({ queryKey: pmKeys.mine, queryFn: pmApi.mine });
  if (!mine.isSuccess) return <QueryFallback query={mine} />;
  const c = mine.data.compound;
  return (
    <>
      <BackLink to="/m" />
      {c ? (
        <Section
          title={c.name}
          extra={<Tag kind={c.covered ? 'ok' : 'warn'}>{t(`pm.mgmt.${c.management}` as MessageKey)}</Tag>}
        >
          {c.companyName ? <Info label={t('pm.company')}>{c.companyName}</Info> : null}
          {c.selfCommitteeName ? <Info label={t('pm.selfCommittee')}>{c.selfCommitteeName}</Info> : null}
          {c.contractEnd ? (
            <Info label={t('pm.contract')}>
              {c.contractStart ?? '—'} 至 {c.contractEnd}
            </Info>
          ) : null}
          {c.feeFenPerM2 !== null ? (
            <Info label={t('pm.fee')}>{t('pm.feeValue', { v: (c.feeFenPerM2 / 100).toFixed(2) })}</Info>
          ) : null}
          {c.starRating ? <Info label={t('pm.stars')}>{t('pm.starsValue', { n: c.starRating })}</Info> : null}
          <Info label={t('pm.oc')}>
            {c.ownersCommittee
              ? c.ownersCommittee.members
                  .filter((m) => m.role !== 'member')
                  .map((m) => `${t(`pm.ocRole.${m.role}` as MessageKey)} ${m.name}`)
                  .join('，') || t('pm.ocHas', { n: c.ownersCommittee.members.length })
              : t('pm.ocNone')}
          </Info>
        </Section>
      ) : (
        <Empty>{t('pm.phone.noCompound')}</Empty>
      )}
      <Section title={t('pm.tab.notices')}>
        {mine.data.notices.length ? (
          mine.data.notices.map((n) => (
            <div key={n.id} style={{ marginBottom: '1rem' }} data-testid="pm-notice">
              <strong>{n.title}</strong>
              <div className="muted">
                {n.orgUnitName} · {formatDay(n.publishedOn)}
              </div>
              <p style={{ margin: '0.25rem 0 0' }}>{n.body}</p>
            </div>
          ))
        ) : (
          <Empty>{t('pm.nt.empty')}</Empty>
        )}
      </Section>
    </>
  );
}

/** One labelled line of the compound card. */
function Info({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p style={{ margin: '0 0 0.5rem' }}>
      <span className="muted">{label}：</span>
      {children}
    </p>
  );
}
