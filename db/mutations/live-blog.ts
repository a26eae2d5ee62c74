import 'server-only';
import { and, eq, inArray, isNotNull, lt, max, ne, sql } from 'drizzle-orm';
import { bodyToText } from '../../lib/article-body';
import { liveBlogSettingsSchema, liveEntryEditSchema, liveEntryInputSchema, type LiveEntryEdit, type LiveEntryInput } from '../../lib/live-blog';
import { assertCan, assertCanOnLiveEntry, type Actor, type LiveEntryAction } from '../../lib/permissions';
import { getDb, type Db } from '../client';
import { recordInvalidation } from '../invalidation';
import { articles, auditLog, liveBlogs, liveEntries, liveEntryAuthors, sections, staff } from '../schema';
import { liveBlogChangeTags, liveEntryChangeTags } from '../tags';

// Writes to live blogs. The order of every article mutation: check the actor, validate, then one
// transaction that locks the blog's row (FOR UPDATE), so concurrent posts from several reporters
// take versions one after another and commit in that order; the change records its cache tags in
// the invalidation outbox before commit, and the caller passes the same tags to expireTags().

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** How long a deleted entry is remembered so readers' pages can be told to remove it. */
export const LIVE_DELETION_KEEP_MS = 6 * 3600_000;

export type LiveResult<T = object> =
  | ({ ok: true; expire: string[]; version: number } & T)
  | { ok: false; kind: 'invalid'; message: string; fieldErrors: Record<string, string> }
  | { ok: false; kind: 'not_found' | 'ended' | 'conflict'; message: string };

const notFound = { ok: false, kind: 'not_found', message: 'That live blog or entry no longer exists.' } as const;

function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }): LiveResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false, kind: 'invalid', message: Object.values(fieldErrors)[0] ?? 'Please correct the marked fields.', fieldErrors };
}

type BlogRow = { articleId: number; version: number; coverageStart: Date; coverageEnd: Date | null; status: string; sectionSlug: string | null };

/** Locks the blog's row for this transaction: every change to its entries goes through here. */
async function lockBlog(tx: Tx, articleId: number): Promise<BlogRow | null> {
  const [row] = await tx
    .select({ articleId: liveBlogs.articleId, version: liveBlogs.version, coverageStart: liveBlogs.coverageStart, coverageEnd: liveBlogs.coverageEnd })
    .from(liveBlogs)
    .where(eq(liveBlogs.articleId, articleId))
    .for('update');
  if (!row) return null;
  const [article] = await tx.select({ status: articles.status, sectionSlug: sections.slug }).from(articles).leftJoin(sections, eq(sections.id, articles.sectionId)).where(eq(articles.id, articleId));
  return { ...row, status: article?.status ?? 'draft', sectionSlug: article?.sectionSlug ?? null };
}

/** Takes the blog's next version (the row is locked): the version this change is known by. */
async function nextVersion(tx: Tx, blog: BlogRow, now: Date): Promise<number> {
  const version = blog.version + 1;
  await tx.update(liveBlogs).set({ version, modifiedAt: now }).where(eq(liveBlogs.articleId, blog.articleId));
  return version;
}

async function finish(tx: Tx, tags: string[]): Promise<string[]> {
  await recordInvalidation(tx, tags);
  return tags;
}

/** Staff credited besides the poster: active staff who may post, in the order given. */
async function creditedAuthors(tx: Tx, actor: Actor, extra: number[]): Promise<number[] | null> {
  const ids = [actor.id, ...extra.filter((id) => id !== actor.id)];
  if (ids.length === 1) return ids;
  const rows = await tx.select({ id: staff.id }).from(staff).where(and(inArray(staff.id, ids), eq(staff.active, true), ne(staff.role, 'contributor')));
  return rows.length === ids.length ? ids : null;
}

