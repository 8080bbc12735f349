import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { type MessageKey, useI18n } from '../../../app/i18n';
import {
  BackLink,
  Empty,
  ErrorBox,
  Field,
  Notice,
  Section,
  Tag,
  type TagKind,
  formatAt,
  useToast,
} from '../../../phone/ui';
import { LinkCard, QueryFallback } from '../../../phone/PhoneList';
import { type Submission, type SubmissionDetail, openingValue, srApi, srKeys } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';
import { TextField } from '../../../phone/PhoneInputs';
import { usePeriodText } from '../periodText';
import { BlockButton } from '../../../phone/PhoneForm';
import { useStoreAnswer } from '../../../phone/useStoreAnswer';

const STATE_KIND: Record<string, TagKind> = {
  draft: 'warn',
  submitted: 'info',
  returned: 'danger',
  resubmitted: 'info',
  accepted: 'ok',
};

function StateLine({ s }: { s: Submission }) {
  const { t } = useI18n();
  return (
    <div className="row" style={{ gap: 6, flexWrap: 'wrap' }}>
      <Tag kind={STATE_KIND[s.state] ?? 'plain'}>{t(`scheduledReports.state.${s.state}` as MessageKey)}</Tag>
      {s.overdue ? <Tag kind="danger">{t('scheduledReports.overdue')}</Tag> : null}
      {s.late ? <Tag kind="danger">{t('scheduledReports.late')}</Tag> : null}
    </div>
  );
}

/** /m/reports: the reports my community owes, the ones still to hand in first, with their due day. */
export const MyReportsPage = loggedInPage('scheduledReports.phone.tile', ReportList);

function ReportList() {
  const { t } = useI18n();
  const periodText = usePeriodText();
  const q = { side: 'mine' as const, pageSize: 50 };
  const list = useQuery({ queryKey: srKeys.submissions(q), queryFn: () => srApi.submissions(q) });
  if (!list.isSuccess) return <QueryFallback query={list} />;
  const todo = (s: Submission) => s.actions.includes('submit') || s.actions.includes('save');
  const items = [...list.data.items].sort(
    (a, b) => Number(todo(b)) - Number(todo(a)) || a.dueOn.localeCompare(b.dueOn),
  );
  return (
    <>
      <BackLink to="/m" />
      {items.length ? (
        items.map((s) => (
          <LinkCard key={s.id} to={`/m/reports/${s.id}`} title={s.templateTitle} testId="report">
            <div className="muted" style={{ margin: '4px 0' }}>
              {s.unitName} · {periodText(s.period)} · {t('scheduledReports.phone.due', { date: s.dueOn })}
            </div>
            <StateLine s={s} />
          </LinkCard>
        ))
      ) : (
        <Empty>{t('scheduledReports.phone.empty')}</Empty>
      )}
    </>
  );
}

/** /m/reports/:id: fill in a report (figures Linli holds pre-filled), save it, hand it in. */
export const ReportPhonePage = loggedInPage('scheduledReports.phone.tile', ReportForm);

type Values = Record<string, string>;

