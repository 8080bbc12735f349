import { z } from 'zod';

/**
 * The implementation plan of a selected co-building project (seed 000 三 "方案具体可行"、五.3 动态跟踪, R-PJ-4):
 * milestones with a due date inside the project's term, marked done with a note; one past its date and not
 * done is overdue. The project's community and subdistrict keep them; everyone who reads the project reads them.
 */
export const MILESTONE_MAX = 30;
export const MILESTONE_TITLE_MAX = 100;
export const MILESTONE_NOTE_MAX = 500;

const title = z.string().trim().min(1).max(MILESTONE_TITLE_MAX);
const note = z.string().trim().max(MILESTONE_NOTE_MAX);

export const milestoneBody = z.object({
  title,
  dueOn: z.iso.date(),
  note: note.nullish(),
});
export type MilestoneBody = z.infer<typeof milestoneBody>;

/** A change of a milestone: its title or date, or marking it done (with a note) or not done. */
export const milestonePatchBody = z
  .object({
    title: title.optional(),
    dueOn: z.iso.date().optional(),
    note: note.nullish(),
    done: z.boolean().optional(),
    doneNote: note.nullish(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'empty' });
export type MilestonePatchBody = z.infer<typeof milestonePatchBody>;

export const milestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueOn: z.string(),
  note: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  doneByName: z.string().nullable(),
  /** Past its date (China time) and not done. */
  overdue: z.boolean(),
});
export type MilestoneDto = z.infer<typeof milestoneSchema>;

export const milestonesSchema = z.object({
  applicationId: z.string(),
  /** Whether the actor may add, change and remove milestones (the project's community or subdistrict). */
  canEdit: z.boolean(),
  /** The last day milestones may fall on: the project's completion date (China time). */
  lastDay: z.string().nullable(),
  done: z.number().int(),
  overdue: z.number().int(),
  total: z.number().int(),
  items: z.array(milestoneSchema),
});
export type MilestonesDto = z.infer<typeof milestonesSchema>;
