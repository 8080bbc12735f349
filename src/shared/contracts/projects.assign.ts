import { z } from 'zod';

/**
 * Evaluator assignment (issue 11 §2): the bureau assigns reviewers (holders of `projects.score`) to the
 * submitted applications of its call, one or many at a time.
 */
export const assignBody = z.strictObject({
  applicationIds: z.array(z.uuid()).min(1).max(200),
  reviewerIds: z.array(z.uuid()).min(1).max(50),
});
export type AssignBody = z.infer<typeof assignBody>;

export const unassignBody = z.strictObject({ applicationId: z.uuid(), reviewerId: z.uuid() });
export type UnassignBody = z.infer<typeof unassignBody>;

export const assignmentsSchema = z.object({
  reviewers: z.array(z.object({ id: z.string(), name: z.string() })),
  items: z.array(
    z.object({
      applicationId: z.string(),
      reviewerId: z.string(),
      reviewerName: z.string(),
      assignedByName: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
});
export type AssignmentsDto = z.infer<typeof assignmentsSchema>;
