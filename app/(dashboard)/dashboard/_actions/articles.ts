'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createArticle, MAX_WITHDRAWAL_REASON, restoreRevision, saveArticle, transitionArticle, type ConflictInfo, type Transition } from '@/db/mutations/articles';
import { endEditSession, touchEditSession } from '@/db/mutations/presence';
import { getArticleSubject } from '@/db/mutations/articles';
import { listEditingNow } from '@/db/queries/dashboard-articles';
import { expireTags } from '@/server/cache/expire';
import { permitted } from '@/server/auth/guard';
import { requireRole } from '@/server/auth/session';
import type { CheckResult } from '@/lib/checklist';
import { assertCanOnArticle } from '@/lib/permissions';
import { wakeScheduler } from '@/server/jobs/scheduler';

// Server actions for articles. Each one: who is asking (requireRole), validate, the mutation
// (which checks the permission against the stored article and writes in one transaction), expire
// the reader pages it touched, return a small typed result.

const id = z.coerce.number().int().positive();

export type CreateArticleState = { fieldErrors: Record<string, string>; headline: string; sectionId: string };

export async function createArticleAction(_prev: CreateArticleState, form: FormData): Promise<CreateArticleState> {
  const me = await requireRole();
  const headline = String(form.get('headline') ?? '');
  const sectionRaw = String(form.get('sectionId') ?? '');
  const section = sectionRaw ? id.safeParse(sectionRaw) : { success: true as const, data: null };
  if (!section.success) return { fieldErrors: { sectionId: 'Choose a section from the list.' }, headline, sectionId: sectionRaw };
  const result = await permitted(() => createArticle(me, { headline, sectionId: section.data }));
  if (!result.ok) return { fieldErrors: result.fieldErrors, headline, sectionId: sectionRaw };
  redirect(`/dashboard/articles/${result.id}`);
}

export type SaveActionResult =
  | { ok: true; version: number; savedAt: string; slug: string; path: string | null }
  | { ok: false; kind: 'conflict'; current: ConflictInfo }
  | { ok: false; kind: 'invalid'; fieldErrors: Record<string, string> }
  | { ok: false; kind: 'not_found' };

export async function saveArticleAction(articleId: number, expectedVersion: number, draft: unknown): Promise<SaveActionResult> {
  const me = await requireRole();
  const parsed = z.object({ articleId: id, expectedVersion: id }).safeParse({ articleId, expectedVersion });
  if (!parsed.success) return { ok: false, kind: 'invalid', fieldErrors: { form: 'The save request was malformed; reload the page.' } };
  const result = await permitted(() => saveArticle(me, parsed.data.articleId, parsed.data.expectedVersion, draft));
  if (!result.ok) return result;
  if (result.expire.length) expireTags(result.expire);
  return { ok: true, version: result.version, savedAt: result.savedAt, slug: result.slug, path: result.path };
}

const transitionSchema = z
  .object({
    articleId: id,
    transition: z.enum(['submit', 'return_to_draft', 'schedule', 'publish', 'withdraw', 'unwithdraw', 'unschedule']),
    publishAt: z
      .string()
      .optional()
      .transform((v) => (v ? new Date(v) : undefined))
      .refine((d) => d === undefined || !Number.isNaN(d.getTime()), 'Enter a valid date and time.'),
    override: z.boolean().optional(),
    reason: z.string().trim().max(MAX_WITHDRAWAL_REASON, `The reason can be at most ${MAX_WITHDRAWAL_REASON} characters.`).optional(),
  })
  // Checked here as well as in the mutation, so the answer names the field the person must fill in.
  .refine((v) => v.transition !== 'withdraw' || Boolean(v.reason), {
    path: ['reason'],
    message: 'Say why the story is being withdrawn: readers will see the reason on the corrections page.',
  });

export type TransitionActionResult =
  | { ok: true; status: string; path: string | null; publishedAt: string | null }
  | { ok: false; message: string; problems?: CheckResult[]; field?: 'reason' };

export async function transitionArticleAction(input: { articleId: number; transition: Transition; publishAt?: string; override?: boolean; reason?: string }): Promise<TransitionActionResult> {
  const me = await requireRole();
  const parsed = transitionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: issue?.message ?? 'That request was malformed.', field: issue?.path[0] === 'reason' ? 'reason' : undefined };
  }
  const { articleId, transition, publishAt, override, reason } = parsed.data;
  const result = await permitted(() => transitionArticle(me, articleId, transition, { publishAt, override, reason }));
  if (!result.ok) {
    if (result.kind === 'checklist') return { ok: false, message: 'The pre-publish checklist found problems.', problems: result.problems };
    if (result.kind === 'not_found') return { ok: false, message: 'That article no longer exists.' };
    return { ok: false, message: result.message, field: transition === 'withdraw' ? 'reason' : undefined };
  }
  if (result.expire.length) expireTags(result.expire);
  if (transition === 'schedule') wakeScheduler();
  return { ok: true, status: result.status, path: result.path, publishedAt: result.publishedAt };
}

export async function restoreRevisionAction(form: FormData): Promise<void> {
  const me = await requireRole();
  const parsed = z.object({ articleId: id, revisionId: id, version: id }).safeParse(Object.fromEntries(form));
  if (!parsed.success) redirect('/dashboard/articles');
  const { articleId, revisionId, version } = parsed.data;
  const result = await permitted(() => restoreRevision(me, articleId, revisionId, version));
  // A live story is not changed here: the revision opens in its editor, to go out only by Update.
  if (!result.ok && result.kind === 'live') redirect(`/dashboard/articles/${articleId}?restore=${revisionId}`);
  if (result.ok && result.expire.length) expireTags(result.expire);
  const outcome = result.ok ? 'restored' : result.kind === 'conflict' ? 'conflict' : 'failed';
  redirect(`/dashboard/articles/${articleId}/revisions?${outcome}=${revisionId}`);
}

/** The editor's heartbeat: marks me as editing, and says who else is. */
export async function editingHeartbeatAction(articleId: number, leaving = false): Promise<{ others: string[] }> {
  const me = await requireRole();
  const parsed = id.safeParse(articleId);
  if (!parsed.success) return { others: [] };
  const subject = await getArticleSubject(parsed.data);
  if (!subject) return { others: [] };
  await permitted(async () => assertCanOnArticle(me, 'view', subject));
  if (leaving) {
    await endEditSession(parsed.data, me.id);
    return { others: [] };
  }
  await touchEditSession(parsed.data, me.id);
  const editing = await listEditingNow([parsed.data]);
  return { others: (editing.get(parsed.data) ?? []).filter((e) => e.staffId !== me.id).map((e) => e.name) };
}
