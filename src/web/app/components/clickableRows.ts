/** A table's `onRow` that makes every row act on a click, `onClick(row)`, with the pointer cursor over it. */
export const clickableRows =
  <R>(onClick: (row: R) => void) =>
  (row: R) => ({ onClick: () => onClick(row), style: { cursor: 'pointer' } });
