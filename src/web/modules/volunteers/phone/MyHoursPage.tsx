import { useState } from 'react';
import type { STAR_THRESHOLD_HOURS } from '../../../../shared/contracts/volunteers';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { ProgressBar } from '../../../phone/PhoneInputs';
import { formatDay, Section, Tag } from '../../../phone/ui';
import { hoursOf, type MyVolunteer } from '../api';
import { MyShell, Stars } from './MyShell';
import { BlockButton } from '../../../phone/PhoneForm';

/** shared/contracts/volunteers STAR_THRESHOLD_HOURS, restated (that file loads zod). */
const THRESHOLDS = [100, 300, 600, 1000, 1500] as const satisfies typeof STAR_THRESHOLD_HOURS;

function Hours({ data }: { data: MyVolunteer }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const p = data.profile!;
  const shown = all ? data.hours : data.hours.slice(0, 15);
  const hours = hoursOf(p.minutes);
  const next = data.nextStarHours;
  const prev = [0, ...THRESHOLDS][p.stars] ?? 0;
  const pct = next ? Math.min(100, Math.round(((hours - prev) / (next - prev)) * 100)) : 100;
  return (
    <>
      <Section title={p.name} extra={<Tag kind="plain">{p.communityName}</Tag>} testId="m-hours-total">
        <div className="muted">{t('volunteers.m.total')}</div>
        <div className="row" style={{ justifyContent: 'flex-start', alignItems: 'baseline' }}>
          <span className="big-number" data-testid="m-hours-value">
            {hours}
          </span>
          <span>{t('volunteers.m.hoursUnit')}</span>
        </div>
        <Stars n={p.stars} />
        <ProgressBar pct={pct} label={t('volunteers.m.total')} />
        <p className="ph-p">
          {next
            ? t('volunteers.nextStar', { hours: next, left: Math.round((next - hours) * 10) / 10 })
            : t('volunteers.topStar')}
        </p>
        <p className="ph-p muted">{t('volunteers.m.starRule')}</p>
      </Section>
      <Section title={t('volunteers.m.entries')} testId="m-hours-entries">
        {data.hours.length === 0 ? (
          <p className="ph-p">{t('volunteers.noHours')}</p>
        ) : (
          <ul className="list">
            {shown.map((h) => (
              <li key={h.id} className="row" style={{ alignItems: 'flex-start' }}>
                <div style={{ minWidth: 0 }}>
                  <div>
                    {h.activityTitle ?? t(`volunteers.hourKind.${h.kind}` as MessageKey)}
                    {h.kind === 'correction' ? (
                      <>
                        {' '}
                        <Tag kind="warn">{t('volunteers.hourKind.correction')}</Tag>
                      </>
                    ) : null}
                  </div>
                  <div className="muted">
                    {formatDay(h.occurredAt)} · {h.communityName}
                    {h.reason ? ` · ${h.reason}` : ''}
                  </div>
                </div>
                <span
                  className={h.minutes < 0 ? 'amount-minus' : 'amount-plus'}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {h.minutes > 0 ? '+' : ''}
                  {t('phone.hours', { n: hoursOf(h.minutes) })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {!all && data.hours.length > shown.length ? (
          <BlockButton onClick={() => setAll(true)} testId="m-hours-all">
            {t('volunteers.m.showAll', { count: data.hours.length })}
          </BlockButton>
        ) : null}
      </Section>
    </>
  );
}

/** /m/hours: my confirmed hours, star level and entries. */
export default function MyHoursPage() {
  const { t } = useI18n();
  return <MyShell title={t('volunteers.m.hours')}>{(data) => <Hours data={data} />}</MyShell>;
}
