import { z } from 'zod';
import { APPLICATION_STATES } from './projects';

/**
 * The board of a call (issue 11 §8, R-PJ-4 动态跟踪): per subdistrict/town in the reader's reach, how many
 * applications stand in each state, and what is late — applications not submitted by the deadline, monthly
 * reports not filed by their day (still open) or filed late, completion and closing summary overdue.
 */
const counts = z.object({
  states: z.record(z.enum(APPLICATION_STATES), z.number().int()),
  total: z.number().int(),
  submitOverdue: z.number().int(),
  reportsFiled: z.number().int(),
  reportsOpenOverdue: z.number().int(),
  reportsFiledLate: z.number().int(),
  completed: z.number().int(),
  completionOverdue: z.number().int(),
  summarized: z.number().int(),
  summaryOverdue: z.number().int(),
});
export type BoardCounts = z.infer<typeof counts>;

export const boardSchema = z.object({
  callId: z.string(),
  rows: z.array(counts.extend({ subdistrictId: z.string(), subdistrictName: z.string() })),
  totals: counts,
});
export type BoardDto = z.infer<typeof boardSchema>;
