/**
 * Residents as evaluators of their community's doorstep projects (seed 004 三(三), SEED-MAP S004-10): a
 * resident (`participation.board`) rates a project of their own community once it reached 项目实施 (409
 * before), 1–5 stars and an optional comment; one rating per resident and project, re-rating replaces it.
 * A project outside their community is 404. Staff who read the project see the average, the count and the
 * comments with the rater's name masked; residents see the average and their own rating. Audited.
 */
import type {
  DoorstepRatingsDto,
  MyDoorstepRatingDto,
  RateDoorstepBody,
} from '../../../shared/contracts/projects.doorstep.ratings';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { maskName } from '../../platform/proxy';
import {
  doorstepForBoard,
  doorstepPolicy,
  findDoorstep,
  recordedStages,
} from './projects.doorstep.repository';
import {
  doorstepOnBoard,
  ratingSummaries,
  ratingsBy,
  ratingsOf,
  upsertRating,
} from './projects.doorstep.ratings.repository';
import { auditDoorstep } from './projects.audit';

const RATED_FROM = 'implementation';

/** The average, count, whether rateable and the resident's own rating of each project of their community. */
export async function myDoorstepRatings(ctx: ActorCtx): Promise<{ items: MyDoorstepRatingDto[] }> {
  doorstepPolicy.require(ctx.actor, 'board');
  const rows = await doorstepForBoard(ctx.db, doorstepPolicy.roots(ctx.actor, 'board'));
  const ids = rows.map((r) => r.id);
  const [sums, stages, mine] = await Promise.all([
    ratingSummaries(ctx.db, ids),
    recordedStages(ctx.db, ids),
    ratingsBy(ctx.db, ctx.actor.userId, ids),
  ]);
  return {
    items: rows.map((r) => {
      const own = mine.find((m) => m.projectId === r.id);
      return {
        projectId: r.id,
        average: sums.get(r.id)?.average ?? null,
        count: sums.get(r.id)?.count ?? 0,
        canRate: stages.get(r.id)?.has(RATED_FROM) ?? false,
        mine: own ? { stars: own.stars, comment: own.comment } : null,
      };
    }),
  };
}

/** Rates (or re-rates) a project of the resident's community; 404 outside it, 409 before 项目实施. */
export async function rateDoorstep(
  ctx: ActorCtx,
  id: string,
  body: RateDoorstepBody,
): Promise<MyDoorstepRatingDto> {
  doorstepPolicy.require(ctx.actor, 'board');
  const row = await doorstepOnBoard(ctx.db, id, doorstepPolicy.roots(ctx.actor, 'board'));
  if (!row) throw notFound();
  if (!(await recordedStages(ctx.db, [row.id])).get(row.id)?.has(RATED_FROM))
    throw new AppError('projects.doorstep_rating_stage', 409);
  const now = ctx.clock.now();
  const comment = body.comment ? body.comment : null;
  await ctx.db.transaction(async (tx) => {
    const { before, after } = await upsertRating(tx, {
      id: ctx.ids(),
      projectId: row.id,
      orgPath: row.orgPath,
      userId: ctx.actor.userId,
      raterMasked: maskName(ctx.actor.displayName || ctx.actor.username),
      stars: body.stars,
      comment,
      createdAt: now,
      updatedAt: now,
    });
    await auditDoorstep(tx, ctx, 'projects.doorstep.rate', row.id, row, {
      ...(before && { before: { ratingId: before.id, stars: before.stars, comment: before.comment } }),
      after: { ratingId: after.id, stars: after.stars, comment: after.comment },
    });
  });
  const mine = await myDoorstepRatings(ctx);
  return mine.items.find((i) => i.projectId === row.id)!;
}

/** Staff (`projects.read` in the project's subtree): average, count and comments, names masked; 404 out of reach. */
export async function doorstepRatings(ctx: ActorCtx, id: string): Promise<DoorstepRatingsDto> {
  doorstepPolicy.require(ctx.actor, 'read');
  const row = await findDoorstep(ctx.db, id, doorstepPolicy.scope(ctx.actor, 'read'));
  if (!row) throw notFound();
  const [rows, sums] = await Promise.all([ratingsOf(ctx.db, row.id), ratingSummaries(ctx.db, [row.id])]);
  return {
    average: sums.get(row.id)?.average ?? null,
    count: sums.get(row.id)?.count ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      stars: r.stars,
      comment: r.comment,
      raterName: `居民 ${r.raterMasked}`,
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}
