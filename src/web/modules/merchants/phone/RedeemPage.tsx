import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { Empty, formatAt, Notice, Section, Tag, useToast } from '../../../phone/ui';
import { QueryFallback } from '../../../phone/PhoneList';
import { BigButton, BlockButton } from '../../../phone/PhoneForm';
import { type Code, linesText, merchantsApi, merchantsKeys, type MyRedeem } from '../api';
import { loggedInPage } from '../../../phone/LoggedInPage';

/** /m/redeem: the volunteer's balance, a short-lived redemption code with a countdown, nearby points. */
const RedeemPage = loggedInPage('merchants.redeem.title', Redeem, '/m');
export default RedeemPage;

function useCountdown(until: string | undefined) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const h = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(h);
  }, [until]);
  return until ? Math.max(0, Math.floor((Date.parse(until) - now) / 1000)) : 0;
}

function Redeem() {
  const { t } = useI18n();
  const toast = useToast();
  const [code, setCode] = useState<Code | null>(null);
  const [pointId, setPointId] = useState<string | null>(null);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<MyRedeem['recent'][number] | null>(null);
  const lastSeen = useRef<string | null>(null);
  const left = useCountdown(code?.expiresAt);
  const data = useQuery({
    queryKey: merchantsKeys.me,
    queryFn: merchantsApi.me,
    // While a code is shown, watch for the counter to use it.
    refetchInterval: code && left > 0 ? 4000 : false,
  });
  const latest = data.data?.recent[0];
  useEffect(() => {
    if (!code || !latest) return;
    if (lastSeen.current !== null && latest.id !== lastSeen.current) {
      setDone(latest);
      setCode(null);
      setQty({});
    }
  }, [latest, code]);

  const point = data.data?.points.find((p) => p.id === pointId) ?? null;
  const picked = useMemo(() => (point ? point.items.filter((i) => (qty[i.id] ?? 0) > 0) : []), [point, qty]);
  const shownItems = (p: MyRedeem['points'][number]) =>
    p.id === pointId || open.has(p.id) ? p.items : p.ownCommunity ? p.items.slice(0, 3) : [];
  const pickedPoints = picked.reduce((s, i) => s + i.pricePoints * (qty[i.id] ?? 0), 0);
  const issue = useMutation({
    mutationFn: () =>
      merchantsApi.issueCode(
        point
          ? { pointId: point.id, items: picked.map((i) => ({ itemId: i.id, quantity: qty[i.id]! })) }
          : {},
      ),
    onSuccess: (c) => {
      lastSeen.current = latest?.id ?? '';
      setDone(null);
      setCode(c);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    },
    onError: (e) => toast.error(e),
  });

  if (!data.isSuccess) return <QueryFallback query={data} rows={6} />;
  const d = data.data;
  const pickedLine =
    point && picked.length > 0 ? (
      <p className="ph-p">
        {point.name}：{t('merchants.redeem.picked', { n: picked.length, points: pickedPoints })}
      </p>
    ) : null;

  return (
    <>
      <Section title={t('merchants.redeem.balance')} testId="redeem-balance">
        {d.volunteerName ? (
          <div className="row" style={{ justifyContent: 'flex-start', alignItems: 'baseline' }}>
            <span className="big-number" style={{ color: 'var(--danger)' }} data-testid="balance">
              {d.balance ?? 0}
            </span>
            <span>
              {t('merchants.redeem.pointsUnit')} · {d.volunteerName}
            </span>
          </div>
        ) : (
          <Notice>{t('merchants.redeem.notVolunteer')}</Notice>
        )}
      </Section>

      {done ? (
        <Section title={t('merchants.counter.done')}>
          <Notice kind="ok">
            <strong>
              {t('merchants.counter.doneText', { number: done.number, points: done.totalPoints })}
            </strong>
            <div>
              {done.pointName} · {linesText(done.lines)}
            </div>
          </Notice>
        </Section>
      ) : null}

      {d.volunteerName ? (
        <Section title={t('merchants.redeem.showCode')} testId="redeem-code">
          {code ? (
            <div className="stack center">
              <div
                className="big-number mono"
                style={{ letterSpacing: 6, color: left > 0 ? 'var(--primary)' : 'var(--muted)' }}
                data-testid="code"
              >
                {code.code.replace(/(\d{4})(\d{4})/, '$1 $2')}
              </div>
              {left > 0 ? (
                <div>
                  <Tag kind={left < 60 ? 'danger' : 'info'}>
                    {t('merchants.redeem.expiresIn', {
                      min: Math.floor(left / 60),
                      sec: String(left % 60).padStart(2, '0'),
                    })}
                  </Tag>
                </div>
              ) : (
                <p className="ph-p amount-minus">{t('merchants.redeem.expired')}</p>
              )}
              {pickedLine}
              <p className="ph-p">{t('merchants.redeem.codeHelp')}</p>
              <BlockButton onClick={() => issue.mutate()} disabled={issue.isPending}>
                {t('merchants.redeem.refresh')}
              </BlockButton>
            </div>
          ) : (
            <div className="stack">
              <p className="ph-p">{t('merchants.redeem.codeHelp')}</p>
              {pickedLine}
              <BigButton disabled={issue.isPending} onClick={() => issue.mutate()} testId="show-code">
                {t('merchants.redeem.showCode')}
              </BigButton>
            </div>
          )}
        </Section>
      ) : null}

      <Section title={t('merchants.redeem.points')} testId="redeem-points">
        {d.points.length === 0 ? (
          <Empty>{t('merchants.redeem.noPoints')}</Empty>
        ) : (
          <div className="stack">
            {d.points.map((p) => (
              <div
                key={p.id}
                style={{
                  border: `2px solid ${p.id === pointId ? 'var(--primary)' : 'var(--line)'}`,
                  borderRadius: 10,
                  padding: 12,
                }}
              >
                <div style={{ marginBottom: 6 }}>
                  <strong>{p.name}</strong>
                  <div className="wrap" style={{ margin: '4px 0' }}>
                    <Tag kind="plain">{t(`merchants.kind.${p.kind}` as MessageKey)}</Tag>
                    {p.ownCommunity ? <Tag kind="warn">{t('merchants.redeem.ownCommunity')}</Tag> : null}
                  </div>
                  <div className="muted">
                    {p.orgUnitName} {p.address ?? ''}
                  </div>
                  {d.volunteerName && p.id !== pointId ? (
                    <BlockButton
                      style={{ marginTop: 8 }}
                      onClick={() => {
                        setPointId(p.id);
                        setQty({});
                      }}
                    >
                      {t('merchants.redeem.pickHere')}
                    </BlockButton>
                  ) : null}
                </div>
                {shownItems(p).map((i) => (
                  <div
                    key={i.id}
                    className="row"
                    style={{ padding: '6px 0', borderTop: '1px solid var(--line)' }}
                  >
                    <span style={{ flex: 1 }}>{i.name}</span>
                    {i.stock === 0 ? (
                      <span className="muted">{t('merchants.redeem.soldOut')}</span>
                    ) : (
                      <strong style={{ color: 'var(--danger)' }}>
                        {t('phone.points', { n: i.pricePoints })}
                      </strong>
                    )}
                    {p.id === pointId ? (
                      <input
                        className="input"
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={i.stock}
                        step={1}
                        value={qty[i.id] ?? 0}
                        disabled={i.stock === 0}
                        aria-label={`${i.name}`}
                        onChange={(e) =>
                          setQty((q) => ({
                            ...q,
                            [i.id]: Math.max(0, Math.min(i.stock, Math.floor(Number(e.target.value) || 0))),
                          }))
                        }
                        style={{ width: '5rem' }}
                        data-testid={`pick-${i.name}`}
                      />
                    ) : null}
                  </div>
                ))}
                {shownItems(p).length < p.items.length ? (
                  <button type="button" className="link-btn" onClick={() => setOpen(new Set(open).add(p.id))}>
                    {t('merchants.redeem.allItems', { n: p.items.length })}
                  </button>
                ) : null}
              </div>
            ))}
          </div>
        )}
      </Section>

      <Section title={t('merchants.redeem.recent')} testId="redeem-recent">
        {d.recent.length === 0 ? (
          <Empty>{t('merchants.redeem.noRecent')}</Empty>
        ) : (
          <ul className="list">
            {d.recent.map((r) => (
              <li key={r.id}>
                <div className="row">
                  <span>{r.pointName}</span>
                  {r.reversedReason !== null ? (
                    <span className="muted">
                      <s>{t('phone.points', { n: `-${r.totalPoints}` })}</s>
                    </span>
                  ) : (
                    <span className="amount-minus">{t('phone.points', { n: `-${r.totalPoints}` })}</span>
                  )}
                </div>
                <div className="muted">
                  {formatAt(r.redeemedAt)} · {linesText(r.lines)}
                </div>
                {r.reversedReason !== null && (
                  <div className="muted">{t('merchants.redeem.reversed', { reason: r.reversedReason })}</div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
