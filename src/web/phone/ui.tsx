/**
 * The phone app's building blocks (no UI kit): the page frame with the 长者模式 and language buttons,
 * cards, notices, form fields, a toast, the login gate and a date/time picker of future slots.
 */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../app/api';
import { useAuth } from '../app/auth';
import { useI18n } from '../app/i18n';
import { useElderly } from './elderly';

export function Shell({ title, children }: { title: string; children: ReactNode }) {
  const { t, locale } = useI18n();
  const { changeLocale } = useAuth();
  const elderly = useElderly();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="ph">
      <header className="ph-header">
        <Link to="/m" className="ph-brand">
          <span aria-hidden className="ph-logo">
            邻
          </span>
          <span className="ph-brand-name">{t('pub.brand')}</span>
        </Link>
        <div className="ph-header-tools">
          <button
            type="button"
            className="ph-header-btn"
            aria-pressed={elderly.on}
            onClick={elderly.toggle}
            data-testid="elderly-toggle"
          >
            {t('phone.elderly')}
          </button>
          <button
            type="button"
            className="ph-header-btn"
            lang={locale === 'en' ? 'zh-CN' : 'en'}
            onClick={() => changeLocale(locale === 'en' ? 'zh-CN' : 'en')}
            data-testid={locale === 'en' ? 'lang-zh' : 'lang-en'}
          >
            {locale === 'en' ? (
              '中文'
            ) : (
              <>
                <span aria-hidden>EN</span>
                <span className="sr-only">English</span>
              </>
            )}
          </button>
        </div>
      </header>
      <main className="ph-main">
        <h1 className="ph-title" data-testid="page-title">
          {title}
        </h1>
        {children}
      </main>
      <footer className="ph-foot">{t('pub.privacy')}</footer>
    </div>
  );
}

