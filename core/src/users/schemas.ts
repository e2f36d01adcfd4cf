import { z } from 'zod';
import { nfcText } from '../units/schemas.ts';

export const ROLES = ['admin', 'counter_officer', 'specialist', 'leader', 'supervisor'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** A role held within a unit; it covers that unit's whole subtree (the jurisdiction). */
export const RoleGrant = z.strictObject({ role: Role, unitId: z.uuid() });
export type RoleGrant = z.infer<typeof RoleGrant>;

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(50)
  .regex(/^[a-z0-9._-]+$/, { message: 'username_format' });

/** Passwords: long enough to resist guessing; the upper bound stops hashing megabytes. */
export const Password = z.string().min(10).max(200);

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const StaffAccount = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  roles: z.array(z.object({ role: Role, unitId: z.uuid(), unitName: z.string() })),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

export const StaffCreate = z.strictObject({
  username: Username,
  fullName: nfcText(150),
  email: z.email().max(200).nullable().optional(),
  password: Password,
  roles: z.array(RoleGrant).min(1).max(20),
});
export type StaffCreate = z.infer<typeof StaffCreate>;

export const StaffUpdate = z.strictObject({
  fullName: nfcText(150).optional(),
  email: z.email().max(200).nullable().optional(),
  password: Password.optional(),
  active: z.boolean().optional(),
  roles: z.array(RoleGrant).min(1).max(20).optional(),
  unlock: z.literal(true).optional(),
});
export type StaffUpdate = z.infer<typeof StaffUpdate>;

/** What the browser learns about the signed-in officer. */
export const SessionInfo = z.object({
  user: StaffAccount,
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