/** Makes an article a live blog (editors): coverage starts now. Doing it twice changes nothing. */
export async function makeLiveBlog(actor: Actor, articleId: number, options: { now?: Date } = {}): Promise<LiveResult> {
  assertCan(actor, 'live.moderate');
  const now = options.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const [article] = await tx.select({ id: articles.id, sectionSlug: sections.slug }).from(articles).leftJoin(sections, eq(sections.id, articles.sectionId)).where(eq(articles.id, articleId)).for('update', { of: articles });
    if (!article) return notFound;
    const inserted = await tx.insert(liveBlogs).values({ articleId, coverageStart: now, createdAt: now, modifiedAt: now }).onConflictDoNothing().returning({ id: liveBlogs.articleId });
    if (inserted.length === 0) return { ok: true, expire: [], version: 0 };
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'live.create', subject: `article:${articleId}` });
    return { ok: true, expire: await finish(tx, liveBlogChangeTags(articleId, true, article.sectionSlug)), version: 0 };
  });
}

/** The summary, the start of coverage and the readers' poll interval (editors). */
export async function updateLiveBlogSettings(actor: Actor, articleId: number, input: unknown, options: { now?: Date } = {}): Promise<LiveResult> {
  assertCan(actor, 'live.moderate');
  const parsed = liveBlogSettingsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const now = options.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const blog = await lockBlog(tx, articleId);
    if (!blog) return notFound;
    const coverageStart = parsed.data.coverageStart ?? blog.coverageStart;
    if (blog.coverageEnd && coverageStart > blog.coverageEnd) {
      return { ok: false, kind: 'invalid', message: 'Coverage cannot start after it ended.', fieldErrors: { coverageStart: 'Coverage cannot start after it ended.' } };
    }
    // The interval travels in every update answer, which is keyed by version: a new version makes
    // every reader's next answer a fresh one, so slowing readers down reaches all of them at once.
    const version = await nextVersion(tx, blog, now);
    await tx.update(liveBlogs).set({ summary: parsed.data.summary, pollSeconds: parsed.data.pollSeconds, coverageStart }).where(eq(liveBlogs.articleId, articleId));
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'live.settings', subject: `article:${articleId}`, detail: { pollSeconds: parsed.data.pollSeconds } });
    const coverageChanged = coverageStart.getTime() !== blog.coverageStart.getTime();
    return { ok: true, expire: await finish(tx, liveBlogChangeTags(articleId, coverageChanged, blog.sectionSlug)), version };
  });
}

/** Ends coverage now, or reopens it (editors). Readers' pages stop asking once it has ended. */
export async function setLiveCoverage(actor: Actor, articleId: number, ended: boolean, options: { now?: Date } = {}): Promise<LiveResult> {
  assertCan(actor, 'live.moderate');
  const now = options.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const blog = await lockBlog(tx, articleId);
    if (!blog) return notFound;
    if (Boolean(blog.coverageEnd) === ended) return { ok: true, expire: [], version: blog.version };
    const version = await nextVersion(tx, blog, now);
    const coverageEnd = ended ? (now < blog.coverageStart ? blog.coverageStart : now) : null;
    await tx.update(liveBlogs).set({ coverageEnd }).where(eq(liveBlogs.articleId, articleId));
    await tx.insert(auditLog).values({ staffId: actor.id, action: ended ? 'live.end' : 'live.reopen', subject: `article:${articleId}` });
    return { ok: true, expire: await finish(tx, liveBlogChangeTags(articleId, true, blog.sectionSlug)), version };
  });
}

/** Clears any other pinned entry of the blog (one pinned entry at most), at this change's version. */
async function unpinOthers(tx: Tx, articleId: number, exceptId: number, version: number): Promise<boolean> {
  const cleared = await tx
    .update(liveEntries)
    .set({ pinned: false, version })
    .where(and(eq(liveEntries.articleId, articleId), eq(liveEntries.pinned, true), ne(liveEntries.id, exceptId)))
    .returning({ keyEvent: liveEntries.keyEvent });
  return cleared.some((c) => c.keyEvent);
}

/**
 * Posts an entry (reporters: authors and up). Marking it a key event or pinning it at once is an
 * editor's call. Refused when coverage has ended or the story was withdrawn.
 */
