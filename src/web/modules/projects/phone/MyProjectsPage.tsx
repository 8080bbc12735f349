import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../app/i18n';
import { BackLink, Empty, Section, Tag, formatDay } from '../../../phone/ui';
import { QueryFallback } from '../../../phone/PhoneList';
import { type MyProject, moneyApi, moneyKeys } from '../moneyApi';
import { DoorstepSection } from './DoorstepSection';
import { loggedInPage } from '../../../phone/LoggedInPage';

/** Integer fen as yuan with two decimals (parts.tsx pulls antd, which the phone app does not load). */
const yuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** /m/projects: my community's selected co-building projects and the fund use it published (R-PJ-5). */
export const MyProjectsPage = loggedInPage('projects.money.phone.title', MyProjects);

function MyProjects() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: moneyKeys.mine, queryFn: moneyApi.mine });
  if (!q.isSuccess) return <QueryFallback query={q} />;
  return (
    <>
      <BackLink to="/m" />
      {q.data.items.length ? (
        q.data.items.map((p) => <ProjectCard key={p.id} p={p} />)
      ) : (
        <Empty>{t('projects.money.phone.empty')}</Empty>
      )}
      <DoorstepSection />
    </>
  );
}

function ProjectCard({ p }: { p: MyProject }) {
  const { t } = useI18n();
  const f = p.funds;
  return (
    <Section
      title={p.title}
      extra={p.typeName ? <Tag kind="ok">{p.typeName}</Tag> : null}
      testId="my-project"
    >
      {p.orgUnitName ? <div className="muted">{p.orgUnitName}</div> : null}
      {f ? (
        <>
          <div className="muted" style={{ margin: '0.25rem 0 0.75rem' }}>
            {t('projects.money.phone.asOf', { at: formatDay(p.disclosedAt) })}
          </div>
          <dl style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '0.35rem 1rem', margin: 0 }}>
            <dt className="muted">{t('projects.money.budget')}</dt>
            <dd style={{ margin: 0, textAlign: 'right' }}>
              {t('projects.money.phone.yuan', { v: yuan(f.budgetFen) })}
            </dd>
            <dt className="muted">{t('projects.money.disbursed')}</dt>
            <dd style={{ margin: 0, textAlign: 'right' }}>
              {t('projects.money.phone.yuan', { v: yuan(f.disbursedFen) })}
            </dd>
            <dt className="muted">{t('projects.money.spent')}</dt>
            <dd style={{ margin: 0, textAlign: 'right' }}>
              <strong>{t('projects.money.phone.yuan', { v: yuan(f.spentFen) })}</strong>
            </dd>
          </dl>
          <h3 style={{ fontSize: '1rem', margin: '1rem 0 0.5rem' }}>{t('projects.money.byLine')}</h3>
          <div className="muted" style={{ marginBottom: '0.5rem' }}>
            {t('projects.money.phone.lineHint')}
          </div>
          {f.lines.map((l) => {
            const pct = l.budgetFen > 0 ? Math.min(100, Math.round((l.spentFen / l.budgetFen) * 100)) : 0;
            return (
              <div key={l.item} style={{ marginBottom: '0.75rem' }}>
                <div
                  style={{
                    display: 'flex',
                    justifyContent: 'space-between',
                    gap: '0.5rem',
                    flexWrap: 'wrap',
                  }}
                >
                  <span>{l.item}</span>
                  <span className="muted">
                    {yuan(l.spentFen)} ／ {yuan(l.budgetFen)}
                  </span>
                </div>
                <div
                  role="progressbar"
                  aria-label={l.item}
                  aria-valuenow={pct}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  style={{
                    height: '0.5rem',
                    background: '#eee',
                    borderRadius: '0.25rem',
                    marginTop: '0.25rem',
                  }}
                >
                  <div
                    style={{
                      width: `${pct}%`,
                      height: '100%',
                      background: l.spentFen > l.budgetFen ? '#cf1322' : '#1d5e3a',
                      borderRadius: '0.25rem',
                    }}
                  />
                </div>
              </div>
            );
          })}
        </>
      ) : (
        <p className="muted" style={{ margin: '0.5rem 0 0' }}>
          {t('projects.money.phone.noFunds')}
        </p>
      )}
    </Section>
  );
}
