/**
 * The phone's small forms (login, SMS code, looking up a report): a field that takes digits only, the
 * form's error above its big submit button, the full-width secondary button, and the busy/error state of a
 * request the form sends.
 */
import { type CSSProperties, type ReactNode, useState } from 'react';
import { TextField } from './PhoneInputs';
import { Notice } from './ui';

/** A labelled input that keeps only the digits typed or pasted into it (a phone number, a code). */
export function DigitsField({
  label,
  error,
  value,
  onChange,
  maxLength,
  inputMode = 'numeric',
  autoComplete,
  testId,
}: {
  label: ReactNode;
  error?: string | null;
  value: string;
  onChange: (digits: string) => void;
  maxLength: number;
  inputMode?: 'numeric' | 'tel';
  autoComplete: string;
  testId: string;
}) {
  return (
    <TextField
      label={label}
      error={error}
      inputMode={inputMode}
      autoComplete={autoComplete}
      maxLength={maxLength}
      value={value}
      onChange={(text) => onChange(text.replace(/\D/g, ''))}
      data-testid={testId}
    />
  );
}

/** The look of a full-width button: secondary, primary (sends a form), or the page's big main action. */
const LOOKS = {
  plain: 'btn btn-block',
  primary: 'btn btn-primary btn-block',
  big: 'btn btn-primary btn-block btn-big',
};

/**
 * A full-width button of a phone page (show contact, load more, use my location…), `plain` unless `look`
 * says otherwise: it runs `onClick`, or without one submits its form.
 */
export function BlockButton({
  look = 'plain',
  onClick,
  disabled,
  style,
  testId,
  children,
}: {
  look?: keyof typeof LOOKS;
  onClick?: () => void;
  disabled?: boolean;
  style?: CSSProperties;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <button
      type={onClick ? 'button' : 'submit'}
      className={LOOKS[look]}
      onClick={onClick}
      disabled={disabled}
      style={style}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

/**
 * The page's big full-width primary button: it submits its form, or runs `onClick` when it has one (a
 * button outside a form).
 */
export function BigButton(props: {
  disabled: boolean;
  onClick?: () => void;
  style?: CSSProperties;
  testId: string;
  children: ReactNode;
}) {
  return <BlockButton look="big" {...props} />;
}

/** The form's error (if any) and its big button (see `BigButton`), disabled while the form is busy. */
export function FormSubmit({
  error,
  errorTestId,
  busy,
  onClick,
  testId,
  children,
}: {
  error: string | null;
  errorTestId: string;
  busy: boolean;
  onClick?: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <>
      {error ? (
        <Notice kind="error" testId={errorTestId}>
          {error}
        </Notice>
      ) : null}
      <BigButton disabled={busy} onClick={onClick} testId={testId}>
        {children}
      </BigButton>
    </>
  );
}

/**
 * A form's request: `run(fn)` clears the error and is busy until `fn` ends; what `fn` throws is shown as
 * the error (the server's message). `setError` shows a check of the form's own.
 */
export function useFormRequest() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}
