'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getLiveBlogVersion } from '@/db/queries/live-blog';
import { deleteLiveEntry, editLiveEntry, makeLiveBlog, postLiveEntry, setLiveCoverage, setLiveEntryFlag, updateLiveBlogSettings, type LiveResult } from '@/db/mutations/live-blog';
import { expireTags } from '@/server/cache/expire';
import { permitted } from '@/server/auth/guard';
import { requireRole } from '@/server/auth/session';
import { formValues, refused, type FormState } from '@/lib/form-state';
import { rolesFor } from '@/lib/permissions';

// Server actions for live blogs. Each one: who is asking (requireRole with the role the action
// needs), validate, the mutation (which checks the permission against the stored entry and writes
// in one transaction), expire the blog's tags, answer. The composer's answers keep nothing of the
// entry: on a refusal the composer still holds what was typed.

const id = z.coerce.number().int().positive().max(2147483647);

export type LiveEntryActionResult = { ok: true; id?: number; version: number; message: string } | { ok: false; message: string; fieldErrors: Record<string, string> };

function answer<T extends object>(result: LiveResult<T>, message: string): LiveEntryActionResult {
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.kind === 'invalid' ? result.fieldErrors : {} };
  expireTags(result.expire);
  return { ok: true, version: result.version, message, ...('id' in result ? { id: result.id as number } : {}) };
}

/** The quick composer: posts one entry to a live blog. `input` comes from the client as JSON. */
export async function postLiveEntryAction(articleId: number, input: { title?: unknown; body?: unknown; keyEvent?: unknown; pinned?: unknown }): Promise<LiveEntryActionResult> {
  const me = await requireRole(...rolesFor('live.post'));
  const blog = id.safeParse(articleId);
  if (!blog.success) return { ok: false, message: 'That live blog does not exist.', fieldErrors: {} };
  const result = await permitted(() =>
    postLiveEntry(me, blog.data, {
      title: typeof input.title === 'string' ? input.title : '',
      body: input.body as never,
      keyEvent: input.keyEvent === true,
      pinned: input.pinned === true,
    }),
  );
  return answer(result, 'Posted. Readers will see it within seconds.');
}

/** Saves an edit to an entry (its words, and for editors a correction note). */
export async function editLiveEntryAction(entryId: number, input: { title?: unknown; body?: unknown; correction?: unknown; expectedVersion?: unknown }): Promise<LiveEntryActionResult> {
  const me = await requireRole(...rolesFor('live.post'));
  const entry = id.safeParse(entryId);
  if (!entry.success) return { ok: false, message: 'That entry does not exist.', fieldErrors: {} };
  const result = await permitted(() =>
    editLiveEntry(me, entry.data, {
      title: typeof input.title === 'string' ? input.title : '',
      body: input.body as never,
      correction: typeof input.correction === 'string' ? input.correction : undefined,
      expectedVersion: typeof input.expectedVersion === 'number' ? input.expectedVersion : -1,
    }),
  );
  return answer(result, 'Saved. Readers will see the change within seconds.');
}

const flagSchema = z.object({
  articleId: id,
  entryId: id,
  flag: z.enum(['keyEvent', 'pinned']),
  value: z.enum(['on', 'off']),
});

/** Mark or unmark a key event, pin or unpin: a plain form, so it works without JavaScript too. */
export async function liveEntryFlagAction(form: FormData): Promise<void> {
  const me = await requireRole(...rolesFor('live.moderate'));
  const parsed = flagSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) redirect('/dashboard/live');
  const { articleId, entryId, flag, value } = parsed.data;
  const result = await permitted(() => setLiveEntryFlag(me, entryId, flag, value === 'on'));
  if (result.ok) expireTags(result.expire);
  redirect(`/dashboard/live/${articleId}?${result.ok ? 'done' : 'failed'}=${flag}-${value}#entry-${entryId}`);
}

export async function deleteLiveEntryAction(form: FormData): Promise<void> {
  const me = await requireRole(...rolesFor('live.post'));
  const parsed = z.object({ articleId: id, entryId: id }).safeParse(Object.fromEntries(form));
  if (!parsed.success) redirect('/dashboard/live');
  const result = await permitted(() => deleteLiveEntry(me, parsed.data.entryId));
  if (result.ok) expireTags(result.expire);
  redirect(`/dashboard/live/${parsed.data.articleId}?${result.ok ? 'done=deleted' : 'failed=delete'}`);
}

/** Makes an article a live blog, then opens its live page. */
export async function makeLiveBlogAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole(...rolesFor('live.moderate'));
  const values = formValues(form);
  const article = id.safeParse(form.get('articleId'));
  if (!article.success) return refused('Choose an article.', values, { articleId: 'Choose an article.' });
  const result = await permitted(() => makeLiveBlog(me, article.data));
  if (!result.ok) return refused(result.message, values, { articleId: result.message });
  expireTags(result.expire);
  redirect(`/dashboard/live/${article.data}`);
}

/** The summary, coverage start and readers' poll interval. */
export async function liveBlogSettingsAction(articleId: number, _prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole(...rolesFor('live.moderate'));
  const values = formValues(form);
  const blog = id.safeParse(articleId);
  if (!blog.success) return refused('That live blog does not exist.', values);
  const result = await permitted(() =>
    updateLiveBlogSettings(me, blog.data, { summary: String(form.get('summary') ?? ''), pollSeconds: String(form.get('pollSeconds') ?? '') }),
  );
  if (!result.ok) return refused(result.message, values, result.kind === 'invalid' ? result.fieldErrors : {});
  expireTags(result.expire);
  return { ok: true, message: 'Saved. Readers’ pages pick up the new interval with their next answer.', fieldErrors: {}, values };
}

/** Ends coverage now (readers' pages stop asking) or reopens it. */
export async function liveCoverageAction(form: FormData): Promise<void> {
  const me = await requireRole(...rolesFor('live.moderate'));
  const parsed = z.object({ articleId: id, ended: z.enum(['yes', 'no']) }).safeParse(Object.fromEntries(form));
  if (!parsed.success) redirect('/dashboard/live');
  const result = await permitted(() => setLiveCoverage(me, parsed.data.articleId, parsed.data.ended === 'yes'));
  if (result.ok) expireTags(result.expire);
  redirect(`/dashboard/live/${parsed.data.articleId}?${result.ok ? `done=${parsed.data.ended === 'yes' ? 'ended' : 'reopened'}` : 'failed=coverage'}`);
}

/**
 * The desk's question every few seconds: has anyone changed this live blog? Returns its version
 * (null when it is gone), read from the primary, for anyone who may post to it.
 */
export async function liveDeskVersionAction(articleId: number): Promise<number | null> {
  await requireRole(...rolesFor('live.post'));
  const blog = id.safeParse(articleId);
  if (!blog.success) return null;
  return getLiveBlogVersion(blog.data);
}
