import { useQuery } from '@tanstack/react-query';
import { DOORSTEP_CATEGORIES, DOORSTEP_STAGES } from '../../../../shared/contracts/projects.doorstep';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { Empty, Section, Tag } from '../../../phone/ui';
import { QueryFallback } from '../../../phone/PhoneList';
import { type MyDoorstep, doorstepApi, doorstepKeys } from '../doorstepApi';
import { DoorstepRating } from './DoorstepRating';

/**
 * /m/projects: my community's doorstep projects (seed 004 三(三)) — name, category, stage, how often and
 * for how many: what a resident needs to join in, watch and rate; no budget, records or staff names.
 */
export function DoorstepSection() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: doorstepKeys.mine, queryFn: doorstepApi.mine });
  if (!q.isSuccess) return <QueryFallback query={q} />;
  return (
    <Section title={t('projects.doorstep.phone.title')} testId="my-doorstep">
      <div className="muted" style={{ marginBottom: '0.75rem' }}>
        {t('projects.doorstep.phone.hint')}
      </div>
      {q.data.items.length ? (
        q.data.items.map((p) => <DoorstepRow key={p.id} p={p} />)
      ) : (
        <Empty>{t('projects.doorstep.phone.empty')}</Empty>
      )}
    </Section>
  );
}

function DoorstepRow({ p }: { p: MyDoorstep }) {
  const { t, locale } = useI18n();
  const name = (list: readonly { key: string; name: string; en: string }[], k: string | null) => {
    const x = list.find((c) => c.key === k);
    return x ? (locale === 'en' ? x.en : x.name) : '';
  };
  const stage = p.stage ? name(DOORSTEP_STAGES, p.stage) : t('projects.doorstep.notStarted');
  return (
    <div data-testid="my-doorstep-item" style={{ padding: '0.6rem 0', borderTop: '1px solid #eee' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: '0.5rem', flexWrap: 'wrap' }}>
        <strong>{p.name}</strong>
        <Tag kind="ok">{name(DOORSTEP_CATEGORIES, p.category)}</Tag>
      </div>
      <div
        className="muted"
        style={{ marginTop: '0.25rem', display: 'flex', flexWrap: 'wrap', gap: '0.15rem 1rem' }}
      >
        <span style={{ whiteSpace: 'nowrap' }}>{t('projects.doorstep.phone.stage', { stage })}</span>
        <span style={{ whiteSpace: 'nowrap' }}>
          {t('projects.doorstep.perTimes', {
            n: p.serviceTimes,
            per: t(`projects.doorstep.per.${p.servicePer}` as MessageKey),
          })}
        </span>
        <span style={{ whiteSpace: 'nowrap' }}>
          {t('projects.doorstep.phone.served', { n: p.peopleServed })}
        </span>
      </div>
      <DoorstepRating projectId={p.id} />
    </div>
  );
}
