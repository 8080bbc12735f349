import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { encryptedColumns, timestamps, ts } from '../../platform/columns';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id */
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    title: text('title'),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    /** An account of the demo seed: shared, password-only, exempt from the two-factor requirement. */
    isDemo: boolean('is_demo').notNull().default(false),
    /**
     * A resident login's mobile (SMS login, issue 17): AES-256-GCM ciphertext, HMAC blind index (one login
     * per phone) and mask, like the registry's (R-LAW-PI-1). Null for staff accounts.
     */
    ...encryptedColumns('phone', 'phone'),
    /** The resident registry record this login is (matched by the phone's blind index), when linked. */
    residentId: uuid('resident_id'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    uniqueIndex('users_phone_hash_uq').on(t.phoneHash).where(sql`${t.phoneHash} is not null`),
    index('users_resident_idx').on(t.residentId),
  ],
);

/** A role held at an org unit; the user's scope for that role is the unit's subtree. */
export const userRoles = pgTable(
  'user_roles',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    /** null only for platform_admin: the whole platform. */
    orgUnitId: uuid('org_unit_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('user_roles_user_idx').on(t.userId)],
);

/**
 * Read on every request by the SQL function `session_of` (migrations/0052), with users, user_roles and
 * user_two_factor: a column it returns that changes here needs a migration replacing that function.
 */
export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A user's TOTP second factor (RFC 6238); one row per user. */
export const userTwoFactor = pgTable('user_two_factor', {
  userId: uuid('user_id').primaryKey(),
  /** The base32 secret, AES-256-GCM under the PII key (platform/crypto); never stored in clear. */
  secretEnc: text('secret_enc').notNull(),
  /** null while enrolment waits for the first correct code. */
  enabledAt: ts('enabled_at'),
  /** The newest time step whose code was accepted: a code works once (RFC 6238 §5.2). */
  lastStep: integer('last_step'),
  /** Per-user salt of the recovery-code hashes. */
  recoverySalt: text('recovery_salt').notNull(),
  ...timestamps(),
});

/** One-time recovery codes: sha256(salt, code); a used code keeps its row with `used_at`. */
export const recoveryCodes = pgTable(
  'user_recovery_codes',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('user_recovery_codes_user_idx').on(t.userId)],
);

/** A login whose password was right and whose second factor is awaited (5 minutes). */
export const loginChallenges = pgTable(
  'login_challenges',
  {
    /** sha256 of the pending-login token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
  },
  (t) => [index('login_challenges_expires_idx').on(t.expiresAt)],
);

/**
 * One-time SMS login codes (issue 17): 6 digits, valid 5 minutes, 5 tries. The code is kept only as an HMAC
 * under the platform key (`code_hash`), the phone only as its blind index. The rows also count the sends
 * per phone and per client address for the rate limits (60 s and 10 a day per phone; 30 a day per address);
 * rows older than two days are deleted by the next send.
 */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: uuid('id').primaryKey(),
    phoneHash: text('phone_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    ip: text('ip'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    /** Set when the code logged in, or when a newer code replaced it. */
    usedAt: ts('used_at'),
  },
  (t) => [
    index('sms_codes_phone_idx').on(t.phoneHash, t.createdAt),
    index('sms_codes_ip_idx').on(t.ip, t.createdAt),
    index('sms_codes_created_idx').on(t.createdAt),
  ],
);
