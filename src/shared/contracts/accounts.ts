import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../permissions';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const assignmentSchema = z.object({
  role: z.enum(ROLES),
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
});

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  assignments: z.array(assignmentSchema),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
  twoFactor: z.object({
    /** The user's roles require a second factor (TWO_FACTOR_ROLES; demo accounts are exempt). */
    required: z.boolean(),
    enabled: z.boolean(),
    /** Required but not set up: this session may only enrol (every other route answers 403). */
    enrolmentRequired: z.boolean(),
  }),
});
export type MeDto = z.infer<typeof meSchema>;

/** The login's answer when the password was right and a second factor is awaited (no session yet). */
export const loginChallengeSchema = z.object({
  twoFactorRequired: z.literal(true),
  /** Sent back with the code to POST /api/auth/login/totp; valid 5 minutes. */
  pendingToken: z.string(),
  expiresAt: z.date(),
});
export type LoginChallengeDto = z.infer<typeof loginChallengeSchema>;
export const loginResponseSchema = z.union([meSchema, loginChallengeSchema]);

/** A 6-digit code from an authenticator app; spaces (“123 456”) are ignored. */
const totpCode = z
  .string()
  .max(20)
  .transform((v) => v.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'accounts.two_factor_code_format'));

export const loginTotpBody = z
  .strictObject({
    pendingToken: z.string().min(1).max(200),
    code: totpCode.optional(),
    /** One of the ten recovery codes, instead of `code`. */
    recoveryCode: z.string().trim().min(1).max(40).optional(),
  })
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), {
    message: 'accounts.code_or_recovery_code',
    path: ['code'],
  });

export const twoFactorCodeBody = z.strictObject({ code: totpCode });

export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  /** A demo-seed account: exempt, and may not enrol (it is shared). */
  demo: z.boolean(),
  enabledAt: z.date().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatusDto = z.infer<typeof twoFactorStatusSchema>;

export const twoFactorSetupSchema = z.object({
  /** base32, for typing into an app that cannot scan */
  secret: z.string(),
  otpauthUrl: z.string(),
  /** The otpauth URL as a PNG QR code (data: URL). */
  qrDataUrl: z.string(),
});
export type TwoFactorSetupDto = z.infer<typeof twoFactorSetupSchema>;

/** Shown once: only their hashes are kept. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesDto = z.infer<typeof recoveryCodesSchema>;

export const updateMeBody = z.strictObject({
  locale: z.enum(['zh-CN', 'en']).optional(),
  displayName: z.string().trim().min(1).max(50).optional(),
});
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().max(200),
  newPassword: z.string().max(200),
});

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  title: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.date().nullable(),
  assignments: z.array(assignmentSchema),
  /** A demo-seed account (演示账号): password-only. */
  demo: z.boolean(),
  twoFactorEnabled: z.boolean(),
});
export type UserDto = z.infer<typeof userSchema>;

const roleInput = z.strictObject({ role: z.enum(ROLES), orgUnitId: z.string().uuid().nullable() });
export const createUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/),
  displayName: z.string().trim().min(1).max(50),
  title: z.string().trim().max(100).nullish(),
  password: z.string().max(200),
  roles: z.array(roleInput).min(1).max(20),
});
export const updateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  title: z.string().trim().max(100).nullish(),
  active: z.boolean().optional(),
  roles: z.array(roleInput).min(1).max(20).optional(),
  password: z.string().max(200).optional(),
  unlock: z.boolean().optional(),
  /** Removes the user's second factor (a lost phone); a required role then enrols again at next login. */
  resetTwoFactor: z.boolean().optional(),
});

// ---------------------------------------------------------------- resident SMS login (docs/API-resident.md)

/** A mainland mobile; normalised and checked by the server (400 `auth.sms_bad_phone`). */
const phoneField = z.string().trim().min(1).max(20);

export const smsSendBody = z.strictObject({ phone: phoneField });
export const smsSendResponseSchema = z.object({
  sent: z.literal(true),
  /** Seconds before the same phone may ask for another code. */
  retryAfterSeconds: z.number().int(),
});

export const smsLoginBody = z.strictObject({
  phone: phoneField,
  code: z
    .string()
    .max(20)
    .transform((v) => v.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'accounts.two_factor_code_format')),
});

// ---------------------------------------------------------------- GET /api/me/overview

const overviewRequest = z.object({
  number: z.string(),
  kind: z.string(),
  categoryName: z.string().nullable(),
  status: z.string(),
  description: z.string(),
  createdAt: z.date(),
  closedAt: z.date().nullable(),
  /** Filed for me by staff (帮办代办): their name; null when I filed it myself. */
  proxyName: z.string().nullable().default(null),
});
const overviewServiceOrder = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  createdAt: z.date(),
  /** Ordered for me by staff or a volunteer (帮办代办): their name. */
  proxyName: z.string().nullable().default(null),
});

/** Phone tiles (`/m/<key>`, `/report`, `/track`) the user can use; the phone home hides the others. */
export const ME_LINKS = [
  'report',
  'track',
  'services',
  'orders',
  'points',
  'timebank',
  'activities',
  'hours',
  'certificate',
  'tasks',
  'redeem',
] as const;

export const meOverviewSchema = z.object({
  user: z.object({ id: z.string(), displayName: z.string(), phoneMask: z.string().nullable() }),
  resident: z.object({ linked: z.boolean(), communityName: z.string().nullable() }),
  requests: z.object({ total: z.number().int(), items: z.array(overviewRequest) }),
  serviceOrders: z.object({ total: z.number().int(), items: z.array(overviewServiceOrder) }),
  /** Love-point balance (积分); null without a points account. */
  points: z.number().int().nullable(),
  /** Time-bank balance in minutes (分钟); null without a time-bank account. */
  timeBankMinutes: z.number().int().nullable(),
  links: z.object(
    Object.fromEntries(ME_LINKS.map((k) => [k, z.boolean()])) as Record<
      (typeof ME_LINKS)[number],
      z.ZodBoolean
    >,
  ),
});
export type MeOverviewDto = z.infer<typeof meOverviewSchema>;
