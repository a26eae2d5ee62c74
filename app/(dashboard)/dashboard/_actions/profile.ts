'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { changeOwnPassword, endOtherSessions, getOwnPasswordHash, updateProfile } from '@/db/mutations/profile';
import { done, formValues, invalid, refused, type FormState } from '@/lib/form-state';
import { signIn } from '@/server/auth/auth';
import { hashPassword, passwordProblem, verifyPassword } from '@/server/auth/password';
import { resolveAuthSecret } from '@/server/auth/secret';
import { requireRole } from '@/server/auth/session';
import { mintTicket } from '@/server/auth/ticket';
import { expireTags } from '@/server/cache/expire';

// The profile page's actions: every role, each on its own account only (db/mutations/profile.ts).

const profileSchema = z.object({
  name: z.string().trim().min(1, 'Give your name.').max(120, 'Use at most 120 characters.'),
  bio: z.string().trim().max(2000, 'Keep the bio to 2,000 characters.'),
});

export async function updateProfileAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole();
  const values = formValues(form);
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await updateProfile(me, parsed.data);
  if (!result.ok) return refused(result.message, values);
  expireTags(result.expire);
  revalidatePath('/dashboard', 'layout');
  return { ...done('Profile saved.'), values };
}

/**
 * Keeps the session that asked: a new session at the new version, in place of the old cookie.
 * Then a redirect, so the page is rendered again with the new cookie (a re-render inside this
 * request would still see the old one and find it ended).
 */
async function renewSession(staffId: number, sessionVersion: number): Promise<void> {
  await signIn('credentials', { ticket: mintTicket(staffId, sessionVersion, resolveAuthSecret()), redirect: false });
}

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole();
  const current = String(form.get('current') ?? '');
  const next = String(form.get('password') ?? '');
  const again = String(form.get('again') ?? '');
  // Passwords are never sent back to the browser.
  const values = {};
  if (!current) return refused('Enter your current password.', values, { current: 'Enter your current password.' });
  const stored = await getOwnPasswordHash(me);
  if (!stored || !(await verifyPassword(stored, current))) return refused('That is not your current password.', values, { current: 'That is not your current password.' });
  const problem = passwordProblem(next, me.email);
  if (problem) return refused(problem, values, { password: problem });
  if (next !== again) return refused('The two new passwords differ.', values, { again: 'Type the same new password twice.' });
  const result = await changeOwnPassword(me, { checkedHash: stored, newHash: await hashPassword(next) });
  if (!result.ok) return refused(result.message, values);
  await renewSession(me.id, result.sessionVersion);
  redirect('/dashboard/profile?done=password');
}

export async function endOtherSessionsAction(_prev: FormState, _form: FormData): Promise<FormState> {
  const me = await requireRole();
  const result = await endOtherSessions(me);
  if (!result.ok) return refused(result.message, {});
  await renewSession(me.id, result.sessionVersion);
  redirect('/dashboard/profile?done=sessions');
}
