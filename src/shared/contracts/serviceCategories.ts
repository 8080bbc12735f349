/** The service categories (R-SV-1), without zod so the phone pages can load them. */
export const SERVICE_CATEGORIES = [
  'elderly_care',
  'housekeeping',
  'repair',
  'health',
  'legal',
  'education',
  'companionship',
  'errand',
  'other',
] as const;
