'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { updateMediaText } from '@/db/mutations/media';
import { deleteMedia, setFocalPoint } from '@/db/mutations/media-library';
import { mediaUseWords } from '@/db/queries/media';
import { focalPointSchema, type FocalPoint } from '@/lib/media-variants';
import { keptCropSrc, RATIOS, type Ratio } from '@/lib/seo/images';
import { discardMediaFiles } from '@/server/media/storage';
import { applyCrop } from '@/server/media/crop';
import type { CropFields } from '@/lib/media-crop';
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

export type FocalPointState = { error: string | null; saved: boolean };

const focalFormSchema = z.object({ id: z.coerce.number().int().positive().max(2147483647) });

/**
 * Sets an image's focal point (or clears it, `clear` present): cards crop around it and the
 * social crops (/og/crop) follow it. The old point's kept crops are removed from the store after
 * the commit; nothing serves them, since a focal point is part of a crop's URL.
 */
export async function setFocalPointAction(_prev: FocalPointState, form: FormData): Promise<FocalPointState> {
  const me = await requireRole(...rolesFor('media.edit'));
  const idParsed = focalFormSchema.safeParse({ id: form.get('id') });
  if (!idParsed.success) return { error: 'That image is no longer in the library.', saved: false };
  let focal: FocalPoint | null = null;
  if (!form.get('clear')) {
    const parsed = focalPointSchema.safeParse({ x: blankToUndefined(form.get('x')), y: blankToUndefined(form.get('y')) });
    if (!parsed.success) return { error: parsed.error.issues[0]!.message, saved: false };
    focal = parsed.data;
  }
  const result = await permitted(() => setFocalPoint(me, idParsed.data.id, focal));
  if (!result) return { error: 'That image is no longer in the library.', saved: false };
  expireTags(result.expire);
  // The old point's kept crops (cut from the cropped file when there is a crop).
  await discardMediaFiles(result.staleCrops);
  revalidatePath('/dashboard/media');
  revalidatePath(`/dashboard/media/${idParsed.data.id}`);
  return { error: null, saved: true };
}

export type CropState = { error: string | null; field: keyof CropFields | null; saved: 'cropped' | 'reset' | 'unchanged' | null; status: number };

/**
 * Crops an image (left, top, width, height in pixels of the original) or, with `reset`, shows the
 * whole picture again; the original file is never changed. Readers' sizes and the social crops are
 * made again from the region under new names, the pages using the image expire, and the files the
 * row named before are removed (server/media/crop.ts). A refusal says why and the form keeps what
 * was typed (it is the client's state; nothing is reset on an error).
 */
export async function setCropAction(_prev: CropState, form: FormData): Promise<CropState> {
  const me = await requireRole(...rolesFor('media.edit'));
  const idParsed = focalFormSchema.safeParse({ id: form.get('id') });
  if (!idParsed.success) return { error: 'That image is no longer in the library.', field: null, saved: null, status: 404 };
  const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');
  const reset = Boolean(form.get('reset'));
  const outcome = await applyCrop(me, idParsed.data.id, reset ? 'reset' : { left: text('left'), top: text('top'), width: text('width'), height: text('height') });
  if (!outcome.ok) return { error: outcome.error, field: outcome.field ?? null, saved: null, status: outcome.status };
  expireTags(outcome.expire);
  revalidatePath('/dashboard/media');
  revalidatePath(`/dashboard/media/${idParsed.data.id}`);
  return { error: null, field: null, saved: !outcome.changed ? 'unchanged' : outcome.crop ? 'cropped' : 'reset', status: 200 };
}

const blankToUndefined = (v: FormDataEntryValue | null) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export type DeleteMediaState = { error: string | null; uses: { headline: string; status: string; href: string; how: string }[] };

/**
 * Deletes an image no article uses. While one does (featured or inside the body, in any state),
 * it is refused with the list, and nothing changes: there is no "delete anyway", since a reader
 * page or a draft would be left pointing at a missing file. On success, its files (original,
 * derivatives, kept crops) are removed after the row, and the library is shown.
 */
export async function deleteMediaAction(_prev: DeleteMediaState, form: FormData): Promise<DeleteMediaState> {
  const me = await requireRole(...rolesFor('media.delete'));
  const idParsed = focalFormSchema.safeParse({ id: form.get('id') });
  if (!idParsed.success) return { error: 'That image is no longer in the library.', uses: [] };
  const result = await permitted(() => deleteMedia(me, idParsed.data.id));
  if (!result) return { error: 'That image is no longer in the library.', uses: [] };
  if (!result.ok) {
    const n = result.uses.length;
    return {
      error: `This image is used by ${n === 1 ? 'an article' : `${n} articles`}; remove it from ${n === 1 ? 'that article' : 'them'} first. Nothing was deleted.`,
      uses: result.uses.map((u) => ({ headline: u.headline, status: u.status, href: `/dashboard/articles/${u.articleId}`, how: mediaUseWords(u) })),
    };
  }
  const focalCrops = result.focal ? Object.keys(RATIOS).map((r) => keptCropSrc(result.src, r as Ratio, result.focal)) : [];
  await discardMediaFiles([...result.files, ...focalCrops]);
  revalidatePath('/dashboard/media');
  redirect(`/dashboard/media?deleted=${idParsed.data.id}`);
}


