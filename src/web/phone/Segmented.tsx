import type { CSSProperties, ReactNode } from 'react';

/** One button of a `Segmented` row: the value it picks, its text, and its own test id when it has one. */
export interface Segment<V> {
  value: V;
  label: ReactNode;
  testId?: string;
}

/**
 * A row of buttons that picks one value (`.seg`: by password / by SMS, open / history, for me / for
 * another); the button of the current value is pressed. `group` gives the row `role="group"`.
 */
export function Segmented<V>({
  options,
  value,
  onChange,
  group,
  ariaLabel,
  style,
  testId,
}: {
  options: readonly Segment<V>[];
  value: V;
  onChange: (value: V) => void;
  group?: boolean;
  ariaLabel?: string;
  style?: CSSProperties;
  testId?: string;
}) {
  return (
    <div
      className="seg"
      role={group ? 'group' : undefined}
      aria-label={ariaLabel}
      style={style}
      data-testid={testId}
    >
      {options.map((o) => (
        <button
          key={String(o.value)}
          type="button"
          aria-pressed={value === o.value}
          onClick={() => onChange(o.value)}
          data-testid={o.testId}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** A labelled `Segmented` row inside a phone form: a borderless fieldset whose legend is the label. */
export function SegmentedField<V>({
  label,
  ...row
}: {
  label: ReactNode;
  options: readonly Segment<V>[];
  value: V;
  onChange: (value: V) => void;
  testId?: string;
}) {
  return (
    <fieldset className="field" style={{ border: 0, padding: 0 }}>
      <legend className="field-label">{label}</legend>
      <Segmented {...row} />
    </fieldset>
  );
}
