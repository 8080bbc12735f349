/**
 * A survey question rated 1–5 whose 4 and 5 count as positive on `measure` (satisfaction unless named), as the
 * satisfaction, compliance and evaluation surveys of the tests ask it.
 */
export const ratingQuestion = (key: string, title: string, measure = 'satisfaction') => ({
  key,
  kind: 'rating',
  title,
  scale: { min: 1, max: 5 },
  measure,
  positive: { minRating: 4 },
});
