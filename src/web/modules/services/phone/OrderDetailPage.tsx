import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { type MessageKey, useI18n } from '../../../app/i18n';
import {
  BackLink,
  ErrorBox,
  formatAt,
  Loading,
  Notice,
  RequireLogin,
  Section,
  Shell,
} from '../../../phone/ui';
import { type SoStatus, svcApi, svcKeys } from '../api';
import { labelOf, minutesText, OrderActions } from './parts';

const FLOW: SoStatus[] = ['ordered', 'dispatched', 'accepted', 'in_service', 'served', 'confirmed'];

/** /m/orders/:id: follow one order, confirm and rate it when served (also the server's view from /m/tasks). */
export default function OrderDetailPage() {
  return (
    <RequireLogin>
      <OrderDetail />
    </RequireLogin>
  );
}

function OrderDetail() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const q = useQuery({
    queryKey: svcKeys.order(id),
    queryFn: () => svcApi.order(id),
    refetchInterval: 30_000,
  });
  const back = params.get('from') === 'tasks' ? '/m/tasks' : '/m/orders';
  if (q.isError)
    return (
      <Shell title={t('services.m.orders')}>
        <BackLink to={back} />
        {q.error instanceof ApiError && q.error.status === 404 ? (
          <Notice kind="warn">
            <strong>{t('common.notFoundTitle')}</strong>
            <div>{t('common.notFoundText')}</div>
          </Notice>
        ) : (
          <ErrorBox error={q.error} onRetry={() => q.refetch()} />
        )}
      </Shell>
    );
  const o = q.data;
  const step = o ? Math.max(0, FLOW.indexOf(o.status === 'closed' ? 'confirmed' : o.status)) : 0;
  const line = (label: string, value: React.ReactNode) => (
    <p className="ph-p">
      <span className="muted">{label}：</span>
      {value}
    </p>
  );
  return (
    <Shell title={o?.title ?? t('services.m.orders')}>
      <BackLink to={back} />
      {!o ? (
        <Loading rows={6} />
      ) : (
        <>
          <Section
            title={t(`services.status.${o.status}` as MessageKey)}
            extra={<span className="muted mono">{o.number}</span>}
            testId="order-status-card"
          >
            {o.status !== 'cancelled' ? (
              <ol className="steps">
                {FLOW.map((s, i) => (
                  <li
                    key={s}
                    className={
                      i < step || (i === step && s === 'confirmed') ? 'done' : i === step ? 'current' : ''
                    }
                    aria-current={i === step ? 'step' : undefined}
                  >
                    {t(`services.status.${s}` as MessageKey)}
                  </li>
                ))}
              </ol>
            ) : null}
            {o.alert && o.status === 'ordered' ? (
              <Notice>{t(`services.alert.${o.alert}` as MessageKey)}</Notice>
            ) : null}
          </Section>
          <Section title={labelOf(t, 'services.category', o.category)}>
            {line(t('services.field.beneficiary'), o.proxy?.principalName ?? o.beneficiaryName)}
            {o.proxy ? line(t('proxy.proxy'), t('proxy.byLine', { name: o.proxy.proxyName })) : null}
            {o.beneficiaryPhone
              ? line(
                  t('services.field.phone'),
                  /^\d+$/.test(o.beneficiaryPhone) ? (
                    <a href={`tel:${o.beneficiaryPhone}`}>{o.beneficiaryPhone}</a>
                  ) : (
                    o.beneficiaryPhone
                  ),
                )
              : null}
            {o.beneficiaryAddress ? line(t('services.field.address'), o.beneficiaryAddress) : null}
            {o.preferredAt ? line(t('services.field.preferredAt'), formatAt(o.preferredAt)) : null}
            {o.assigneeName ? <p className="ph-p">{t('services.m.by', { name: o.assigneeName })}</p> : null}
            {o.servedMinutes ? line(t('services.field.served'), minutesText(t, o.servedMinutes)) : null}
            {o.description ? <p className="ph-p pre">{o.description}</p> : null}
            {o.rating ? (
              <div data-testid="rated">
                <span className="stars-static" role="img" aria-label={`${o.rating} / 5`}>
                  {'★'.repeat(o.rating)}
                </span>{' '}
                <span>{o.ratingComment}</span>
              </div>
            ) : null}
          </Section>
          {o.actions.length ? (
            <Section title={o.status === 'served' ? t('services.m.rateTitle') : t('services.detail.actions')}>
              <OrderActions order={o} />
            </Section>
          ) : null}
          <Section title={t('services.detail.timeline')}>
            <ol className="steps timeline">
              {[...o.timeline].reverse().map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
                <li key={`${e.at}-${i}`}>
                  <strong>{labelOf(t, 'services.action', e.action)}</strong>
                  <span className="muted" style={{ display: 'block' }}>
                    {formatAt(e.at)}
                  </span>
                  {e.note ? <span className="pre">{e.note}</span> : null}
                </li>
              ))}
            </ol>
          </Section>
          <Link to="/m" className="btn btn-block">
            {t('services.m.home')}
          </Link>
        </>
      )}
    </Shell>
  );
}
