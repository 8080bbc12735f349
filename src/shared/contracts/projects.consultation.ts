import { z } from 'zod';

/**
 * R-PJ-2 "after consulting residents" (S000-27): the record an application's consultation rests on — a
 * closed meeting or a consulted deliberation topic (participation), a closed survey (surveys) of the same
 * community, or uploaded minutes (a file). Sending for review without one is refused (`projects.incomplete`).
 */
export const CONSULTATION_LINK_KINDS = ['meeting', 'topic', 'survey', 'minutes'] as const;
export type ConsultationLinkKind = (typeof CONSULTATION_LINK_KINDS)[number];
export const CONSULTATION_MAX_MB = 20;

export const linkConsultationBody = z.strictObject({
  kind: z.enum(['meeting', 'topic', 'survey']),
  recordId: z.uuid(),
});
export type LinkConsultationBody = z.infer<typeof linkConsultationBody>;

const link = z.object({
  kind: z.enum(CONSULTATION_LINK_KINDS),
  recordId: z.string().nullable(),
  title: z.string(),
  date: z.string().nullable(),
  fileName: z.string().nullable(),
  hasFile: z.boolean(),
  linkedByName: z.string().nullable(),
  updatedAt: z.date(),
});
export type ConsultationLinkDto = z.infer<typeof link>;

export const consultationSchema = z.object({
  link: link.nullable(),
  canEdit: z.boolean(),
  /** The records of the community that may be linked (for the picker; empty unless `canEdit`). */
  options: z.array(
    z.object({
      kind: z.enum(['meeting', 'topic', 'survey']),
      id: z.string(),
      title: z.string(),
      date: z.string().nullable(),
    }),
  ),
});
export type ConsultationDto = z.infer<typeof consultationSchema>;