function ReportForm() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const periodText = usePeriodText();
  const store = useStoreAnswer(srKeys.submission(id), srKeys.all);
  const toast = useToast();
  const detail = useQuery({ queryKey: srKeys.submission(id), queryFn: () => srApi.submission(id) });
  const [values, setValues] = useState<Values>({});
  const [atts, setAtts] = useState<Record<string, string>>({});
  const s = detail.data;
  const editable = !!s?.actions.includes('save');
  useEffect(() => {
    if (!s) return;
    const v: Values = {};
    for (const f of s.fields) {
      const x = openingValue(s, f.key, editable);
      v[f.key] = x === null ? '' : f.type === 'amount' && typeof x === 'number' ? String(x / 100) : String(x);
    }
    setValues(v);
    setAtts(Object.fromEntries(s.attachments.map((a) => [a.label, a.name])));
  }, [s, editable]);
  const bodyOf = (d: SubmissionDetail) => ({
    values: Object.fromEntries(
      d.fields.map((f) => {
        const raw = (values[f.key] ?? '').trim();
        if (raw === '') return [f.key, null];
        if (f.type === 'text') return [f.key, raw];
        const n = Number(raw);
        return [f.key, Number.isFinite(n) ? (f.type === 'amount' ? Math.round(n * 100) : n) : raw];
      }),
    ),
    attachments: d.attachmentDefs
      .map((a) => ({ label: a.label, name: (atts[a.label] ?? '').trim() }))
      .filter((a) => a.name),
  });
  const send = useMutation({
    mutationFn: async (submit: boolean) => {
      const saved = await srApi.save(id, bodyOf(s!));
      return submit ? srApi.act(id, { action: 'submit' }) : saved;
    },
    onSuccess: (next, submit) => {
      store(next);
      toast(t(submit ? 'scheduledReports.form.submitted' : 'scheduledReports.form.saved'));
      window.scrollTo(0, 0);
    },
  });
  if (!detail.isSuccess) return <QueryFallback query={detail} />;
  const d = detail.data;
  const numeric = (type: string) => type !== 'text';
  return (
    <>
      <BackLink to="/m/reports" />
      <Section title={d.templateTitle}>
        <p className="muted">
          {d.unitName} → {d.receiverName} · {periodText(d.period)}
        </p>
        <p className="ph-p">{t('scheduledReports.phone.due', { date: d.dueOn })}</p>
        <StateLine s={d} />
        {d.returnReason && d.state === 'returned' ? (
          <Notice kind="warn">{t('scheduledReports.phone.returned', { reason: d.returnReason })}</Notice>
        ) : null}
      </Section>
      <Section title={t('scheduledReports.phone.content')}>
        {d.fields.map((f) => (
          <Field
            key={f.key}
            label={`${f.label}${f.required ? t('scheduledReports.phone.requiredMark') : ''}`}
            hint={
              f.source && d.figures[f.key] !== null && d.figures[f.key] !== undefined
                ? t('scheduledReports.phone.prefilled')
                : f.type === 'amount'
                  ? t('scheduledReports.phone.yuan')
                  : f.type === 'percent'
                    ? t('scheduledReports.phone.percent')
                    : undefined
            }
          >
            {(props) =>
              f.type === 'text' ? (
                <textarea
                  {...props}
                  className="input"
                  rows={3}
                  disabled={!editable}
                  value={values[f.key] ?? ''}
                  onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
                />
              ) : (
                <input
                  {...props}
                  className="input"
                  inputMode="decimal"
                  disabled={!editable}
                  value={values[f.key] ?? ''}
                  onChange={(e) =>
                    setValues((v) => ({
                      ...v,
                      [f.key]: numeric(f.type) ? e.target.value.replace(/[^0-9.]/g, '') : e.target.value,
                    }))
                  }
                />
              )
            }
          </Field>
        ))}
        {d.attachmentDefs.map((a) => (
          <TextField
            key={a.label}
            label={`${a.label}${a.required ? t('scheduledReports.phone.requiredMark') : ''}`}
            hint={t('scheduledReports.phone.attachmentHint')}
            disabled={!editable}
            value={atts[a.label] ?? ''}
            onChange={(v) => setAtts((x) => ({ ...x, [a.label]: v }))}
          />
        ))}
        {send.isError ? <ErrorBox error={send.error} /> : null}
        {editable ? (
          <>
            {d.actions.includes('submit') ? (
              <button
                type="button"
                className="btn btn-primary btn-block"
                disabled={send.isPending}
                onClick={() => send.mutate(true)}
                data-testid="submit-report"
              >
                {t('scheduledReports.phone.submit')}
              </button>
            ) : null}
            <BlockButton
              style={{ marginTop: 8 }}
              disabled={send.isPending}
              onClick={() => send.mutate(false)}
            >
              {t('scheduledReports.phone.save')}
            </BlockButton>
          </>
        ) : (
          <Notice>{t('scheduledReports.phone.readOnly')}</Notice>
        )}
      </Section>
      {d.events.length ? (
        <Section title={t('scheduledReports.phone.history')}>
          {[...d.events].reverse().map((e) => (
            <div key={`${e.at}-${e.action}`} style={{ borderTop: '1px solid #e5e5e5', padding: '8px 0' }}>
              <div className="muted">
                {formatAt(e.at)} {e.actorName ?? ''}
              </div>
              {e.comment ? <div>{e.comment}</div> : null}
            </div>
          ))}
        </Section>
      ) : null}
    </>
  );
}
