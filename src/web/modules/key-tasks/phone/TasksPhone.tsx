import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { type MessageKey, useI18n } from '../../../app/i18n';
import {
  BackLink,
  Empty,
  ErrorBox,
  Notice,
  Section,
  Tag,
  fieldErrors,
  formatAt,
  useToast,
} from '../../../phone/ui';
import { LinkCard, QueryFallback } from '../../../phone/PhoneList';
import { SendButton, TextareaField } from '../../../phone/TextareaField';
import { TextField } from '../../../phone/PhoneInputs';
import { ktApi, ktKeys, ownerWithUnit } from '../api';
import { EventNotes } from '../EventNotes';
import { loggedInPage } from '../../../phone/LoggedInPage';
import { BlockButton } from '../../../phone/PhoneForm';
import { useStoreAnswer } from '../../../phone/useStoreAnswer';

/** /m/key-tasks: the key tasks in my reach not yet done, overdue first, for the responsible unit to report on. */
export const MyTasksPage = loggedInPage('keyTasks.phone.tile', TaskList);

function TaskList() {
  const { t } = useI18n();
  const q = { pageSize: 200 };
  const list = useQuery({ queryKey: ktKeys.tasks(q), queryFn: () => ktApi.tasks(q) });
  if (!list.isSuccess) return <QueryFallback query={list} />;
  const open = list.data.items
    .filter((x) => x.state !== 'done')
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));
  return (
    <>
      <BackLink to="/m" />
      <Notice>{t('keyTasks.phone.intro')}</Notice>
      {open.length ? (
        open.map((x) => (
          <LinkCard
            key={x.id}
            to={`/m/key-tasks/${x.id}`}
            title={t('keyTasks.phone.number', { n: x.number })}
            tag={
              x.overdue ? (
                <Tag kind="danger">{t('keyTasks.overdue')}</Tag>
              ) : (
                <Tag kind={x.state === 'open' ? 'plain' : 'info'}>
                  {t(`keyTasks.state.${x.state}` as MessageKey)}
                </Tag>
              )
            }
            top
            testId="key-task"
          >
            <p className="ph-p" style={{ margin: '6px 0' }}>
              {x.content.length > 80 ? `${x.content.slice(0, 80)}…` : x.content}
            </p>
            <span className="muted">
              {t('keyTasks.phone.due', {
                date: x.deadlineText ? `${x.deadlineText}（${x.dueOn}）` : x.dueOn,
              })}
              {' · '}
              {t('keyTasks.phone.progress', { n: x.progress })}
            </span>
          </LinkCard>
        ))
      ) : (
        <Empty>{t('keyTasks.phone.empty')}</Empty>
      )}
    </>
  );
}

/** /m/key-tasks/:id: the task, its latest records, and the progress report (percent, what was done, evidence). */
export const TaskPhonePage = loggedInPage('keyTasks.phone.tile', TaskView);

