'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { endBreakingNews, movePin, pinStory, setBreakingNews, unpinStory, type LayoutResult } from '@/db/mutations/front-page';
import { getSiteSettings } from '@/db/queries/settings';
import { expireTags } from '@/server/cache/expire';
import { permitted } from '@/server/auth/guard';
import { requireRole } from '@/server/auth/session';
import { done, formValues, invalid, refused, type FormState } from '@/lib/form-state';
import { parseStoryReference, parseStripLink, wallTimeInZone } from '@/lib/front-layout';
import { rolesFor } from '@/lib/permissions';

// The layout editor's actions (dashboard/front-page), for editors and admins. Times are typed on
// the paper's clock (its time zone in the site settings), as readers see them.

const id = z.coerce.number().int().positive().max(2147483647);

function answer(result: LayoutResult, values: FormState['values']): FormState {
  if (!result.ok) return refused(result.fieldErrors.form ?? Object.values(result.fieldErrors)[0] ?? 'Not saved.', values, result.fieldErrors);
  expireTags(result.expire);
  revalidatePath('/dashboard/front-page');
  return done(result.message);
}

/** A datetime-local value on the paper's clock; '' is "none". */
async function readTime(value: string): Promise<Date | null | 'bad'> {
  if (!value.trim()) return null;
  return wallTimeInZone(value, (await getSiteSettings()).timeZone) ?? 'bad';
}

const pinSchema = z.object({
  place: z.union([z.literal('lead'), id]),
  story: z.string().trim().min(1, 'Name the story to pin.').max(2000, 'That is too long to be a story’s number or address.'),
  expiresAt: z.string().max(40).default(''),
});

export async function pinStoryAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole(...rolesFor('layout.manage'));
  const values = formValues(form);
  const parsed = pinSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const story = parseStoryReference(parsed.data.story);
  if (!story) return refused('Please correct the marked fields.', values, { story: 'Give the story’s number (like 12), its newsroom address (/dashboard/articles/12) or its address on the site.' });
  const expiresAt = await readTime(parsed.data.expiresAt);
  if (expiresAt === 'bad') return refused('Please correct the marked fields.', values, { expiresAt: 'That is not a date and time: use the picker, or YYYY-MM-DDTHH:MM.' });
  const place = { sectionId: parsed.data.place === 'lead' ? null : parsed.data.place };
  return answer(await permitted(() => pinStory(me, place, story, expiresAt)), values);
}

export async function unpinStoryAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole(...rolesFor('layout.manage'));
  const parsed = id.safeParse(form.get('pin'));
  if (!parsed.success) return refused('That request was malformed.', {});
  return answer(await permitted(() => unpinStory(me, parsed.data)), {});
}

const moveSchema = z.object({ pin: id, direction: z.enum(['up', 'down']) });

export async function movePinAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole(...rolesFor('layout.manage'));
  const parsed = moveSchema.safeParse(formValues(form));
  if (!parsed.success) return refused('That request was malformed.', {});
  return answer(await permitted(() => movePin(me, parsed.data.pin, parsed.data.direction)), {});
}

const stripSchema = z.object({
  text: z.string().trim().min(1, 'Write the line readers will see.').max(200, 'At most 200 characters: a strip is one line.'),
  link: z.string().max(2000).default(''),
  endsAt: z.string().trim().min(1, 'Choose when the strip ends.').max(40),
});

export async function setBreakingNewsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole(...rolesFor('layout.manage'));
  const values = formValues(form);
  const parsed = stripSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const link = parseStripLink(parsed.data.link);
  if (!link.ok) return refused('Please correct the marked fields.', values, { link: link.message });
  const endsAt = await readTime(parsed.data.endsAt);
  if (endsAt === 'bad' || endsAt === null) return refused('Please correct the marked fields.', values, { endsAt: 'That is not a date and time: use the picker, or YYYY-MM-DDTHH:MM.' });
  return answer(await permitted(() => setBreakingNews(me, { text: parsed.data.text, href: link.href, endsAt })), values);
}

export async function endBreakingNewsAction(_prev: FormState, _form: FormData): Promise<FormState> {
  const me = await requireRole(...rolesFor('layout.manage'));
  return answer(await permitted(() => endBreakingNews(me)), {});
}
