import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { SoAction, SoStatus } from '../../../../shared/contracts/serviceOrderMachine';
import { SERVICE_CATEGORIES } from '../../../../shared/contracts/serviceCategories';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { labelOf } from '../../../app/labelOf';
import { formatAt, Tag, type TagKind, useToast } from '../../../phone/ui';
import { CardNoteField } from '../../../phone/TextareaField';
import { type Order, svcApi } from '../api';
import { StarPicker } from '../../../phone/StarPicker';

export { labelOf };
export { minutesText, newRequestKey } from '../orderText';

/** The service categories, for the order form. */
export const CATEGORIES = SERVICE_CATEGORIES;

export const STATUS_TAG: Record<SoStatus, TagKind> = {
  ordered: 'warn',
  dispatched: 'warn',
  accepted: 'info',
  in_service: 'info',
  served: 'info',
  confirmed: 'ok',
  closed: 'plain',
  cancelled: 'plain',
};

/** One order as a tappable card. */
export function OrderCard({ o, to, extra }: { o: Order; to: string; extra?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="ph-card" data-testid="order-card">
      <Link to={to} style={{ color: 'inherit', display: 'block', textDecoration: 'none' }}>
        <div className="row" style={{ alignItems: 'flex-start' }}>
          <strong style={{ fontSize: '1.08rem' }}>{o.title}</strong>
          <Tag kind={STATUS_TAG[o.status]} testId="order-status">
            {t(`services.status.${o.status}` as MessageKey)}
          </Tag>
        </div>
        <div className="muted" style={{ marginTop: 4 }}>
          {labelOf(t, 'services.category', o.category)} · {t('services.field.beneficiary')}：
          {o.proxy?.principalName ?? o.beneficiaryName}
        </div>
        <div className="muted">
          {o.number} · {formatAt(o.createdAt)}
        </div>
        {o.assigneeName ? <div>{t('services.m.by', { name: o.assigneeName })}</div> : null}
        {o.proxy ? (
          <div style={{ marginTop: 4 }} data-testid="order-proxy">
            <Tag kind="warn">{t('proxy.tag')}</Tag> {t('proxy.byLine', { name: o.proxy.proxyName })}
          </div>
        ) : null}
      </Link>
      {extra ? <div style={{ marginTop: 12 }}>{extra}</div> : null}
    </div>
  );
}

/** A labelled note of at most 500 characters (a decline reason, a rating comment). */
function NoteField(props: { label: string; value: string; onChange: (v: string) => void; testId: string }) {
  return <CardNoteField {...props} maxLength={500} />;
}

/** The steps asked in place before they are taken: the OK button's look and what the back button says. */
const ASKED = {
  decline: { okClass: 'btn btn-danger btn-block', back: 'common.cancel' },
  cancel: { okClass: 'btn btn-danger btn-block', back: 'common.back' },
  confirm: { okClass: 'btn btn-primary btn-block btn-big', back: 'common.cancel' },
} as const satisfies Partial<Record<SoAction, { okClass: string; back: MessageKey }>>;
type Asked = keyof typeof ASKED;

/**
 * The action buttons of an order, straight from `actions` (the state machine ∩ this user's rights); decline
 * asks a reason, confirm asks a rating, cancel asks to be sure — each in place, one task at a time.
 */
export function OrderActions({ order }: { order: Order }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const toast = useToast();
  const [asking, setAsking] = useState<Asked | null>(null);
  const [text, setText] = useState('');
  const [rating, setRating] = useState(5);
  const act = useMutation({
    mutationFn: (body: Parameters<typeof svcApi.act>[1]) => svcApi.act(order.id, body),
    onSuccess: () => {
      toast(t('services.action.done'));
      qc.invalidateQueries({ queryKey: ['services'] });
      setAsking(null);
      setText('');
    },
    onError: (e) => {
      toast.error(e);
      qc.invalidateQueries({ queryKey: ['services'] });
    },
  });
  const buttons = (order.actions as SoAction[]).filter((a) => a !== 'dispatch' && a !== 'reassign');
  const run = (a: SoAction) => {
    if (a === 'decline' || a === 'confirm' || a === 'cancel') setAsking(a);
    else act.mutate({ action: a } as never);
  };
  const label = (a: SoAction) => labelOf(t, 'services.action', a);
  if (asking) {
    const body =
      asking === 'decline'
        ? { action: asking, note: text }
        : asking === 'confirm'
          ? { action: asking, rating, comment: text || undefined }
          : { action: asking };
    return (
      <div className="stack">
        {asking === 'decline' ? (
          <NoteField
            label={t('services.m.declineReason')}
            value={text}
            onChange={setText}
            testId="decline-reason"
          />
        ) : null}
        {asking === 'cancel' ? (
          <p className="ph-p">
            <strong>{t('services.m.cancelConfirm')}</strong>
          </p>
        ) : null}
        {asking === 'confirm' ? (
          <>
            <span className="field-label" id={`rate-${order.id}`}>
              {t('services.m.rateTitle')}
            </span>
            <StarPicker value={rating} onChange={setRating} labelledBy={`rate-${order.id}`} testId="rating" />
            <NoteField
              label={t('services.field.comment')}
              value={text}
              onChange={setText}
              testId="rating-comment"
            />
          </>
        ) : null}
        <button
          type="button"
          className={ASKED[asking].okClass}
          disabled={(asking === 'decline' && !text.trim()) || act.isPending}
          onClick={() => act.mutate(body)}
          data-testid={`${asking}-ok`}
        >
          {label(asking)}
        </button>
        <button type="button" className="btn btn-text btn-block" onClick={() => setAsking(null)}>
          {t(ASKED[asking].back)}
        </button>
      </div>
    );
  }
  return (
    <div className="stack">
      {buttons.map((a, i) => (
        <button
          key={a}
          type="button"
          className={`btn btn-block ${a === 'cancel' || a === 'decline' ? 'btn-danger' : i === 0 ? 'btn-primary' : ''}`}
          disabled={act.isPending}
          onClick={() => run(a)}
          data-testid={`action-${a}`}
        >
          {label(a)}
        </button>
      ))}
    </div>
  );
}
