import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { BackLink, Empty, Notice, Section, Tag, formatAt, formatDay, useToast } from '../../../phone/ui';
import { LinkCard, QueryList, QueryFallback } from '../../../phone/PhoneList';
import { ptApi } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';
import { SendTextForm } from './SendTextForm';
import { useStoreAnswer } from '../../../phone/useStoreAnswer';

/** /m/disclosures: the disclosure board of my community (居务公开, R-DC-1), newest first. */
export const BoardPage = loggedInPage('participation.phone.board', Board, '/m');

function Board() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['participation', 'board'], queryFn: () => ptApi.board(1) });
  return (
    <QueryList query={list} empty={<Empty>{t('participation.phone.empty')}</Empty>}>
      {(d) => (
        <LinkCard
          key={d.id}
          to={`/m/disclosures/${d.id}`}
          title={d.title}
          tag={<Tag>{t(`participation.kind.${d.kind}` as MessageKey)}</Tag>}
          testId="posting"
        >
          <span className="muted">
            {d.unitName} · {formatDay(d.postedAt)}
            {d.objections.length ? ` · ${t('participation.disc.objections')} ${d.objections.length}` : ''}
          </span>
        </LinkCard>
      )}
    </QueryList>
  );
}

/** /m/disclosures/:id: one posting, its objections and answers; an objection within 5 days (R-LAW-DC-1). */
export const PostingPage = loggedInPage('participation.phone.board', Posting);

function Posting() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const store = useStoreAnswer(['participation', 'board', id], ['participation', 'board']);
  const toast = useToast();
  const q = useQuery({ queryKey: ['participation', 'board', id], queryFn: () => ptApi.boardItem(id) });
  if (!q.isSuccess) return <QueryFallback query={q} />;
  const d = q.data;
  return (
    <>
      <BackLink to="/m/disclosures" />
      <Section title={d.title} extra={<Tag>{t(`participation.kind.${d.kind}` as MessageKey)}</Tag>}>
        <p className="muted">
          {d.unitName} · {formatAt(d.postedAt)}
        </p>
        <p className="ph-p" style={{ whiteSpace: 'pre-wrap' }}>
          {d.body}
        </p>
      </Section>
      {d.objections.map((o) => (
        <Section key={o.id} title={`${o.name}：${o.text}`}>
          <p className="muted">{formatAt(o.raisedAt)}</p>
          {o.answer ? (
            <p className="ph-p">
              <strong>{t('participation.phone.answer')}：</strong>
              {o.answer}
            </p>
          ) : (
            <Tag kind="warn">{t('participation.phone.waiting')}</Tag>
          )}
        </Section>
      ))}
      {d.canObject ? (
        <Section title={t('participation.phone.object')}>
          <SendTextForm
            label={t('participation.phone.object')}
            hint={t('participation.phone.objectHint')}
            rows={4}
            maxLength={2000}
            send={(text) => ptApi.object(id, text)}
            onSent={(answer) => {
              store(answer);
              toast(t('participation.phone.objectSent'));
            }}
          >
            {t('participation.phone.send')}
          </SendTextForm>
        </Section>
      ) : (
        <Notice>{t('participation.phone.closedForObjection')}</Notice>
      )}
    </>
  );
}
