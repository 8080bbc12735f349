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
});
export type MeDto = z.infer<typeof meSchema>;

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
});