/** A card with a (numbered) heading. */
export function Section({
  n,
  title,
  extra,
  children,
  testId,
}: {
  n?: number;
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="ph-card" data-testid={testId}>
      {title || extra ? (
        <div className="ph-card-head">
          {title ? (
            <h2 className="ph-card-title">
              {n !== undefined ? <span className="ph-step">{n}</span> : null}
              {title}
            </h2>
          ) : (
            <span />
          )}
          {extra}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function Loading({ rows = 3 }: { rows?: number }) {
  const { t } = useI18n();
  return (
    <div className="ph-card" aria-busy="true">
      <span className="sr-only">{t('app.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
        <div key={i} className="skeleton" style={{ width: `${90 - i * 15}%` }} />
      ))}
    </div>
  );
}

export function Notice({
  kind = 'info',
  children,
  testId,
}: {
  kind?: 'info' | 'warn' | 'error' | 'ok';
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div
      className={`notice${kind === 'info' ? '' : ` notice-${kind}`}`}
      role={kind === 'error' ? 'alert' : undefined}
      data-testid={testId}
    >
      {children}
    </div>
  );
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  // A page this account may not use (a resident opening a staff page by its address): say so, and offer the
  // way home instead of a retry that would fail again.
  if (error instanceof ApiError && error.status === 403)
    return (
      <Notice kind="warn" testId="no-access">
        <div>
          <strong>{t('common.forbiddenTitle')}</strong>
        </div>
        <div>{t('common.forbiddenText')}</div>
        <Link to="/m" className="btn btn-block" style={{ marginTop: 8 }}>
          {t('common.backHome')}
        </Link>
      </Notice>
    );
  return (
    <Notice kind="error">
      <div>
        <strong>{t('common.loadFailed')}</strong>
      </div>
      <div>{error instanceof Error ? error.message : ''}</div>
      {onRetry ? (
        <button type="button" className="btn" style={{ marginTop: 8 }} onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </Notice>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** A list's card when it has nothing: the sentence `text`, then `children` (a button to go and add one). */
export function EmptyCard({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <div className="ph-card">
      <Empty>
        <p className="ph-p">{text}</p>
        {children}
      </Empty>
    </div>
  );
}

export type TagKind = 'info' | 'ok' | 'warn' | 'danger' | 'plain';
export function Tag({
  kind = 'info',
  children,
  testId,
  ...rest
}: { kind?: TagKind; children: ReactNode; testId?: string } & Record<`data-${string}`, string>) {
  return (
    <span className={kind === 'info' ? 'tag' : `tag tag-${kind}`} data-testid={testId} {...rest}>
      {children}
    </span>
  );
}

export function BackLink({ to, label }: { to: string; label?: string }) {
  const { t } = useI18n();
  return (
    <Link to={to} className="back">
      ‹ {label ?? t('common.back')}
    </Link>
  );
}

/** A labelled form field: the label names the control (getByLabel works), hint and error below it. */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {hint ? (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Field errors of a 400 answer by field path (the server's messages, already in the user's language). */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const fields = (err as { fields?: { path: string; message: string }[] } | null)?.fields ?? [];
  for (const f of fields) out[f.path] ??= f.message;
  return out;
}

/* ---- toasts ---- */

interface ToastItem {
  id: number;
  text: string;
  error: boolean;
}
const ToastCtx = createContext<{ show: (text: string, error?: boolean) => void }>({ show: () => undefined });

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const show = useCallback((text: string, error = false) => {
    const id = next.current++;
    setItems((prev) => [...prev.filter((i) => i.text !== text), { id, text, error }]);
    setTimeout(() => setItems((prev) => prev.filter((i) => i.id !== id)), error ? 6000 : 3500);
  }, []);
  const value = useMemo(() => ({ show }), [show]);
  return (
    <ToastCtx.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {items.map((i) => (
          <div key={i.id} className={i.error ? 'toast toast-error' : 'toast'}>
            {i.text}
          </div>
        ))}
      </div>
    </ToastCtx.Provider>
  );
}

/** `toast(text)` for a success, `toast.error(err)` for a failure (the server's message). */
export function useToast() {
  const { show } = useContext(ToastCtx);
  const { t } = useI18n();
  return useMemo(() => {
    const fn = (text: string) => show(text);
    fn.error = (err: unknown) => show(err instanceof Error ? err.message : t('common.loadFailed'), true);
    return fn;
  }, [show, t]);
}

/* ---- login gate ---- */

/** Phone pages that need a login send the visitor to /m/login?next=<here> and back afterwards. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me)
    return (
      <Navigate
        to={`/m/login?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`}
        replace
      />
    );
  return children;
}

/** Where to go after the login: a phone page in this app, a console page (e.g. /counter) by a full load. */
export function useAfterLogin() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const raw = params.get('next') ?? '/m';
  const next = raw.startsWith('/') && !raw.startsWith('//') ? raw : '/m';
  return () => {
    if (/^\/(report|track|m)(\/|$|\?)/.test(next)) navigate(next, { replace: true });
    else window.location.assign(next);
  };
}

/* ---- date and time: future slots only, in minutes ---- */

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * The time slots ("HH:mm", every `step` minutes from `from` to `to` o'clock) of one day ("YYYY-MM-DD", local
 * time) that lie at least 5 minutes after `now`: never a past time, never seconds.
 */
export function futureSlots(now: Date, day: string, from = 8, to = 20, step = 30): string[] {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const out: string[] = [];
  for (let m = from * 60; m <= to * 60; m += step) {
    const at = new Date(y, mo - 1, d, Math.floor(m / 60), m % 60);
    if (at.getTime() > now.getTime() + 5 * 60_000) out.push(`${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
  }
  return out;
}

/** Today and the next `days` days ("YYYY-MM-DD") that still have a future slot. */
export function futureDays(now: Date, days = 14, from = 8, to = 20, step = 30): string[] {
  const out: string[] = [];
  for (let i = 0; i <= days; i++) {
    const key = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() + i));
    if (futureSlots(now, key, from, to, step).length) out.push(key);
  }
  return out;
}

/**
 * A day (today and the next `days` days) and a time of day in `step`-minute slots, never in the past:
 * on today only the slots from the next one on. The value is an ISO instant or null (not given).
 */
export function FutureSlotPicker({
  label,
  value,
  onChange,
  days = 14,
  step = 30,
  from = 8,
  to = 20,
  testId,
}: {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  days?: number;
  step?: number;
  /** First and last hour offered (local time). */
  from?: number;
  to?: number;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const now = new Date();
  const current = value ? new Date(value) : null;
  const [day, setDay] = useState<string>(current ? dayKey(current) : '');
  const slotsOf = (key: string) => futureSlots(now, key, from, to, step);
  const dayOptions = futureDays(now, days, from, to, step).map((key) => {
    const [y, mo, d] = key.split('-').map(Number) as [number, number, number];
    const date = new Date(y, mo - 1, d).toLocaleDateString(locale === 'en' ? 'en-GB' : 'zh-CN', {
      month: 'long',
      day: 'numeric',
      weekday: 'short',
    });
    const first = dayKey(now);
    const offset = Math.round(
      (new Date(y, mo - 1, d).getTime() -
        new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()) /
        86_400_000,
    );
    const name = key === first ? t('phone.picker.today') : offset === 1 ? t('phone.picker.tomorrow') : '';
    return { key, text: name ? `${name} ${date}` : date };
  });
  const time = current ? `${pad(current.getHours())}:${pad(current.getMinutes())}` : '';
  const emit = (k: string, hm: string) => {
    if (!k || !hm) return onChange(null);
    const [y, mo, d] = k.split('-').map(Number) as [number, number, number];
    const [h, mi] = hm.split(':').map(Number) as [number, number];
    onChange(new Date(y, mo - 1, d, h, mi).toISOString());
  };
  const slots = day ? slotsOf(day) : [];
  return (
    <fieldset className="field" style={{ border: 0, padding: 0, margin: '0 0 14px' }} data-testid={testId}>
      <legend className="field-label">{label}</legend>
      <div className="stack">
        <PickerSelect
          label={t('phone.picker.day')}
          value={day}
          onChange={(v) => {
            setDay(v);
            const keep = slotsOf(v).includes(time) ? time : '';
            emit(v, keep);
          }}
          blank={t('phone.picker.none')}
          options={dayOptions}
          testId={testId ? `${testId}-day` : undefined}
        />
        {day ? (
          <PickerSelect
            label={t('phone.picker.time')}
            value={slots.includes(time) ? time : ''}
            onChange={(v) => emit(day, v)}
            blank={t('phone.picker.choose')}
            options={slots.map((s) => ({ key: s, text: s }))}
            testId={testId ? `${testId}-time` : undefined}
          />
        ) : null}
      </div>
    </fieldset>
  );
}

/** One select of FutureSlotPicker (the day, the time): its small label above it, a blank first option. */
function PickerSelect({
  label,
  value,
  onChange,
  blank,
  options,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  blank: string;
  options: { key: string; text: string }[];
  testId: string | undefined;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="muted">
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      >
        <option value="">{blank}</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Date and time as the phone shows them: minutes, never seconds. */
export function formatAt(v: string | Date | null | undefined): string {
  if (!v) return '';
  const d = new Date(v);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDay(v: string | Date | null | undefined): string {
  return formatAt(v).slice(0, 10);
}
