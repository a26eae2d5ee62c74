'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { updateMediaText } from '@/db/mutations/media';
import { expireTags } from '@/server/cache/expire';
import { permitted } from '@/server/auth/guard';
import { requireRole } from '@/server/auth/session';
import { rolesFor } from '@/lib/permissions';

const schema = z.object({
  id: z.coerce.number().int().positive().max(2147483647),
  alt: z.string().trim().max(500, 'Alt text can be at most 500 characters.'),
  caption: z.string().trim().max(1000, 'The caption can be at most 1,000 characters.'),
  credit: z.string().trim().max(200, 'The credit can be at most 200 characters.'),
});

export type MediaTextState = { error: string | null; saved: boolean };

export async function updateMediaTextAction(_prev: MediaTextState, form: FormData): Promise<MediaTextState> {
  const me = await requireRole(...rolesFor('media.edit'));
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]!.message, saved: false };
  const { id, ...text } = parsed.data;
  const result = await permitted(() => updateMediaText(me, id, text));
  if (!result) return { error: 'That image is no longer in the library.', saved: false };
  expireTags(result.expire);
  revalidatePath('/dashboard/media');
  return { error: null, saved: true };
}
