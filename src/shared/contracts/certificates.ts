import { z } from 'zod';
import { pageQuery } from './pageQuery';
import { proxyBody, proxyInfoSchema } from './proxy';
import { unitRef } from './dtoFields';
import { requiredText as text } from './fields';

/**
 * Contracts of the certificates module (证明事项 and 用印登记, R-AC-2, seed 001): a catalogue of matters a
 * community may certify, each citing its legal clause; requests decided against it (issued with a number
 * and a PDF, or refused with the reason), the immutable register, and the append-only seal log.
 */

export const REFUSAL_CODES = ['own_duty', 'joint_liability', 'no_basis'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const catalogueBody = z.strictObject({
  orgUnitId: z.uuid(),
  name: text(120),
  description: z.string().trim().max(1000).nullish(),
  lawName: text(200),
  /** The specific clause, e.g. 第二十一条第二款. */
  clause: text(500),
  sort: z.number().int().min(0).max(9999).default(0),
});
export type CatalogueBody = z.infer<typeof catalogueBody>;

export const catalogueQuery = z.object({ q: z.string().trim().min(1).max(60).optional(), ...pageQuery });
export type CatalogueQuery = z.infer<typeof catalogueQuery>;

export const catalogueItemSchema = z.object({
  id: z.string(),
  ...unitRef,
  name: z.string(),
  description: z.string().nullable(),
  lawName: z.string(),
  clause: z.string(),
  active: z.boolean(),
});
export type CatalogueItemDto = z.infer<typeof catalogueItemSchema>;

/**
 * A request to certify: either a catalogue item, or — for a matter a body asks the community to certify —
 * the specific clause that body supplies. `withinRequesterDuty`: the matter lies within the asking body's
 * own duties; `jointLiability`: the certificate would carry economic joint liability.
 */
export const certificateRequestBody = z.strictObject({
  communityId: z.uuid(),
  catalogueId: z.uuid().nullish(),
  itemName: z.string().trim().max(120).nullish(),
  requesterKind: z.enum(['resident', 'unit']),
  requesterName: text(60),
  requestingBody: z.string().trim().max(120).nullish(),
  citedClause: z.string().trim().max(500).nullish(),
  subjectName: text(40),
  purpose: text(200),
  content: text(2000),
  withinRequesterDuty: z.boolean().default(false),
  jointLiability: z.boolean().default(false),
  /** 帮办代办: staff ask for a registry resident, with the resident's consent (platform/proxy.ts). */
  proxy: proxyBody.nullish(),
});
export type CertificateRequestBody = z.infer<typeof certificateRequestBody>;

export const registerQuery = z.object({
  status: z.enum(['issued', 'refused']).optional(),
  ...pageQuery,
});
export type RegisterQuery = z.infer<typeof registerQuery>;

export const certificateSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  ...unitRef,
  catalogueId: z.string().nullable(),
  itemName: z.string(),
  requesterKind: z.enum(['resident', 'unit']),
  requesterName: z.string(),
  requestingBody: z.string().nullable(),
  subjectName: z.string(),
  purpose: z.string(),
  clause: z.string().nullable(),
  clauseSource: z.enum(['catalogue', 'requesting_body']).nullable(),
  content: z.string(),
  status: z.enum(['issued', 'refused']),
  refusalCode: z.enum(REFUSAL_CODES).nullable(),
  sealUseId: z.string().nullable(),
  decidedByName: z.string().nullable(),
  createdAt: z.date(),
  /** Asked for a registry resident by staff (帮办代办): principal, proxy, consent; null otherwise. */
  proxy: proxyInfoSchema.nullable(),
});
export type CertificateDto = z.infer<typeof certificateSchema>;

export const sealUseBody = z.strictObject({
  communityId: z.uuid(),
  document: text(200),
  purpose: text(200),
  legalBasis: z.string().trim().max(500).nullish(),
  requester: text(120),
  /** The document carries economic joint liability (a guarantee, a surety for a loan…). */
  jointLiability: z.boolean(),
  /** …and a law or regulation expressly assigns it to the committee (then it is within its duties). */
  dutyClause: z.string().trim().max(500).nullish(),
});
export type SealUseBody = z.infer<typeof sealUseBody>;

export const sealQuery = z.object({ status: z.enum(['used', 'refused']).optional(), ...pageQuery });
export type SealQuery = z.infer<typeof sealQuery>;

export const sealUseSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  ...unitRef,
  document: z.string(),
  purpose: z.string(),
  legalBasis: z.string().nullable(),
  requester: z.string(),
  jointLiability: z.boolean(),
  status: z.enum(['used', 'refused']),
  refusalCode: z.string().nullable(),
  certificateId: z.string().nullable(),
  approverName: z.string().nullable(),
  usedAt: z.date(),
});
export type SealUseDto = z.infer<typeof sealUseSchema>;
