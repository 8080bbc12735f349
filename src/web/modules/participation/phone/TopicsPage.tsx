import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
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
  formatDay,
  useToast,
} from '../../../phone/ui';
import { LinkCard, QueryList, QueryFallback } from '../../../phone/PhoneList';
import { SendButton, TextareaField } from '../../../phone/TextareaField';
import { TextField } from '../../../phone/PhoneInputs';
import { delibApi } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';
import { SendTextForm } from './SendTextForm';
import { ChoiceButton } from '../../../phone/ChoiceButton';
import { Segmented } from '../../../phone/Segmented';
import { useStoreAnswer } from '../../../phone/useStoreAnswer';

/** Seed 003's six steps (restated from shared/contracts/deliberation: the phone loads no zod). */
const STEPS = ['proposed', 'participants', 'announced', 'consulted', 'implemented', 'reported'] as const;

/** /m/topics: topics of my home's units (building, compound, grid, community); mine and followed. */
export const TopicsPage = loggedInPage('participation.phone.topics', Topics, '/m');

function Topics() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const mine = params.get('mine') ?? undefined;
  const list = useQuery({
    queryKey: ['participation', 'board-topics', mine],
    queryFn: () => delibApi.boardTopics(mine, 1),
  });
  const tabs = [
    { value: undefined, label: t('participation.phone.allTopics') },
    { value: 'followed', label: t('participation.phone.followed') },
    { value: 'proposed', label: t('participation.phone.mine') },
  ];
  return (
    <>
      <Link to="/m/topics/new" className="btn btn-primary btn-block btn-big" data-testid="propose-topic">
        {t('participation.phone.propose')}
      </Link>
      <Segmented
        style={{ margin: '12px 0' }}
        options={tabs}
        value={mine}
        onChange={(v) => setParams(v ? { mine: v } : {})}
      />
      <QueryList query={list} empty={<Empty>{t('participation.phone.noTopics')}</Empty>}>
        {(x) => (
          <LinkCard
            key={x.id}
            to={`/m/topics/${x.id}`}
            title={x.title}
            tag={<Tag kind={x.state === 'reported' ? 'ok' : 'info'}>{x.stageName}</Tag>}
            top
            testId="topic"
          >
            <span className="muted" style={{ display: 'block' }}>
              {x.unitName} · {x.levelName}
            </span>
            {/* 微改造 / 微服务 / 微治理 (S003-11) on its own line: a second tag beside the title squeezes it. */}
            {x.microKindName ? (
              <span style={{ display: 'block', margin: '4px 0' }}>
                <Tag kind="plain" testId="topic-micro-kind">
                  {x.microKindName}
                </Tag>
              </span>
            ) : null}
            <span className="muted" style={{ display: 'block' }}>
              {x.step + 1}/6 {x.stepName} · {t('participation.phone.supportsN', { n: x.supports })} ·{' '}
              {formatDay(x.updatedAt)}
            </span>
          </LinkCard>
        )}
      </QueryList>
    </>
  );
}

/** /m/topics/new: 民事民提 — a resident raises a topic at one of their home's units. */
export const ProposePage = loggedInPage('participation.phone.propose', Propose);

