'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { banCommenter, editComment, eraseCommenter, liftBan, moderateComments } from '@/db/mutations/comments';
import { expireTags } from '@/server/cache/expire';
import { permitted } from '@/server/auth/guard';
import { requireRole } from '@/server/auth/session';
import { normaliseAddress } from '@/server/comments/client-address';
import { MAX_COMMENT_CHARS, MAX_NAME_BYTES } from '@/lib/comments/config';
import { CONTROL_CHARACTERS } from '@/lib/comments/text';
import { tidyText } from '@/lib/comments/validate';
import { rolesFor } from '@/lib/permissions';

// Comment moderation. Each action: editors and admins only (checked here, and again by the mutation
// inside its transaction; permitted() turns that refusal into a 403), validate
// the form with zod, one transactional mutation, expire the cache tags it returns (so an approved
// comment is on the article within a second), then back to where the moderator was.

const moderators = () => rolesFor('comments.moderate');

/** Where to go back to: only somewhere under /dashboard/comments. */
function back(form: FormData, notice?: string): string {
  const raw = String(form.get('returnTo') ?? '');
  const url = new URL(raw.startsWith('/dashboard/comments') ? raw : '/dashboard/comments', 'http://x');
  if (notice) url.searchParams.set('done', notice);
  else url.searchParams.delete('done');
  return `${url.pathname}${url.search}`;
}

const moderateSchema = z.object({
  action: z.enum(['approve', 'unapprove', 'spam', 'trash', 'restore']),
  ids: z.array(z.coerce.number().int().positive()).min(1, 'Choose at least one comment.').max(500),
});

const PAST: Record<z.infer<typeof moderateSchema>['action'], string> = {
  approve: 'approved',
  unapprove: 'returned to the queue',
  spam: 'marked as spam',
  trash: 'moved to the trash',
  restore: 'restored to the queue',
};

export async function moderateCommentsAction(form: FormData): Promise<void> {
  const me = await requireRole(...moderators());
  // A per-comment button names its action and id; the bulk form sends the ticked ids.
  const parsed = moderateSchema.safeParse({ action: form.get('action'), ids: form.getAll('ids').map(String) });
  if (!parsed.success) redirect(back(form, parsed.error.issues[0]?.message ?? 'Nothing was changed.'));
  const { changed, expire } = await permitted(() => moderateComments(parsed.data.ids, parsed.data.action, me));
  expireTags(expire);
  redirect(back(form, changed === 0 ? 'Nothing needed changing.' : `${changed === 1 ? '1 comment' : `${changed} comments`} ${PAST[parsed.data.action]}.`));
}

export type EditCommentState = { fieldErrors: { name?: string; body?: string }; name: string; body: string; saved?: boolean };

const editSchema = z.object({
  id: z.coerce.number().int().positive(),
  name: z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, 'Enter a name.')
        .refine((s) => Buffer.byteLength(s) <= MAX_NAME_BYTES, `At most ${MAX_NAME_BYTES} bytes.`)
        .refine((s) => !CONTROL_CHARACTERS.test(s) && !/[\n\t]/.test(s), 'The name contains characters that are not allowed.'),
    ),
  body: z
    .string()
    .transform(tidyText)
    .pipe(
      z
        .string()
        .min(1, 'The comment cannot be empty: trash it instead.')
        .refine((s) => [...s].length <= MAX_COMMENT_CHARS, `At most ${MAX_COMMENT_CHARS.toLocaleString('en-GB')} characters.`)
        .refine((s) => !CONTROL_CHARACTERS.test(s), 'The comment contains characters that are not allowed.'),
    ),
});

export async function editCommentAction(_prev: EditCommentState, form: FormData): Promise<EditCommentState> {
  const me = await requireRole(...moderators());
  const name = String(form.get('name') ?? '');
  const body = String(form.get('body') ?? '');
  const parsed = editSchema.safeParse({ id: form.get('id'), name, body });
  if (!parsed.success) {
    const fieldErrors: EditCommentState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as 'name' | 'body';
      fieldErrors[key] ??= issue.message;
    }
    return { fieldErrors, name, body };
  }
  const edited = await permitted(() => editComment(parsed.data.id, { authorName: parsed.data.name, body: parsed.data.body }, me));
  if (!edited) return { fieldErrors: { body: 'That comment no longer exists.' }, name, body };
  expireTags(edited.expire);
  return { fieldErrors: {}, name: parsed.data.name, body: parsed.data.body, saved: true };
}

const banSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), value: z.string().trim().toLowerCase().email('That is not an e-mail address.').max(100), reason: z.string().max(500) }),
  z.object({
    kind: z.literal('address'),
    value: z
      .string()
      .transform((v) => normaliseAddress(v) ?? '')
      .pipe(z.string().min(1, 'That is not a network address.')),
    reason: z.string().max(500),
  }),
]);

export async function banCommenterAction(form: FormData): Promise<void> {
  const me = await requireRole(...moderators());
  const parsed = banSchema.safeParse({ kind: form.get('kind'), value: String(form.get('value') ?? ''), reason: String(form.get('reason') ?? '') });
  if (!parsed.success) redirect(back(form, parsed.error.issues[0]?.message ?? 'Nothing was banned.'));
  const { created } = await permitted(() => banCommenter(parsed.data.kind, parsed.data.value, parsed.data.reason, me));
  redirect(back(form, created ? `Banned ${parsed.data.kind === 'email' ? 'the e-mail address' : 'the network address'}: their new comments go to spam.` : 'That was already banned.'));
}

export async function liftBanAction(form: FormData): Promise<void> {
  const me = await requireRole(...moderators());
  const id = z.coerce.number().int().positive().safeParse(form.get('banId'));
  if (!id.success) redirect(back(form, 'Nothing was changed.'));
  const lifted = await permitted(() => liftBan(id.data, me));
  redirect(back(form, lifted ? 'Ban lifted.' : 'That ban was already gone.'));
}

export async function eraseCommenterAction(form: FormData): Promise<void> {
  const me = await requireRole(...moderators());
  const parsed = z
    .object({ email: z.string().trim().toLowerCase().email().max(100), confirm: z.literal('yes', { message: 'Tick the box to confirm the erasure.' }) })
    .safeParse({ email: form.get('email'), confirm: form.get('confirm') });
  if (!parsed.success) redirect(back(form, parsed.error.issues.find((i) => i.path[0] === 'confirm')?.message ?? 'Enter the e-mail address to erase.'));
  const result = await permitted(() => eraseCommenter(parsed.data.email, me));
  expireTags(result.expire);
  redirect(`/dashboard/comments?done=${encodeURIComponent(`Erased: ${result.deleted} deleted, ${result.anonymised} kept as “removed” because others replied to them.`)}`);
}