export async function postLiveEntry(
  actor: Actor,
  articleId: number,
  input: LiveEntryInput & { coAuthorIds?: number[] },
  options: { now?: Date } = {},
): Promise<LiveResult<{ id: number }>> {
  assertCan(actor, 'live.post');
  const parsed = liveEntryInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (parsed.data.keyEvent || parsed.data.pinned) assertCan(actor, 'live.moderate');
  // Milliseconds only: the reader pages' cursors are in milliseconds, and must find this entry.
  const now = new Date(Math.floor((options.now ?? new Date()).getTime()));
  return getDb().transaction(async (tx) => {
    const blog = await lockBlog(tx, articleId);
    if (!blog) return notFound;
    if (blog.status === 'withdrawn') return { ok: false, kind: 'ended', message: 'This story was withdrawn: nothing more can be posted to it.' };
    if (blog.coverageEnd) return { ok: false, kind: 'ended', message: 'Coverage of this live blog has ended. An editor can reopen it to post again.' };
    const authors = await creditedAuthors(tx, actor, input.coAuthorIds ?? []);
    if (!authors) return { ok: false, kind: 'invalid', message: 'Credit only active staff who may post.', fieldErrors: { coAuthorIds: 'Credit only active staff who may post.' } };
    const version = await nextVersion(tx, blog, now);
    const [entry] = await tx
      .insert(liveEntries)
      .values({
        articleId,
        title: parsed.data.title,
        body: parsed.data.body,
        bodyText: bodyToText(parsed.data.body),
        postedAt: now,
        keyEvent: parsed.data.keyEvent,
        pinned: false,
        version,
        createdBy: actor.id,
      })
      .returning({ id: liveEntries.id });
    let keyEventTouched = parsed.data.keyEvent;
    if (parsed.data.pinned) {
      keyEventTouched = (await unpinOthers(tx, articleId, entry!.id, version)) || keyEventTouched;
      await tx.update(liveEntries).set({ pinned: true }).where(eq(liveEntries.id, entry!.id));
    }
    await tx.insert(liveEntryAuthors).values(authors.map((staffId, position) => ({ entryId: entry!.id, staffId, position })));
    return { ok: true, id: entry!.id, expire: await finish(tx, liveEntryChangeTags(articleId, keyEventTouched)), version };
  });
}

type EntryState = { id: number; articleId: number; version: number; keyEvent: boolean; pinned: boolean; correction: string | null; createdBy: number | null; authorIds: number[] };

/** The entry (not deleted) and its blog, both locked: the blog first, always, so two changes never deadlock. */
async function lockEntry(tx: Tx, entryId: number): Promise<{ blog: BlogRow; entry: EntryState } | null> {
  const [where] = await tx.select({ articleId: liveEntries.articleId }).from(liveEntries).where(eq(liveEntries.id, entryId));
  if (!where) return null;
  const blog = await lockBlog(tx, where.articleId);
  if (!blog) return null;
  const [row] = await tx
    .select({ id: liveEntries.id, articleId: liveEntries.articleId, version: liveEntries.version, keyEvent: liveEntries.keyEvent, pinned: liveEntries.pinned, correction: liveEntries.correction, createdBy: liveEntries.createdBy, deletedAt: liveEntries.deletedAt })
    .from(liveEntries)
    .where(eq(liveEntries.id, entryId))
    .for('update');
  if (!row || row.deletedAt) return null;
  const authorIds = (await tx.select({ id: liveEntryAuthors.staffId }).from(liveEntryAuthors).where(eq(liveEntryAuthors.entryId, entryId))).map((a) => a.id);
  return { blog, entry: { ...row, authorIds } };
}

/**
 * Edits an entry's words (its reporters, and editors); a correction note is an editor's. The entry
 * keeps its time and place; readers see "Edited". `expectedVersion` is the entry's version the
 * person started from: if someone else changed it since, nothing is written and they are told.
 */
