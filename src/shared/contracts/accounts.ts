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
