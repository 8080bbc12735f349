import { z } from 'zod';
import { unitRef } from './dtoFields';

/** What a key's requests come in as: an Open311 client, or the 12345 hotline's transfer system. */
export const OPEN311_KEY_CHANNELS = ['open311', 'transfer_12345'] as const;
export type Open311KeyChannel = (typeof OPEN311_KEY_CHANNELS)[number];

/** A key's jurisdiction is an administrative unit: a city, district, subdistrict or community. */
export const OPEN311_KEY_UNIT_KINDS = ['city', 'district', 'subdistrict', 'community'] as const;

/** An Open311 API key as the console lists it (R-O311-1); the key itself is never stored. */
export const open311KeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The key's first characters, to tell keys apart. */
  keyPrefix: z.string(),
  channel: z.enum(OPEN311_KEY_CHANNELS),
  ...unitRef,
  active: z.boolean(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type Open311KeyDto = z.infer<typeof open311KeySchema>;

/** POST /api/open311/keys answers the new key once, with the key in clear. */
export const createdOpen311KeySchema = open311KeySchema.extend({ apiKey: z.string() });
export type CreatedOpen311KeyDto = z.infer<typeof createdOpen311KeySchema>;

/** POST /api/open311/keys. */
export const createOpen311KeyBody = z.strictObject({
  name: z.string().trim().min(1).max(60),
  orgUnitId: z.string().uuid(),
  channel: z.enum(OPEN311_KEY_CHANNELS).default('open311'),
});
export type CreateOpen311KeyBody = z.input<typeof createOpen311KeyBody>;
