'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addCorrection } from '@/db/mutations/corrections';
import { createPreviewLink, revokePreviewLink } from '@/db/mutations/preview-links';
import { expireTags } from '@/server/cache/expire';
import { CORRECTION_KINDS } from '@/lib/domain';
import { permitted } from '@/server/auth/guard';
import { requireRole } from '@/server/auth/session';

const id = z.coerce.number().int().positive().max(2147483647);

export type PreviewLinkState = { url: string | null; expiresAt: string | null; error: string | null };

export async function createPreviewLinkAction(_prev: PreviewLinkState, form: FormData): Promise<PreviewLinkState> {
  const me = await requireRole();
  const articleId = id.safeParse(form.get('articleId'));
  if (!articleId.success) return { url: null, expiresAt: null, error: 'That request was malformed.' };
  const link = await permitted(() => createPreviewLink(me, articleId.data));
  if (!link) return { url: null, expiresAt: null, error: 'That article no longer exists.' };
  revalidatePath(`/dashboard/articles/${articleId.data}`);
  return { url: `/preview/${link.token}`, expiresAt: link.expiresAt.toISOString(), error: null };
}

export async function revokePreviewLinkAction(form: FormData): Promise<void> {
  const me = await requireRole();
  const parsed = z.object({ articleId: id, linkId: id }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return;
  await permitted(() => revokePreviewLink(me, parsed.data.articleId, parsed.data.linkId));
  revalidatePath(`/dashboard/articles/${parsed.data.articleId}`);
}

export type CorrectionState = { error: string | null; done: boolean; body: string };

export async function addCorrectionAction(_prev: CorrectionState, form: FormData): Promise<CorrectionState> {
  const me = await requireRole();
  const body = String(form.get('body') ?? '');
  const parsed = z.object({ articleId: id, kind: z.enum(CORRECTION_KINDS) }).safeParse({ articleId: form.get('articleId'), kind: form.get('kind') });
  if (!parsed.success) return { error: 'Choose correction, clarification or update.', done: false, body };
  const result = await permitted(() => addCorrection(me, parsed.data.articleId, parsed.data.kind, body));
  if (!result.ok) return { error: result.message, done: false, body };
  expireTags(result.expire);
  revalidatePath(`/dashboard/articles/${parsed.data.articleId}`);
  return { error: null, done: true, body: '' };
}
