import type { CSSProperties, ReactNode } from 'react';

/** A pressable choice card of a phone form (`.choice`): its title, a hint below when given; `pressed` once chosen. */
export function ChoiceButton({
  pressed,
  onClick,
  title,
  hint,
  center,
  style,
  testId,
}: {
  pressed: boolean;
  onClick: () => void;
  title: ReactNode;
  hint?: ReactNode;
  /** The title centred (class `choice-center`), for short answers side by side. */
  center?: boolean;
  style?: CSSProperties;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className={center ? 'choice choice-center' : 'choice'}
      style={style}
      aria-pressed={pressed}
      onClick={onClick}
      data-testid={testId}
    >
      <span className="choice-title">{title}</span>
      {hint === undefined ? null : <span className="choice-hint">{hint}</span>}
    </button>
  );
}
