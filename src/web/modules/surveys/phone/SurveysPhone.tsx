import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { BackLink, Empty, ErrorBox, Notice, Section, Tag, formatDay, useToast } from '../../../phone/ui';
import { LinkCard, QueryList, QueryFallback } from '../../../phone/PhoneList';
import { SendButton } from '../../../phone/TextareaField';
import { type MySurvey, svApi } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';
import { ChoiceButton } from '../../../phone/ChoiceButton';
import { useStoreAnswer } from '../../../phone/useStoreAnswer';

type Question = MySurvey['questions'][number];
type Value = number | number[] | (number | null)[] | string | null;

/** /m/surveys: the surveys distributed to my home, open ones first. */
export const MySurveysPage = loggedInPage('surveys.phone.tile', List, '/m');

function List() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['surveys', 'mine'], queryFn: () => svApi.mine() });
  return (
    <QueryList query={list} empty={<Empty>{t('surveys.phone.empty')}</Empty>}>
      {(s) => (
        <LinkCard
          key={s.id}
          to={`/m/surveys/${s.id}`}
          title={s.title}
          tag={
            s.answered ? (
              <Tag kind="ok">{t('surveys.phone.answered')}</Tag>
            ) : s.open ? (
              <Tag kind="warn">{t('surveys.phone.open')}</Tag>
            ) : (
              <Tag kind="plain">{t('surveys.phone.ended')}</Tag>
            )
          }
          top
          testId="survey"
        >
          <span className="muted">
            {s.unitName} · {t('surveys.phone.until', { date: formatDay(s.closesAt) })}
          </span>
        </LinkCard>
      )}
    </QueryList>
  );
}

/** /m/surveys/:id: answer a survey once (the link and QR code lead here; login by SMS code first). */
export const AnswerSurveyPage = loggedInPage('surveys.phone.tile', Answer);

function Answer() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const store = useStoreAnswer(['surveys', 'mine', id], ['surveys', 'mine']);
  const toast = useToast();
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const q = useQuery({ queryKey: ['surveys', 'mine', id], queryFn: () => svApi.mineOne(id) });
  const send = useMutation({
    mutationFn: () => svApi.answer(id, answers),
    onSuccess: (s) => {
      store(s);
      toast(t('surveys.phone.thanks'));
      window.scrollTo(0, 0);
    },
  });
  if (!q.isSuccess) return <QueryFallback query={q} />;
  const s = q.data;
  const set = (key: string, v: Value) => setAnswers((a) => ({ ...a, [key]: v }));
  return (
    <>
      <BackLink to="/m/surveys" />
      <Section title={s.title}>
        <p className="muted">
          {s.unitName} · {t('surveys.phone.until', { date: formatDay(s.closesAt) })}
        </p>
        {s.intro ? (
          <p className="ph-p" style={{ whiteSpace: 'pre-wrap' }}>
            {s.intro}
          </p>
        ) : null}
      </Section>
      {s.answered ? (
        <Notice kind="ok">{t('surveys.phone.thanks')}</Notice>
      ) : !s.open ? (
        <Notice>{t('surveys.phone.notOpen')}</Notice>
      ) : (
        <>
          <Notice>{t('surveys.phone.once')}</Notice>
          {s.questions.map((question, i) => (
            <QuestionCard
              key={question.key}
              n={i + 1}
              q={question}
              value={answers[question.key] ?? null}
              onChange={(v) => set(question.key, v)}
            />
          ))}
          {send.isError ? <ErrorBox error={send.error} /> : null}
          <SendButton disabled={send.isPending} onClick={() => send.mutate()} testId="survey-submit">
            {t('surveys.phone.submit')}
          </SendButton>
        </>
      )}
    </>
  );
}

function QuestionCard({
  n,
  q,
  value,
  onChange,
}: {
  n: number;
  q: Question;
  value: Value;
  onChange: (v: Value) => void;
}) {
  const { t } = useI18n();
  const title = (
    <>
      {q.title}
      {q.required ? <span className="muted">（{t('surveys.phone.required')}）</span> : null}
    </>
  );
  const scale = q.scale ? range(q.scale.min, q.scale.max) : [];
  return (
    <Section n={n} title={title} testId={`q-${q.key}`}>
      {q.kind === 'single' || q.kind === 'multiple' ? (
        <>
          {q.kind === 'multiple' ? (
            <p className="muted" style={{ marginTop: 0 }}>
              {t('surveys.phone.choose')}
            </p>
          ) : null}
          <div className="choices" role="group" aria-label={q.title}>
            {q.options.map((o, i) => {
              const chosen =
                q.kind === 'single' ? value === i : Array.isArray(value) && (value as number[]).includes(i);
              return (
                <ChoiceButton
                  key={o}
                  pressed={chosen}
                  onClick={() => {
                    if (q.kind === 'single') onChange(i);
                    else {
                      const cur = Array.isArray(value) ? (value as number[]) : [];
                      onChange(chosen ? cur.filter((x) => x !== i) : [...cur, i].sort((a, b) => a - b));
                    }
                  }}
                  title={o}
                />
              );
            })}
          </div>
        </>
      ) : q.kind === 'rating' ? (
        <Scale
          q={q}
          values={scale}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
          label={q.title}
        />
      ) : q.kind === 'matrix' ? (
        q.rows.map((row, ri) => {
          const cur = Array.isArray(value) ? (value as (number | null)[]) : q.rows.map(() => null);
          return (
            <div key={row} style={{ marginBottom: 12 }}>
              <p className="ph-p" style={{ margin: '4px 0', fontWeight: 600 }}>
                {row}
              </p>
              <Scale
                q={q}
                values={scale}
                value={cur[ri] ?? null}
                label={`${q.title}：${row}`}
                onChange={(v) => onChange(cur.map((x, j) => (j === ri ? (v as number) : (x ?? null))))}
              />
            </div>
          );
        })
      ) : (
        <textarea
          className="input"
          rows={4}
          maxLength={2000}
          aria-label={q.title}
          placeholder={t('surveys.phone.textPlaceholder')}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Section>
  );
}

function Scale({
  q,
  values,
  value,
  onChange,
  label,
}: {
  q: Question;
  values: number[];
  value: number | null;
  onChange: (v: Value) => void;
  label: string;
}) {
  return (
    <>
      <div role="group" aria-label={label} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {values.map((v) => (
          <ChoiceButton
            key={v}
            center
            style={{ minWidth: 56, flex: '1 0 56px' }}
            pressed={value === v}
            onClick={() => onChange(v)}
            title={v}
          />
        ))}
      </div>
      {q.scale?.minLabel || q.scale?.maxLabel ? (
        <div className="row muted" style={{ justifyContent: 'space-between', marginTop: 4 }}>
          <span>
            {values[0]}＝{q.scale?.minLabel}
          </span>
          <span>
            {values.at(-1)}＝{q.scale?.maxLabel}
          </span>
        </div>
      ) : null}
    </>
  );
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