function TaskView() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const store = useStoreAnswer(ktKeys.task(id), ktKeys.all);
  const toast = useToast();
  const detail = useQuery({ queryKey: ktKeys.task(id), queryFn: () => ktApi.task(id) });
  const [progress, setProgress] = useState('');
  const [comment, setComment] = useState('');
  const [evidence, setEvidence] = useState('');
  const send = useMutation({
    mutationFn: (action: 'report' | 'complete') =>
      ktApi.act(id, {
        action,
        progress: action === 'report' ? Number(progress) : null,
        comment: comment.trim() || null,
        evidence: evidence
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    onSuccess: (d, action) => {
      store(d);
      setProgress('');
      setComment('');
      setEvidence('');
      toast(t(action === 'complete' ? 'keyTasks.phone.completed' : 'keyTasks.phone.reported'));
      window.scrollTo(0, 0);
    },
  });
  if (!detail.isSuccess) return <QueryFallback query={detail} />;
  const d = detail.data;
  const errors = send.isError ? fieldErrors(send.error) : {};
  const pct = Number(progress);
  const validPct = progress !== '' && Number.isInteger(pct) && pct >= 0 && pct <= 100;
  const canReport = d.actions.includes('report');
  const canComplete = d.actions.includes('complete');
  return (
    <>
      <BackLink to="/m/key-tasks" />
      <Section title={t('keyTasks.phone.number', { n: d.number })}>
        <p className="muted">{d.listTitle}</p>
        <p className="ph-p" style={{ whiteSpace: 'pre-wrap' }}>
          {d.content}
        </p>
        <p className="ph-p">
          {t('keyTasks.field.units')}：{d.units.join('、')}
        </p>
        {d.owners.length ? (
          <p className="ph-p">
            {t('keyTasks.owners.title')}：{d.owners.map(ownerWithUnit).join('；')}
          </p>
        ) : null}
        <p className="ph-p">
          {t('keyTasks.phone.due', { date: d.deadlineText ? `${d.deadlineText}（${d.dueOn}）` : d.dueOn })}
        </p>
        <div className="row" style={{ gap: 8, flexWrap: 'wrap' }}>
          <Tag kind={d.state === 'done' ? 'ok' : 'info'}>{t(`keyTasks.state.${d.state}` as MessageKey)}</Tag>
          {d.overdue ? <Tag kind="danger">{t('keyTasks.overdue')}</Tag> : null}
          <Tag kind="plain">{t('keyTasks.phone.progress', { n: d.progress })}</Tag>
        </div>
      </Section>
      {canReport || canComplete ? (
        <Section title={t('keyTasks.phone.reportTitle')}>
          {canReport ? (
            <TextField
              label={t('keyTasks.phone.percent')}
              hint={t('keyTasks.phone.percentHint')}
              error={
                errors.progress ?? (progress !== '' && !validPct ? t('keyTasks.phone.percentBad') : null)
              }
              inputMode="numeric"
              value={progress}
              onChange={(v) => setProgress(v.replace(/[^0-9]/g, '').slice(0, 3))}
            />
          ) : null}
          <TextareaField
            label={t('keyTasks.phone.comment')}
            error={errors.comment ?? null}
            rows={4}
            maxLength={2000}
            value={comment}
            onChange={setComment}
          />
          <TextareaField
            label={t('keyTasks.field.evidence')}
            hint={t('keyTasks.field.evidenceHint')}
            error={errors.evidence ?? null}
            rows={3}
            value={evidence}
            onChange={setEvidence}
          />
          {send.isError && !Object.keys(errors).length ? <ErrorBox error={send.error} /> : null}
          {canReport ? (
            <SendButton
              disabled={!validPct || !comment.trim() || send.isPending}
              onClick={() => send.mutate('report')}
              testId="report-progress"
            >
              {t('keyTasks.phone.submitReport')}
            </SendButton>
          ) : null}
          {canComplete ? (
            <BlockButton
              style={{ marginTop: 8 }}
              disabled={!evidence.trim() || send.isPending}
              onClick={() => send.mutate('complete')}
            >
              {t('keyTasks.phone.complete')}
            </BlockButton>
          ) : null}
        </Section>
      ) : (
        <Notice>{t('keyTasks.phone.readOnly')}</Notice>
      )}
      <Section title={t('keyTasks.detail.timeline')}>
        {[...d.events].reverse().map((e) => (
          <div key={e.id} style={{ borderTop: '1px solid #e5e5e5', padding: '8px 0' }}>
            <strong>{t(`keyTasks.event.${e.action}` as MessageKey)}</strong>
            <div className="muted">
              {formatAt(e.at)} {e.actorName ?? t('keyTasks.event.system')}
            </div>
            {e.progress !== null && e.action === 'report' ? (
              <div>{t('keyTasks.phone.progress', { n: e.progress })}</div>
            ) : null}
            <EventNotes event={e} />
          </div>
        ))}
      </Section>
    </>
  );
}
