import { z } from 'zod';

/**
 * 帮办代办 (seed 003 task 16): staff or a volunteer acts for a resident (the principal) — files a request,
 * orders a service, enters a survey answer, asks for a certificate. One contract for every module that
 * allows it: the principal is a registry record picked by id (no personal data copied into the record,
 * R-LAW-PI-1), and the resident's consent is noted — how, when, and optionally a note and the reference of
 * a written authorisation. The acting user (the proxy) comes from the session, never from the body.
 */
export const CONSENT_METHODS = ['in_person', 'phone', 'written'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const proxyConsentBody = z.strictObject({
  method: z.enum(CONSENT_METHODS),
  note: z.string().trim().max(500).nullish(),
  /** A written authorisation's reference (scan number, file id), when there is one. */
  attachmentRef: z.string().trim().max(200).nullish(),
  /** When the resident agreed; now when left out. */
  at: z.coerce.date().nullish(),
});
export type ProxyConsentBody = z.infer<typeof proxyConsentBody>;

/**
 * What a form sends to act on someone's behalf. `consent` is optional in the schema so that the use case
 * answers its own clear 422 (common.proxy_consent_required) instead of a generic field error.
 */
export const proxyBody = z.strictObject({
  principalResidentId: z.string().trim().min(1).max(40),
  consent: proxyConsentBody.nullish(),
});
export type ProxyBody = z.infer<typeof proxyBody>;

/** The consent as stored (jsonb) and shown. */
export const proxyConsentSchema = z.object({
  method: z.enum(CONSENT_METHODS),
  note: z.string().nullable(),
  attachmentRef: z.string().nullable(),
  at: z.coerce.date(),
});
export type ProxyConsent = z.infer<typeof proxyConsentSchema>;

/** A record made on someone's behalf, as a detail page shows it (principal's name read from the registry). */
export const proxyInfoSchema = z.object({
  principalResidentId: z.string(),
  /** Read from the registry when shown, never stored on the record; null when the record is gone. */
  principalName: z.string().nullable(),
  proxyUserId: z.string().nullable(),
  proxyName: z.string(),
  consent: proxyConsentSchema,
});
export type ProxyInfo = z.infer<typeof proxyInfoSchema>;

/** The consent method's name, for timelines written on the server (the web app has its own i18n). */
export const CONSENT_ZH: Record<ConsentMethod, string> = {
  in_person: '本人当面同意',
  phone: '本人电话同意',
  written: '书面授权',
};
