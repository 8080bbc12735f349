/** The lines of a text area's value (one entry a line), trimmed, blank ones dropped; none for an empty value. */
export const textLines = (text?: string | null): string[] =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
