import type { ReactNode } from 'react';
import { BlockButton } from './PhoneForm';
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
  placeholder,
  tall,
  testId,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  rows: number;
  maxLength?: number;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** The taller, resizable box of a free-text description or note (class `textarea`). */
  tall?: boolean;
  testId?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(props) => (
        <textarea
          {...props}
          className={tall ? 'textarea' : 'input'}
          rows={rows}
          maxLength={maxLength}
          placeholder={placeholder}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        />
      )}
    </Field>
  );
}

/** The full-width primary button that sends a phone form, disabled while it cannot be sent. */
export function SendButton(props: {
  disabled: boolean;
  onClick: () => void;
  testId?: string;
  children: ReactNode;
}) {
  return <BlockButton look="primary" {...props} />;
}

/**
 * A short note inside a card (a check-out note, a decline reason, a rating comment): a three-line box wrapped
 * in its label, with no space below it.
 */
export function CardNoteField({
  label,
  maxLength,
  value,
  onChange,
  placeholder,
  testId,
}: {
  label: ReactNode;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <label className="field" style={{ margin: 0 }}>
      <span className="field-label">{label}</span>
      <textarea
        className="textarea"
        rows={3}
        maxLength={maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        data-testid={testId}
      />
    </label>
  );
}