function Propose() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const toast = useToast();
  const units = useQuery({ queryKey: ['participation', 'home-units'], queryFn: () => delibApi.homeUnits() });
  const [unit, setUnit] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () => delibApi.propose({ orgUnitId: unit!, title, description: text }),
    onSuccess: (d) => {
      qc.invalidateQueries({ queryKey: ['participation', 'board-topics'] });
      toast(t('participation.phone.proposed'));
      navigate(`/m/topics/${d.id}`, { replace: true });
    },
  });
  const errors = send.isError ? fieldErrors(send.error) : {};
  if (!units.isSuccess) return <QueryFallback query={units} />;
  const chosen = unit ?? units.data.items[0]?.id ?? null;
  return (
    <>
      <BackLink to="/m/topics" />
      <Section title={t('participation.phone.proposeAt')}>
        <div className="choices">
          {units.data.items.map((u) => (
            <ChoiceButton
              key={u.id}
              pressed={chosen === u.id}
              onClick={() => setUnit(u.id)}
              title={u.name}
              hint={u.levelName}
            />
          ))}
        </div>
      </Section>
      <Section title={t('participation.phone.propose')}>
        <TextField
          label={t('participation.phone.topicTitle')}
          error={errors.title ?? null}
          maxLength={120}
          value={title}
          onChange={setTitle}
        />
        <TextareaField
          label={t('participation.phone.topicText')}
          hint={t('participation.phone.proposeHint')}
          error={errors.description ?? null}
          rows={5}
          maxLength={2000}
          value={text}
          onChange={setText}
        />
        {send.isError && !errors.title && !errors.description ? <ErrorBox error={send.error} /> : null}
        <SendButton
          disabled={!chosen || !title.trim() || !text.trim() || send.isPending}
          onClick={() => {
            setUnit(chosen);
            send.mutate();
          }}
          testId="submit-topic"
        >
          {t('participation.phone.submit')}
        </SendButton>
      </Section>
    </>
  );
}

/** /m/topics/:id: the topic, its six steps and records, the report-back; support, follow, comment. */
export const TopicPage = loggedInPage('participation.phone.topics', Topic);

