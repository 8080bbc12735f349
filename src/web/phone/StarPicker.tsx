/** Five stars to pick a rating from 1 to 5, named by the element whose id is `labelledBy`. */
export function StarPicker({
  value,
  onChange,
  labelledBy,
  testId,
}: {
  value: number;
  onChange: (stars: number) => void;
  labelledBy: string;
  testId?: string;
}) {
  return (
    <ul className="stars" data-testid={testId} aria-labelledby={labelledBy}>
      {[1, 2, 3, 4, 5].map((n) => (
        <li key={n}>
          <button type="button" aria-pressed={n <= value} aria-label={`${n} / 5`} onClick={() => onChange(n)}>
            ★
          </button>
        </li>
      ))}
    </ul>
  );
}
