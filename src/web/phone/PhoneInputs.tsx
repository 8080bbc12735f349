/**
 * Small pieces of the phone pages' forms and cards: a labelled one-line text input and a progress bar.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './ui';

/** A labelled one-line text input of a phone form, with its hint and error below it; other props go to the input. */
export function TextField({
  label,
  hint,
  error,
  onChange,
  ...input
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'>) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(p) => <input {...p} {...input} className="input" onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** A progress bar filled to `pct` (0–100); `label` names it for screen readers. */
export function ProgressBar({ pct, label }: { pct: number; label: string }) {
  return (
    <div
      className="bar"
      role="progressbar"
      aria-valuenow={pct}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-label={label}
    >
      <span style={{ width: `${pct}%` }} />
    </div>
  );
}
