import type { ReactNode } from 'react';
import { Field } from './ui';

/** A labelled multi-line text box (an objection, a comment, a description) bound to a string. */
export function TextareaField({
  label,
  hint,
  error,
  rows,
  maxLength,
  value,
  onChange,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  rows: number;
  maxLength?: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(props) => (
        <textarea
          {...props}
          className="input"
          rows={rows}
          maxLength={maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The full-width primary button that sends a phone form, disabled while it cannot be sent. */
export function SendButton({
  disabled,
  onClick,
  testId,
  children,
}: {
  disabled: boolean;
  onClick: () => void;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="btn btn-primary btn-block"
      disabled={disabled}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
