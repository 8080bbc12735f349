import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { type MessageKey, useI18n } from '../../../app/i18n';
import {
  ErrorBox,
  Field,
  formatAt,
  Loading,
  Notice,
  Section,
  Shell,
  Tag,
  type TagKind,
  useToast,
} from '../../../phone/ui';
import { DigitsField, FormSubmit } from '../../../phone/PhoneForm';
import {
  type PublicWorkOrder,
  publicApi,
  type RatingInput,
  type TrackProof,
  type WoStatus,
  woKeys,
} from '../api';
import { NewReportLink, SavedReportsSection } from './SavedReportsSection';
import { ChoiceButton } from '../../../phone/ChoiceButton';

const STEPS = ['submitted', 'dispatched', 'in_progress', 'replied', 'closed'] as const;
const STEP_OF: Record<WoStatus, number> = {
  submitted: 0,
  return_requested: 0,
  dispatched: 1,
  in_progress: 2,
  extension_pending: 2,
  replied: 3,
  closed: 4,
  cancelled: 4,
  duplicate: 4,
  diverted: 4,
};
const ENDED_ELSEWHERE: readonly WoStatus[] = ['cancelled', 'duplicate', 'diverted'];
const STATUS_TAG: Record<WoStatus, TagKind> = {
  submitted: 'info',
  return_requested: 'warn',
  dispatched: 'info',
  in_progress: 'info',
  extension_pending: 'warn',
  replied: 'warn',
  closed: 'ok',
  cancelled: 'plain',
  duplicate: 'plain',
  diverted: 'plain',
};

/**
 * /track and /track/:number: the requester follows their report and rates the result, with the link they kept
 * (number + its secret), or by typing the order number and the last four digits of the phone they gave.
 */
export default function TrackPage() {
  const { t } = useI18n();
  const { number: pathNumber = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  // From 我的诉求 (logged in): the session is the proof, no token needed.
  const mine = params.get('mine') === '1';
  const [lookup, setLookup] = useState<{ number: string; phoneLast4: string } | null>(null);
  const number = lookup?.number ?? pathNumber;
  const proof: TrackProof | null = lookup
    ? { phoneLast4: lookup.phoneLast4 }
    : token || mine
      ? { token }
      : null;
  const order = useQuery({
    queryKey: woKeys.track(number, proof ?? { token: '' }),
    queryFn: () => publicApi.track(number, proof!),
    enabled: !!proof && !!number,
    // A wrong pair is not worth asking again: guesses are limited per number.
    retry: false,
    refetchInterval: 60_000,
  });
  const notFound = order.isError && order.error instanceof ApiError && order.error.status === 404;

  let body: ReactNode;
  if (!proof || notFound || (lookup && order.isError)) {
    const error = !order.isError
      ? null
      : !lookup
        ? t('pub.track.notFoundText')
        : notFound
          ? t('pub.track.lookupNotFound')
          : order.error instanceof Error
            ? order.error.message
            : '';
    body = (
      <LookupForm
        initialNumber={number}
        error={error}
        loading={!!lookup && order.isFetching}
        onSubmit={(n, last4) => setLookup({ number: n, phoneLast4: last4 })}
      />
    );
  } else if (order.isError) {
    body = <ErrorBox error={order.error} onRetry={() => order.refetch()} />;
  } else if (!order.data) {
    body = <Loading rows={6} />;
  } else {
    body = <TrackBody order={order.data} proof={proof} />;
  }
  return <Shell title={t('pub.track.title')}>{body}</Shell>;
}

/** Order number + last four digits of the phone: the way in without the link; and this phone's own reports. */
function LookupForm({
  initialNumber,
  error,
  loading,
  onSubmit,
}: {
  initialNumber: string;
  error: string | null;
  loading: boolean;
  onSubmit: (number: string, phoneLast4: string) => void;
}) {
  const { t } = useI18n();
  const [number, setNumber] = useState(initialNumber);
  const [last4, setLast4] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!number.trim()) local.number = t('pub.track.numberRequired');
    if (!/^\d{4}$/.test(last4)) local.last4 = t('pub.track.last4Required');
    setErrors(local);
    if (Object.keys(local).length === 0) onSubmit(number.trim().toUpperCase(), last4);
  };
  return (
    <>
      <Section title={t('pub.track.lookupTitle')} testId="track-lookup">
        <p className="ph-p">{t('pub.track.lookupIntro')}</p>
        <form onSubmit={submit} noValidate>
          <Field label={t('pub.track.numberLabel')} error={errors.number}>
            {(p) => (
              <input
                {...p}
                className="input mono"
                autoComplete="off"
                placeholder={t('pub.track.numberPlaceholder')}
                value={number}
                onChange={(e) => setNumber(e.target.value)}
                data-testid="track-number-input"
              />
            )}
          </Field>
          <DigitsField
            label={t('pub.track.last4Label')}
            error={errors.last4}
            autoComplete="off"
            maxLength={4}
            value={last4}
            onChange={setLast4}
            testId="track-last4-input"
          />
          <FormSubmit error={error} errorTestId="track-not-found" busy={loading} testId="track-lookup-submit">
            {t('pub.track.lookupSubmit')}
          </FormSubmit>
        </form>
      </Section>
      <SavedReportsSection max={10} />
      <NewReportLink />
    </>
  );
}

