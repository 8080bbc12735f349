import { z } from 'zod';
import { queryList } from './common';
import { communityRef } from './dtoFields';
import { REGISTRATION_STATUSES, SPECIAL_GROUP_TAGS } from '../orgKinds';
import { idNumberProblem } from '../validation/codes';
import { pageQuery } from './pageQuery';
import { mobilePhone as phone } from './fields';

/** A resident's personal fields as DTOs carry them (masked where personal); also a staged import row's. */
export const residentPersonFields = {
  name: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string().nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
};

export const residentSchema = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  ...communityRef,
  unitName: z.string().nullable(),
  ...residentPersonFields,
  room: z.string().nullable(),
  registrationStatus: z.enum(REGISTRATION_STATUSES),
  /**
   * How many special-group tags the resident has (R-SV-3). The tags themselves are sensitive personal
   * data (R-LAW-PI-1): shown only through the audited reveal (`field: 'tags'`) or a full export.
   */
  specialGroupCount: z.number().int(),
  notes: z.string().nullable(),
  version: z.number(),
  updatedAt: z.date(),
});
export type ResidentDto = z.infer<typeof residentSchema>;

export const residentDetailSchema = residentSchema.extend({
  ancestors: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  abilities: z.object({ edit: z.boolean(), reveal: z.boolean(), remove: z.boolean() }),
});

const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const problem = idNumberProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `residents.id_number.${problem}` });
  });

export const residentFields = {
  name: z.string().trim().min(1).max(50),
  gender: z.enum(['male', 'female']).optional(),
  birthDate: z.iso.date().nullish(),
  idNumber: idNumber.nullish(),
  phone: phone.nullish(),
  address: z.string().trim().max(200).nullish(),
  orgUnitId: z.string().uuid(),
  room: z.string().trim().max(30).nullish(),
  registrationStatus: z.enum(REGISTRATION_STATUSES),
  tags: z.array(z.enum(SPECIAL_GROUP_TAGS)).max(10),
  notes: z.string().trim().max(1000).nullish(),
};

export const createResidentBody = z.strictObject({
  ...residentFields,
  tags: residentFields.tags.default([]),
});
export type CreateResidentBody = z.infer<typeof createResidentBody>;

export const updateResidentBody = z
  .strictObject(residentFields)
  .partial()
  .extend({ version: z.number().int().min(1).max(2_147_483_647) });
export type UpdateResidentBody = z.infer<typeof updateResidentBody>;

export const residentListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  orgUnitId: z.string().uuid().optional(),
  tags: queryList(SPECIAL_GROUP_TAGS),
  status: z.enum(REGISTRATION_STATUSES).optional(),
  ...pageQuery,
});
export type ResidentListQuery = z.infer<typeof residentListQuery>;

export const REVEAL_FIELDS = ['idNumber', 'phone', 'address', 'tags'] as const;
export const revealBody = z.strictObject({ field: z.enum(REVEAL_FIELDS) });
/** A revealed field: text, or for `tags` the list of special-group tags. */
export const revealResult = z.object({
  field: z.enum(REVEAL_FIELDS),
  value: z.union([z.string(), z.array(z.enum(SPECIAL_GROUP_TAGS))]).nullable(),
});
export type RevealResult = z.infer<typeof revealResult>;
