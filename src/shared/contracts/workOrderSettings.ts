import { z } from 'zod';

const limit = z.union([
  z.strictObject({ hours: z.number().min(0.25).max(720) }),
  z.strictObject({ workingDays: z.number().int().min(1).max(60) }),
]);

/** Per-city configuration of work orders (R-LAW-WO-4 time limits, R-LAW-WO-6 rate weights); all optional. */
export const woSettingsBody = z.strictObject({
  acceptLimits: z.strictObject({ emergency: limit, key: limit, regular: limit }).partial().optional(),
  completeLimits: z
    .strictObject({
      emergency: limit,
      utility: limit,
      consult: limit,
      suggestion: limit,
      help: limit,
      complaint: limit,
      report: limit,
      event: limit,
    })
    .partial()
    .optional(),
  maxExtensionWorkingDays: z.number().int().min(0).max(60).optional(),
  pauseClockOnExtension: z.boolean().optional(),
  duplicateRadiusM: z.number().int().min(0).max(5000).optional(),
  duplicateWindowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
  maxEscalationLevel: z.number().int().min(1).max(3).optional(),
  rates: z
    .strictObject({
      responseWeight: z.number().min(0).max(1),
      resolutionWeight: z.number().min(0).max(1),
      satisfactionWeight: z.number().min(0).max(1),
      basicallySatisfiedWeight: z.number().min(0).max(1),
    })
    .partial()
    .optional(),
});
export type WoSettingsBody = z.infer<typeof woSettingsBody>;

export const woSettingsView = z.object({
  /** The unit whose row is in force (null = the defaults). */
  sourceUnitId: z.string().nullable(),
  /** This unit's own overrides, if any. */
  own: z.record(z.string(), z.unknown()).nullable(),
  effective: z.record(z.string(), z.unknown()),
  abilities: z.object({ edit: z.boolean() }),
});