function TrackBody({ order: o, proof }: { order: PublicWorkOrder; proof: TrackProof }) {
  const { t } = useI18n();
  const [more, setMore] = useState(false);
  const step = STEP_OF[o.status];
  const elsewhere = ENDED_ELSEWHERE.includes(o.status);
  const long = o.description.length > 120;
  return (
    <div data-testid="track-page" data-status={o.status}>
      <section className="ph-card">
        <div className="row" style={{ flexWrap: 'wrap' }}>
          <span className="mono" style={{ fontSize: '1.2rem', fontWeight: 700 }} data-testid="track-number">
            {o.number}
          </span>
          <Tag kind={STATUS_TAG[o.status]} testId="track-status" data-status={o.status}>
            {t(`pub.status.${o.status}`)}
          </Tag>
        </div>
        <p className="muted" style={{ margin: '6px 0 0' }}>
          {t(`wo.kind.${o.kind}`)} · {o.categoryName ?? ''} · {formatAt(o.createdAt)}
        </p>
        {o.proxyName ? (
          <p style={{ margin: '8px 0 0' }} data-testid="track-proxy">
            <Tag kind="warn">{t('proxy.tag')}</Tag> {t('proxy.byLine', { name: o.proxyName })}
          </p>
        ) : null}
        <p className="ph-p pre" style={{ marginTop: 10 }}>
          {long && !more ? `${o.description.slice(0, 120)}…` : o.description}
        </p>
        {long && !more ? (
          <button type="button" className="link-btn" onClick={() => setMore(true)}>
            {t('pub.track.more')}
          </button>
        ) : null}
        {o.dueAt && !o.closedAt ? (
          <p className="muted" style={{ margin: '8px 0 0' }}>
            {t('pub.track.dueAt', { at: formatAt(o.dueAt) })}
            {o.deadlineEstimated ? t('wo.deadline.estimated') : null}
          </p>
        ) : null}
      </section>
      <section className="ph-card" data-testid="track-steps">
        <ol className="steps">
          {STEPS.map((s, i) => (
            <li
              key={s}
              className={
                i < step || (i === step && (o.status === 'closed' || elsewhere))
                  ? 'done'
                  : i === step
                    ? 'current'
                    : ''
              }
              aria-current={i === step ? 'step' : undefined}
            >
              {i === 4 && elsewhere ? t(`pub.status.${o.status}`) : t(`pub.step.${s}`)}
            </li>
          ))}
        </ol>
      </section>
      {o.canRate ? <RatingForm order={o} proof={proof} /> : null}
      <Section title={t('pub.track.progress')}>
        <ol className="steps timeline" data-testid="track-timeline">
          {[...o.timeline].reverse().map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
            <li key={`${e.at}-${i}`} data-testid="track-timeline-item">
              <strong>{e.text ?? (e.status ? t(`pub.status.${e.status}` as MessageKey) : '')}</strong>
              <span className="muted" style={{ display: 'block' }}>
                {formatAt(e.at)}
              </span>
              {e.photos.length > 0 ? (
                <div className="thumbs" style={{ marginTop: 6 }} data-testid="track-photos">
                  {e.photos.map((id, n) => (
                    <a
                      key={id}
                      href={publicApi.photoUrl(o.number, id, proof)}
                      target="_blank"
                      rel="noreferrer"
                      className="thumb"
                    >
                      <img
                        src={publicApi.photoUrl(o.number, id, proof)}
                        alt={`${t('pub.track.photo')} ${n + 1}`}
                      />
                    </a>
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </Section>
      <NewReportLink />
    </div>
  );
}

type Satisfaction = RatingInput['satisfaction'];
// A full record of the contract's values, without importing the zod schemas into the phone page.
const SATISFACTION_ORDER: Record<Satisfaction, number> = {
  satisfied: 0,
  basically_satisfied: 1,
  dissatisfied: 2,
};
const SATISFACTION = Object.keys(SATISFACTION_ORDER) as Satisfaction[];

function RatingForm({ order, proof }: { order: PublicWorkOrder; proof: TrackProof }) {
  const { t } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reply = [...order.timeline].reverse().find((e) => e.status === 'replied');

  const submit = async () => {
    if (resolved === null || !satisfaction) {
      setError(t('pub.rate.incomplete'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const updated = await publicApi.rate(order.number, {
        ...proof,
        resolved,
        satisfaction,
        comment: comment.trim() || undefined,
      });
      qc.setQueryData(woKeys.track(order.number, proof), updated);
      toast(updated.status === 'closed' ? t('pub.rate.thanksClosed') : t('pub.rate.thanksRedo'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      await qc.invalidateQueries({ queryKey: woKeys.track(order.number, proof) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section title={t('pub.rate.title')} testId="rate-form">
      {reply?.text ? (
        <Notice testId="rate-reply">
          <div className="muted">{t('pub.rate.replyLabel', { at: formatAt(reply.at) })}</div>
          <div className="pre">{reply.text}</div>
        </Notice>
      ) : null}
      <p className="ph-p">{t('pub.rate.intro')}</p>
      <p className="ph-p">
        <strong>{t('pub.rate.resolvedQ')}</strong>
      </p>
      <div className="choices" style={{ marginBottom: 16 }}>
        {[true, false].map((v) => (
          <ChoiceButton
            key={String(v)}
            center
            pressed={resolved === v}
            onClick={() => setResolved(v)}
            testId={v ? 'rate-resolved-yes' : 'rate-resolved-no'}
            title={v ? t('pub.rate.resolvedYes') : t('pub.rate.resolvedNo')}
          />
        ))}
      </div>
      <p className="ph-p">
        <strong>{t('pub.rate.satisfactionQ')}</strong>
      </p>
      <div className="choices choices-3" style={{ marginBottom: 16 }}>
        {SATISFACTION.map((s) => (
          <ChoiceButton
            key={s}
            center
            pressed={satisfaction === s}
            onClick={() => setSatisfaction(s)}
            testId={`rate-${s}`}
            title={t(`wo.satisfaction.${s}`)}
          />
        ))}
      </div>
      <label className="field">
        <span className="sr-only">{t('pub.rate.commentPlaceholder')}</span>
        <textarea
          className="textarea"
          rows={3}
          maxLength={500}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('pub.rate.commentPlaceholder')}
          data-testid="rate-comment"
        />
      </label>
      {satisfaction === 'dissatisfied' && resolved === false ? (
        <Notice>{t('pub.rate.redoNotice')}</Notice>
      ) : null}
      <FormSubmit error={error} errorTestId="rate-error" busy={saving} onClick={submit} testId="rate-submit">
        {t('pub.rate.submit')}
      </FormSubmit>
    </Section>
  );
}
