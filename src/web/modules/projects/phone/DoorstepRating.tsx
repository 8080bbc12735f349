import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  RATING_COMMENT_MAX,
  type MyDoorstepRatingDto,
} from '../../../../shared/contracts/projects.doorstep.ratings';
import type { Wire } from '../../../../shared/contracts/wire';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useToast } from '../../../phone/ui';
import { CardNoteField } from '../../../phone/TextareaField';
import { BigButton, BlockButton } from '../../../phone/PhoneForm';
import { StarPicker } from '../../../phone/StarPicker';

type MyRating = Wire<MyDoorstepRatingDto>;
const key = ['projects', 'doorstep', 'ratings', 'mine'] as const;

/**
 * Under a doorstep project on /m/projects (seed 004 三(三): residents as evaluators): the average rating,
 * and once the project is in 项目实施 the resident's own 1–5 stars with an optional comment (re-rating
 * replaces it).
 */
export function DoorstepRating({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ items: MyRating[] }>('/api/me/doorstep-ratings'),
  });
  const [open, setOpen] = useState(false);
  const [stars, setStars] = useState(5);
  const [text, setText] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.put<MyRating>(`/api/me/doorstep/${encodeURIComponent(projectId)}/rating`, {
        stars,
        ...(text.trim() ? { comment: text.trim() } : {}),
      }),
    onSuccess: () => {
      toast(t('projects.doorstep.rating.saved'));
      setOpen(false);
      return qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => toast.error(e),
  });
  const r = q.data?.items.find((i) => i.projectId === projectId);
  if (!r) return null;
  const start = () => {
    setStars(r.mine?.stars ?? 5);
    setText(r.mine?.comment ?? '');
    setOpen(true);
  };
  return (
    <div data-testid="doorstep-rating" style={{ marginTop: '0.35rem' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 0.5rem', alignItems: 'center' }}>
        {r.count && r.average !== null ? (
          <>
            <span className="stars-static" role="img" aria-label={`${r.average} / 5`}>
              {'★'.repeat(Math.round(r.average))}
            </span>
            <span style={{ whiteSpace: 'nowrap' }}>
              {t('projects.doorstep.rating.phoneSummary', { avg: r.average.toFixed(1), n: r.count })}
            </span>
          </>
        ) : (
          <span className="muted">{t('projects.doorstep.rating.phoneNone')}</span>
        )}
        {r.mine ? (
          <span className="muted">{t('projects.doorstep.rating.mine', { stars: r.mine.stars })}</span>
        ) : null}
      </div>
      {r.canRate && !open ? (
        <BlockButton style={{ marginTop: '0.5rem' }} onClick={start} testId="doorstep-rate">
          {r.mine ? t('projects.doorstep.rating.rerate') : t('projects.doorstep.rating.rate')}
        </BlockButton>
      ) : null}
      {!r.canRate ? (
        <div className="muted" style={{ fontSize: '0.9em' }}>
          {t('projects.doorstep.rating.notYet')}
        </div>
      ) : null}
      {open ? (
        <div className="stack" style={{ marginTop: '0.5rem' }}>
          <span className="field-label" id={`rate-${projectId}`}>
            {t('projects.doorstep.rating.ask')}
          </span>
          <StarPicker value={stars} onChange={setStars} labelledBy={`rate-${projectId}`} />
          <CardNoteField
            label={t('projects.doorstep.rating.comment')}
            maxLength={RATING_COMMENT_MAX}
            value={text}
            onChange={setText}
          />
          <BigButton disabled={save.isPending} onClick={() => save.mutate()} testId="doorstep-rate-submit">
            {t('projects.doorstep.rating.submit')}
          </BigButton>
          <button type="button" className="btn btn-text btn-block" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
