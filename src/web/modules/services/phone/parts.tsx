import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { SoAction, SoStatus } from '../../../../shared/contracts/serviceOrderMachine';
import type { SERVICE_CATEGORIES } from '../../../../shared/contracts/services';
import { type MessageKey, type TFunction, useI18n } from '../../../app/i18n';
import { formatAt, Tag, type TagKind, useToast } from '../../../phone/ui';
import { type Order, svcApi } from '../api';

/** The service categories (shared/contracts/services SERVICE_CATEGORIES, restated: that file loads zod). */
export const CATEGORIES = [
  'elderly_care',
  'housekeeping',
  'repair',
  'health',
  'legal',
  'education',
  'companionship',
  'errand',
  'other',
] as const satisfies readonly (typeof SERVICE_CATEGORIES)[number][];

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

/** A label key built from a value of a known list; unknown values show as they are. */
export function labelOf(t: TFunction, prefix: string, value: string | null | undefined): string {
  if (!value) return '';
  const key = `${prefix}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}

export function minutesText(t: TFunction, minutes: number | null | undefined): string {
  if (minutes == null) return '';
  return minutes >= 60
    ? t('services.hours', { n: Math.round((minutes / 60) * 10) / 10 })
    : t('services.minutes', { n: minutes });
}

/** A key for one order form: a double tap or a retried request answers the same order. */
export function newRequestKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}-${Math.random().toString(36).slice(2, 8)}`;
}

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

/**
 * The action buttons of an order, straight from `actions` (the state machine ∩ this user's rights); decline
 * asks a reason, confirm asks a rating, cancel asks to be sure — each in place, one task at a time.
 */
export function OrderActions({ order }: { order: Order }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const toast = useToast();
  const [asking, setAsking] = useState<SoAction | null>(null);
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
  if (asking === 'decline')
    return (
      <div className="stack">
        <label className="field" style={{ margin: 0 }}>
          <span className="field-label">{t('services.m.declineReason')}</span>
          <textarea
            className="textarea"
            rows={3}
            maxLength={500}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="decline-reason"
          />
        </label>
        <button
          type="button"
          className="btn btn-danger btn-block"
          disabled={!text.trim() || act.isPending}
          onClick={() => act.mutate({ action: 'decline', note: text })}
          data-testid="decline-ok"
        >
          {label('decline')}
        </button>
        <button type="button" className="btn btn-text btn-block" onClick={() => setAsking(null)}>
          {t('common.cancel')}
        </button>
      </div>
    );
  if (asking === 'cancel')
    return (
      <div className="stack">
        <p className="ph-p">
          <strong>{t('services.m.cancelConfirm')}</strong>
        </p>
        <button
          type="button"
          className="btn btn-danger btn-block"
          disabled={act.isPending}
          onClick={() => act.mutate({ action: 'cancel' })}
          data-testid="cancel-ok"
        >
          {label('cancel')}
        </button>
        <button type="button" className="btn btn-text btn-block" onClick={() => setAsking(null)}>
          {t('common.back')}
        </button>
      </div>
    );
  if (asking === 'confirm')
    return (
      <div className="stack">
        <span className="field-label" id={`rate-${order.id}`}>
          {t('services.m.rateTitle')}
        </span>
        <ul className="stars" data-testid="rating" aria-labelledby={`rate-${order.id}`}>
          {[1, 2, 3, 4, 5].map((n) => (
            <li key={n}>
              <button
                type="button"
                aria-pressed={n <= rating}
                aria-label={`${n} / 5`}
                onClick={() => setRating(n)}
              >
                ★
              </button>
            </li>
          ))}
        </ul>
        <label className="field" style={{ margin: 0 }}>
          <span className="field-label">{t('services.field.comment')}</span>
          <textarea
            className="textarea"
            rows={3}
            maxLength={500}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="rating-comment"
          />
        </label>
        <button
          type="button"
          className="btn btn-primary btn-block btn-big"
          disabled={act.isPending}
          onClick={() => act.mutate({ action: 'confirm', rating, comment: text || undefined })}
          data-testid="confirm-ok"
        >
          {label('confirm')}
        </button>
        <button type="button" className="btn btn-text btn-block" onClick={() => setAsking(null)}>
          {t('common.cancel')}
        </button>
      </div>
    );
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
