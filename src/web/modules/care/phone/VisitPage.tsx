import { TextareaField } from '../../../phone/TextareaField';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { BackLink, Notice, Section, Tag, formatAt, useToast } from '../../../phone/ui';
import { QueryFallback } from '../../../phone/PhoneList';
import { BigButton, BlockButton } from '../../../phone/PhoneForm';
import { type PlanDetail, careApi, careKeys } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';
import { TextField } from '../../../phone/PhoneInputs';
import { useLocate } from '../../../phone/geolocation';
import { SegmentedField } from '../../../phone/Segmented';
import { useFieldErrors } from '../../../phone/useFieldErrors';
import { useStoreAnswer } from '../../../phone/useStoreAnswer';

const OUTCOMES = ['well', 'needs_help', 'not_home'] as const;

/** /m/care/:id: one person's plan, the audited reveal of their contact, and the visit form (time + place). */
const VisitPage = loggedInPage('care.m.title', Plan);
export default VisitPage;

function Plan() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const plan = useQuery({ queryKey: careKeys.plan(id), queryFn: () => careApi.plan(id) });
  return (
    <>
      <BackLink to="/m/care" label={t('care.m.back')} />
      {!plan.isSuccess ? (
        <QueryFallback query={plan} />
      ) : (
        <>
          <Person plan={plan.data} />
          {plan.data.canVisit ? <VisitForm plan={plan.data} /> : null}
          <History plan={plan.data} />
        </>
      )}
    </>
  );
}

function Person({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const toast = useToast();
  const reveal = useMutation({ mutationFn: () => careApi.reveal(plan.id), onError: (e) => toast.error(e) });
  return (
    <Section
      title={reveal.data?.name ?? plan.residentNameMask}
      extra={<Tag kind="plain">{t(`care.tag.${plan.tag}` as MessageKey)}</Tag>}
      testId="care-person"
    >
      <p className="ph-p">
        {plan.communityName ?? ''} {plan.unitName ?? ''}
      </p>
      <p className="ph-p">
        {t('care.m.due', { at: formatAt(plan.nextDueAt) })}
        {plan.overdue ? (
          <>
            {' '}
            <Tag kind="danger">{t('care.overdue')}</Tag>
          </>
        ) : null}
      </p>
      {reveal.data ? (
        <p className="ph-p" data-testid="care-contact">
          {t('care.m.phone')}：{reveal.data.phone ?? '—'}
          <br />
          {t('care.m.address')}：{reveal.data.address ?? '—'}
        </p>
      ) : (
        <>
          <BlockButton onClick={() => reveal.mutate()} disabled={reveal.isPending} testId="care-reveal">
            {t('care.m.showContact')}
          </BlockButton>
          <span className="muted">{t('care.m.contactHint')}</span>
        </>
      )}
    </Section>
  );
}

function VisitForm({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const toast = useToast();
  const store = useStoreAnswer(careKeys.plan(plan.id), careKeys.all);
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('well');
  const [place, setPlace] = useState(t('care.m.placeDefault'));
  const [note, setNote] = useState('');
  const { point, locating, locate } = useLocate(t('care.m.locationFailed'), { timeout: 8000 });
  const { errors, setErrors, fail } = useFieldErrors();
  const submit = useMutation({
    mutationFn: () =>
      careApi.visit(plan.id, {
        place,
        outcome,
        note: note || null,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
      }),
    onSuccess: (d) => {
      store(d);
      setNote('');
      toast(t('care.m.saved'));
    },
    onError: fail,
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!place.trim()) {
      setErrors({ place: t('common.required') });
      return;
    }
    setErrors({});
    submit.mutate();
  };
  return (
    <Section title={t('care.m.log')} testId="care-visit-form">
      <form onSubmit={onSubmit} noValidate>
        <SegmentedField
          label={t('care.m.outcome')}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`care.outcome.${o}` as MessageKey) }))}
          value={outcome}
          onChange={setOutcome}
          testId="care-outcome"
        />
        <TextField
          label={t('care.m.place')}
          error={errors.place}
          maxLength={120}
          value={place}
          onChange={setPlace}
          data-testid="care-place"
        />
        {point ? (
          <Notice kind="ok">{t('care.m.located')}</Notice>
        ) : (
          <BlockButton onClick={locate} disabled={locating} style={{ marginBottom: 12 }}>
            {t('care.m.useLocation')}
          </BlockButton>
        )}
        <TextareaField
          label={t('care.m.note')}
          error={errors.note}
          rows={3}
          maxLength={1000}
          value={note}
          onChange={setNote}
          tall
          testId="care-note"
        />
        <BigButton disabled={submit.isPending} testId="care-submit">
          {t('care.m.submit')}
        </BigButton>
      </form>
    </Section>
  );
}

function History({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const rows = [
    ...plan.visits.map((v) => ({ at: v.visitedAt, key: v.id, visit: v })),
    ...plan.misses.map((m) => ({ at: m.dueAt, key: `miss-${String(m.dueAt)}`, visit: null })),
  ].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
  return (
    <Section title={t('care.m.history')} testId="care-history">
      {rows.length === 0 ? <p className="ph-p">{t('care.m.noVisits')}</p> : null}
      {rows.slice(0, 20).map((r) =>
        r.visit ? (
          <div key={r.key} style={{ padding: '8px 0', borderTop: '1px solid #e5e5e5' }}>
            <div className="row" style={{ justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
              <strong>{formatAt(r.visit.visitedAt)}</strong>
              <Tag kind={r.visit.outcome === 'well' ? 'ok' : 'warn'}>
                {t(`care.outcome.${r.visit.outcome}` as MessageKey)}
              </Tag>
            </div>
            <span className="ph-p" style={{ display: 'block' }}>
              {r.visit.place}
              {r.visit.visitorName ? `　${r.visit.visitorName}` : ''}
            </span>
            {r.visit.note ? <span className="muted">{r.visit.note}</span> : null}
          </div>
        ) : (
          <div key={r.key} style={{ padding: '8px 0', borderTop: '1px solid #e5e5e5' }}>
            <div className="row" style={{ justifyContent: 'space-between', gap: 8 }}>
              <strong>{formatAt(r.at)}</strong>
              <Tag kind="danger">{t('care.m.missed', { n: 1 })}</Tag>
            </div>
          </div>
        ),
      )}
    </Section>
  );
}