export async function editLiveEntry(actor: Actor, entryId: number, input: LiveEntryEdit, options: { now?: Date } = {}): Promise<LiveResult> {
  const parsed = liveEntryEditSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const now = options.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const found = await lockEntry(tx, entryId);
    if (!found) return notFound;
    const { blog, entry } = found;
    assertCanOnLiveEntry(actor, 'edit', entry);
    const correction = parsed.data.correction === undefined ? entry.correction : parsed.data.correction || null;
    if (correction !== entry.correction) assertCanOnLiveEntry(actor, 'correct', entry);
    if (entry.version !== parsed.data.expectedVersion) {
      return { ok: false, kind: 'conflict', message: 'Someone else changed this entry while you were editing it. Copy your text, reload, and apply your change again.' };
    }
    const version = await nextVersion(tx, blog, now);
    await tx
      .update(liveEntries)
      .set({ title: parsed.data.title, body: parsed.data.body, bodyText: bodyToText(parsed.data.body), correction, editedAt: now, version })
      .where(eq(liveEntries.id, entryId));
    if (correction !== entry.correction) await tx.insert(auditLog).values({ staffId: actor.id, action: 'live.correct', subject: `article:${entry.articleId}`, detail: { entryId } });
    return { ok: true, expire: await finish(tx, liveEntryChangeTags(entry.articleId, entry.keyEvent)), version };
  });
}

/** Marks or unmarks a key event, pins or unpins (editors). Pinning one entry unpins any other. */
export async function setLiveEntryFlag(actor: Actor, entryId: number, flag: 'keyEvent' | 'pinned', value: boolean, options: { now?: Date } = {}): Promise<LiveResult> {
  const now = options.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const found = await lockEntry(tx, entryId);
    if (!found) return notFound;
    const { blog, entry } = found;
    const action: LiveEntryAction = flag === 'keyEvent' ? 'key-event' : 'pin';
    assertCanOnLiveEntry(actor, action, entry);
    if (entry[flag] === value) return { ok: true, expire: [], version: blog.version };
    const version = await nextVersion(tx, blog, now);
    let keyEventTouched = flag === 'keyEvent' || entry.keyEvent;
    if (flag === 'pinned' && value) keyEventTouched = (await unpinOthers(tx, entry.articleId, entryId, version)) || keyEventTouched;
    await tx.update(liveEntries).set({ [flag]: value, version }).where(eq(liveEntries.id, entryId));
    return { ok: true, expire: await finish(tx, liveEntryChangeTags(entry.articleId, keyEventTouched)), version };
  });
}

/**
 * Deletes an entry (its reporters, and editors). Its words are erased at once; the row stays as a record, so readers'
 * pages holding it are told to remove it, for LIVE_DELETION_KEEP_MS. Records older than that are
 * pruned here, and the blog remembers the newest version it forgot: a page older than that
 * starts again from the first page.
 */
export async function deleteLiveEntry(actor: Actor, entryId: number, options: { now?: Date; keepMs?: number } = {}): Promise<LiveResult> {
  const now = options.now ?? new Date();
  const keepMs = options.keepMs ?? LIVE_DELETION_KEEP_MS;
  return getDb().transaction(async (tx) => {
    const found = await lockEntry(tx, entryId);
    if (!found) return notFound;
    const { blog, entry } = found;
    assertCanOnLiveEntry(actor, 'delete', entry);
    const version = await nextVersion(tx, blog, now);
    await tx
      .update(liveEntries)
      .set({ deletedAt: now, pinned: false, title: '', body: { type: 'doc', content: [] }, bodyText: '', correction: null, version })
      .where(eq(liveEntries.id, entryId));
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'live.delete', subject: `article:${entry.articleId}`, detail: { entryId } });
    await pruneDeletionRecords(tx, entry.articleId, new Date(now.getTime() - keepMs));
    return { ok: true, expire: await finish(tx, liveEntryChangeTags(entry.articleId, entry.keyEvent)), version };
  });
}

async function pruneDeletionRecords(tx: Tx, articleId: number, before: Date): Promise<void> {
  const old = and(eq(liveEntries.articleId, articleId), isNotNull(liveEntries.deletedAt), lt(liveEntries.deletedAt, before));
  const [newest] = await tx.select({ version: max(liveEntries.version) }).from(liveEntries).where(old);
  if (newest?.version == null) return;
  await tx.delete(liveEntries).where(old);
  await tx
    .update(liveBlogs)
    .set({ prunedVersion: sql`greatest(${liveBlogs.prunedVersion}, ${newest.version})` })
    .where(eq(liveBlogs.articleId, articleId));
}
