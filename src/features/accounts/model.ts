import { z } from 'zod';

export const RATE_LIMIT = {
  windowMinutes: 15,
  /** Failed sign-ins allowed per account in the window. */
  perAccount: 5,
  /** Failed sign-ins allowed per client address in the window, across accounts. */
  perAddress: 20,
} as const;

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }).max(254));

export const password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(1024, 'must be at most 1024 characters');

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin');

export const newUserInput = z.strictObject({
  email,
  password,
  displayName: z.string().trim().min(1, 'must not be empty').max(200),
  timeZone: timeZone.optional(),
});
export type NewUserInput = z.input<typeof newUserInput>;

export const loginInput = z.strictObject({
  email,
  password: z.string().min(1, 'must not be empty').max(1024),
});

export const profilePatch = z.strictObject({
  displayName: z.string().trim().min(1, 'must not be empty').max(200).optional(),
  timeZone: timeZone.optional(),
  /** 0 = Sunday … 6 = Saturday, as JavaScript's Date.getDay(). */
  weekStart: z.number().int().min(0).max(6).optional(),
});
export type ProfilePatch = z.input<typeof profilePatch>;

export const passwordChange = z.strictObject({
  currentPassword: z.string().min(1, 'must not be empty'),
  newPassword: password,
});

export const tokenInput = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
});

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  timeZone: z.string(),
  weekStart: z.number().int(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The last characters of the token, to tell tokens apart without revealing them. */
  hint: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** Keys under which failed sign-ins are counted. */
export function failureKeys(emailAddress: string, address: string): { account: string; address: string } {
  return { account: `account:${emailAddress}`, address: `address:${address}` };
}
