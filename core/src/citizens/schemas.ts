/**
 * The citizen portal's identity shapes: the profile an e-ID (or a phone sign-in) gives, and the
 * one-time-code sign-in.
 */
import { z } from 'zod';

export const PhoneNumber = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^(0|\+84)\d{9,10}$/, { message: 'phone_format' }));

export const CitizenProfile = z.object({
  id: z.uuid(),
  fullName: z.string().nullable(),
  idNumber: z.string().nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.object({ communeCode: z.string().nullable(), detail: z.string() }).nullable(),
  /** 2: identity checked by the national e-ID (level-2 account); 0: a phone number only. */
  assuranceLevel: z.number().int(),
  signedInWith: z.enum(['eid', 'phone']),
});
export type CitizenProfile = z.infer<typeof CitizenProfile>;

export const CitizenSession = z.object({ citizen: CitizenProfile, csrfToken: z.string() });
export type CitizenSession = z.infer<typeof CitizenSession>;

export const OtpRequest = z.strictObject({ phone: PhoneNumber });
export const OtpVerify = z.strictObject({ phone: PhoneNumber, code: z.string().trim().regex(/^\d{6}$/) });
