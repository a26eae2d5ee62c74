'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormState } from '@/lib/form-state';
import { updateSettings } from '@/db/mutations/settings';
import { changeRole, createInvite, setActive } from '@/db/mutations/staff';
import { expireTags } from '@/server/cache/expire';
import { COMMENT_POLICIES, STAFF_ROLES } from '@/lib/domain';
import { permitted } from '@/server/auth/guard';
import { requireRole } from '@/server/auth/session';
import { sendInvitation } from '@/server/mail/account-mail';
import { CHECK_IDS } from '@/lib/checklist';
import { done, formValues, invalid, refused } from '@/lib/form-state';

const id = z.coerce.number().int().positive().max(2147483647);

const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter an e-mail address like name@example.org.').max(254),
  name: z.string().trim().min(1, 'Give the person’s name.').max(120),
  role: z.enum(STAFF_ROLES, 'Choose a role.'),
});

export async function inviteStaffAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole('admin');
  const values = formValues(form);
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await permitted(() => createInvite(me, parsed.data));
  if (!result.ok) return refused(result.message, values, { email: result.message });
  revalidatePath('/dashboard/staff');
  const mail = await sendInvitation({ to: parsed.data.email, name: parsed.data.name, role: parsed.data.role, inviter: me.name, token: result.token, expiresAt: result.expiresAt });
  if (mail.sent) return done(`Invitation e-mailed to ${parsed.data.email}.`);
  // No mail server (or it refused): the link is not lost, the admin passes it on.
  return done(`Invitation created, but not e-mailed${mail.reason === 'failed' ? ' (the mail server refused it)' : ' (no mail server is set up)'}. Send ${parsed.data.name} this one-time link (shown only now): ${mail.link}`);
}

export async function changeRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole('admin');
  const values = formValues(form);
  const parsed = z.object({ id, role: z.enum(STAFF_ROLES) }).safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await permitted(() => changeRole(me, parsed.data.id, parsed.data.role));
  if (!result.ok) return refused(result.message, values);
  expireTags(result.expire);
  revalidatePath('/dashboard/staff');
  return done('Role changed. It applies from their next click.');
}

export async function setActiveAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole('admin');
  const parsed = z.object({ id, active: z.enum(['true', 'false']) }).safeParse(formValues(form));
  if (!parsed.success) return refused('That request was malformed.', {});
  const result = await permitted(() => setActive(me, parsed.data.id, parsed.data.active === 'true'));
  if (!result.ok) return refused(result.message, {});
  expireTags(result.expire);
  revalidatePath('/dashboard/staff');
  return done(parsed.data.active === 'true' ? 'Reactivated.' : 'Deactivated: they are signed out everywhere.');
}

const settingsSchema = z.object({
  name: z.string().trim().min(1, 'The publication needs a name.').max(120),
  tagline: z.string().trim().max(200).default(''),
  timeZone: z
    .string()
    .trim()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'Use a time zone name like Europe/London or America/New_York.'),
  staffEmailFormula: z
    .string()
    .trim()
    .max(200)
    .refine((f) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(f.replace(/\{[a-z_]+\}/g, 'x')), 'A pattern like {first_initial}{last_name}@example.org.'),
  commentPolicy: z.enum(COMMENT_POLICIES),
  commentsCloseAfterDays: z.coerce.number().int('A whole number of days.').min(0).max(3650),
  blockingChecks: z.array(z.enum(CHECK_IDS as [string, ...string[]])).default([]),
});

export async function updateSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole('admin');
  const values = formValues(form);
  const parsed = settingsSchema.safeParse({ ...values, blockingChecks: form.getAll('blockingChecks').map(String) });
  if (!parsed.success) return invalid(parsed.error, values);
  const { expire } = await permitted(() => updateSettings(me, parsed.data));
  expireTags(expire);
  revalidatePath('/dashboard', 'layout');
  return { ok: true, message: 'Settings saved.', fieldErrors: {}, values };
}