function Topic() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const toast = useToast();
  const key = ['participation', 'board-topic', id];
  const q = useQuery({ queryKey: key, queryFn: () => delibApi.boardTopic(id) });
  const done = useStoreAnswer(key, ['participation', 'board-topics']);
  const support = useMutation({ mutationFn: () => delibApi.support(id), onSuccess: done });
  const follow = useMutation({ mutationFn: (on: boolean) => delibApi.follow(id, on), onSuccess: done });
  if (!q.isSuccess) return <QueryFallback query={q} />;
  const d = q.data;
  const report = d.events.find((e) => e.action === 'report');
  return (
    <>
      <BackLink to="/m/topics" />
      <Section title={d.title} extra={<Tag kind={d.state === 'reported' ? 'ok' : 'info'}>{d.stageName}</Tag>}>
        <p className="muted">
          {d.unitName} · {d.levelName} · {d.proposerName} · {formatDay(d.createdAt)}
        </p>
        {d.formatName ? <Tag>{d.formatName}</Tag> : null}
        {d.microKindName ? (
          <>
            {d.formatName ? ' ' : null}
            <Tag kind="plain" testId="topic-micro-kind">
              {d.microKindName}
            </Tag>
          </>
        ) : null}
        <p className="ph-p" style={{ whiteSpace: 'pre-wrap' }}>
          {d.description}
        </p>
        <div className="row" style={{ gap: 8, flexWrap: 'wrap' }}>
          <button
            type="button"
            className={d.supported ? 'btn' : 'btn btn-primary'}
            disabled={d.supported || support.isPending}
            onClick={() => support.mutate()}
            data-testid="support"
          >
            {d.supported ? t('participation.phone.supported') : t('participation.phone.support')}（
            {d.supports}）
          </button>
          <button
            type="button"
            className="btn"
            aria-pressed={d.following}
            disabled={follow.isPending}
            onClick={() => follow.mutate(!d.following)}
            data-testid="follow"
          >
            {d.following ? t('participation.phone.following') : t('participation.phone.follow')}
          </button>
        </div>
        {support.isError ? <ErrorBox error={support.error} /> : null}
      </Section>
      {report ? (
        <Section title={t('participation.phone.reportBack')}>
          <p className="ph-p" style={{ whiteSpace: 'pre-wrap' }} data-testid="report-back">
            {report.note}
          </p>
          <p className="muted">{formatAt(report.at)}</p>
        </Section>
      ) : null}
      <Section title={t('participation.phone.steps')}>
        <ol className="steps" data-testid="topic-steps">
          {STEPS.map((s, i) => (
            <li
              key={s}
              className={i < d.step || d.state === 'reported' ? 'done' : i === d.step ? 'current' : ''}
              aria-current={i === d.step ? 'step' : undefined}
            >
              {t(`participation.step.${s}` as MessageKey)}
            </li>
          ))}
        </ol>
      </Section>
      <Section title={t('participation.topic.timeline')}>
        <ol className="steps timeline">
          {[...d.events].reverse().map((e) => (
            <li key={e.id}>
              <strong>
                {e.stepName}（{e.stageName}）
              </strong>
              <span className="muted" style={{ display: 'block' }}>
                {formatAt(e.at)}
              </span>
              <span className="pre">{e.note}</span>
              {e.meetingTitle ? (
                <span className="muted" style={{ display: 'block' }}>
                  {e.meetingTitle}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </Section>
      {d.participants.length ? (
        <Section title={t('participation.topic.participants')}>
          <p className="ph-p">{d.participants.map((p) => p.name).join('、')}</p>
        </Section>
      ) : null}
      <Section title={`${t('participation.topic.comments')}（${d.commentList.length}）`}>
        {d.commentList.length ? (
          d.commentList.map((c) => (
            <p key={c.id} className="ph-p">
              <strong>{c.name}：</strong>
              {c.text}
              <span className="muted" style={{ display: 'block' }}>
                {formatAt(c.at)}
              </span>
            </p>
          ))
        ) : (
          <p className="muted">{t('participation.phone.noComments')}</p>
        )}
        {d.state !== 'reported' ? (
          <SendTextForm
            label={t('participation.phone.comment')}
            hint={t('participation.phone.commentHint')}
            rows={3}
            maxLength={1000}
            send={(text) => delibApi.comment(id, text)}
            onSent={(answer) => {
              done(answer);
              toast(t('participation.phone.commentSent'));
            }}
          >
            {t('participation.phone.comment')}
          </SendTextForm>
        ) : (
          <Notice>{t('participation.phone.done')}</Notice>
        )}
      </Section>
    </>
  );
}

/** /m/conventions: the published conventions of my home's units. */
export const ConventionsPage = loggedInPage('participation.phone.conventions', Conventions, '/m');

function Conventions() {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: ['participation', 'board-conventions'],
    queryFn: () => delibApi.boardConventions(1),
  });
  return (
    <QueryList query={list} empty={<Empty>{t('participation.phone.noConventions')}</Empty>}>
      {(c) => (
        <LinkCard key={c.id} to={`/m/conventions/${c.id}`} title={c.title} tag={<Tag>{c.kindName}</Tag>}>
          <span className="muted">
            {c.unitName} · {formatDay(c.publishedAt)}
          </span>
        </LinkCard>
      )}
    </QueryList>
  );
}

export const ConventionPage = loggedInPage('participation.phone.conventions', Convention);

function Convention() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['participation', 'board-convention', id],
    queryFn: () => delibApi.boardConvention(id),
  });
  if (!q.isSuccess) return <QueryFallback query={q} />;
  const c = q.data;
  const v = c.items[0];
  return (
    <>
      <BackLink to="/m/conventions" />
      <Section title={c.title} extra={<Tag>{c.kindName}</Tag>}>
        <p className="muted">
          {c.unitName} ·{' '}
          {t('participation.phone.currentVersion', {
            no: c.publishedNo ?? 0,
            date: formatDay(c.publishedAt),
          })}
        </p>
        {v?.meetingTitle ? (
          <p className="muted">
            {t('participation.conv.adopted', { date: v.adoptedOn ?? '', meeting: v.meetingTitle })}
          </p>
        ) : null}
        <p className="ph-p" style={{ whiteSpace: 'pre-wrap' }}>
          {v?.text}
        </p>
      </Section>
    </>
  );
}
