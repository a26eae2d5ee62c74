'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormState } from '@/lib/form-state';
import { deleteSection, deleteTag, renameTag, saveSection } from '@/db/mutations/taxonomy';
import { expireTags } from '@/server/cache/expire';
import { permitted } from '@/server/auth/guard';
import { requireRole } from '@/server/auth/session';
import { done, formValues, invalid, refused } from '@/lib/form-state';
import { rolesFor } from '@/lib/permissions';

const id = z.coerce.number().int().positive().max(2147483647);
const sectionSchema = z.object({
  id: z.union([z.literal(''), id]).optional(),
  name: z.string().trim().min(1, 'Give the section a name.').max(80, 'At most 80 characters.'),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens, like "local-news".')
    .max(120),
  description: z.string().trim().max(500, 'At most 500 characters.').default(''),
  position: z.coerce.number().int('A whole number.').min(0).max(1000).default(0),
});

export async function saveSectionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole(...rolesFor('sections.manage'));
  const values = formValues(form);
  const parsed = sectionSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { id: sectionId, ...input } = parsed.data;
  const result = await permitted(() => saveSection(me, sectionId ? Number(sectionId) : null, input));
  if (!result.ok) return refused(result.fieldErrors.form ?? 'Not saved.', values, result.fieldErrors);
  expireTags(result.expire);
  revalidatePath('/dashboard/sections');
  return done(sectionId ? 'Section saved.' : `Section “${input.name}” created.`);
}

export async function deleteSectionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole(...rolesFor('sections.manage'));
  const parsed = id.safeParse(form.get('id'));
  if (!parsed.success) return refused('That request was malformed.', {});
  const result = await permitted(() => deleteSection(me, parsed.data));
  if (!result.ok) return refused(result.fieldErrors.form ?? 'Not deleted.', {});
  expireTags(result.expire);
  revalidatePath('/dashboard/sections');
  return done('Section deleted.');
}

const tagSchema = z.object({ id, name: z.string().trim().min(1, 'Give the tag a name.').max(80, 'At most 80 characters.'), description: z.string().trim().max(500).default('') });

export async function renameTagAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole(...rolesFor('tags.manage'));
  const values = formValues(form);
  const parsed = tagSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await permitted(() => renameTag(me, parsed.data.id, { name: parsed.data.name, description: parsed.data.description }));
  if (!result.ok) return refused(result.fieldErrors.form ?? 'Not saved.', values);
  expireTags(result.expire);
  revalidatePath('/dashboard/sections');
  return done('Tag saved.');
}

export async function deleteTagAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole(...rolesFor('tags.manage'));
  const parsed = id.safeParse(form.get('id'));
  if (!parsed.success) return refused('That request was malformed.', {});
  const result = await permitted(() => deleteTag(me, parsed.data));
  if (!result.ok) return refused(result.fieldErrors.form ?? 'Not deleted.', {});
  expireTags(result.expire);
  revalidatePath('/dashboard/sections');
  return done('Tag deleted.');
}
