import { z } from 'zod';

/**
 * Residents rate their community's doorstep projects (seed 004 三(三): residents take part "as volunteers,
 * supervisors and evaluators"): 1–5 stars and an optional comment, one rating per resident and project
 * (re-rating replaces it), once the project reached 项目实施. Staff read the average, the count and the
 * comments with the rater's name masked; residents read the average and their own rating.
 */
export const RATING_COMMENT_MAX = 200;

export const rateDoorstepBody = z.strictObject({
  stars: z.number().int().min(1).max(5),
  comment: z.string().trim().max(RATING_COMMENT_MAX).optional(),
});
export type RateDoorstepBody = z.infer<typeof rateDoorstepBody>;

const summary = {
  /** Average stars, one decimal; null without ratings. */
  average: z.number().nullable(),
  count: z.number().int(),
};

/** Staff: every rating with the rater's name masked (居民 张*丰). */
export const doorstepRatingsSchema = z.object({
  ...summary,
  items: z.array(
    z.object({
      id: z.string(),
      stars: z.number().int(),
      comment: z.string().nullable(),
      raterName: z.string(),
      updatedAt: z.string(),
    }),
  ),
});
export type DoorstepRatingsDto = z.infer<typeof doorstepRatingsSchema>;

/** A resident: per project of their community, the average, the count, whether it can be rated and their own. */
export const myDoorstepRatingSchema = z.object({
  projectId: z.string(),
  ...summary,
  canRate: z.boolean(),
  mine: z.object({ stars: z.number().int(), comment: z.string().nullable() }).nullable(),
});
export type MyDoorstepRatingDto = z.infer<typeof myDoorstepRatingSchema>;
export const myDoorstepRatingsSchema = z.object({ items: z.array(myDoorstepRatingSchema) });
