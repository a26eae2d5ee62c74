import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { bodyToText } from '../../lib/article-body';
import { articleDraftSchema, draftFromArticle, fieldErrors, type ArticleDraft } from '../../lib/article-draft';
import { publishBlockers, runChecklist, type CheckResult } from '../../lib/checklist';
import { formatDateTime } from '../../lib/dates';
import { assertCan, assertCanOnArticle, type Actor, type ArticleAction, type ArticleSubject } from '../../lib/permissions';
import { articlePath, slugify } from '../../lib/urls';
import { getDb, type Db } from '../client';
import { rowsOf } from '../connection';
import { recordInvalidation, recorded } from '../invalidation';
import { articleAuthors, articles, articleTags, articleWithdrawals, auditLog, media, revisions, sections, siteSettings, staff, tags, urlHistory } from '../schema';
import { type ArticleStatus } from '../../lib/domain';
import { articleChangeTags, liveStatusChangeTags, type ArticleTagInput } from '../tags';

// Writes to articles. Every function checks the actor's permission against the article as it is
// in the database (not as the form says it is), writes in one transaction, and returns the cache
// tags the caller must expire (server actions and route handlers call expireTags with them).

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Statuses whose article readers can reach (a withdrawn article answers 410 at its URL). */
const READER_VISIBLE: ArticleStatus[] = ['published', 'withdrawn'];

type State = {
  id: number;
  slug: string;
  status: ArticleStatus;
  version: number;
  path: string | null;
  sectionId: number | null;
  sectionSlug: string | null;
  createdBy: number | null;
  firstPublishedAt: Date | null;
  publishedAt: Date | null;
  embargoUntil: Date | null;
  authorIds: number[];
  authorSlugs: string[];
  topicSlugs: string[];
};

async function loadState(tx: Tx, id: number, lock: boolean): Promise<State | null> {
  const query = tx
    .select({
      id: articles.id,
      slug: articles.slug,
      status: articles.status,
      version: articles.version,
      path: articles.path,
      sectionId: articles.sectionId,
      createdBy: articles.createdBy,
      firstPublishedAt: articles.firstPublishedAt,
      publishedAt: articles.publishedAt,
      embargoUntil: articles.embargoUntil,
    })
    .from(articles)
    .where(eq(articles.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) return null;
  const [section, authorRows, tagRows] = await Promise.all([
    row.sectionId ? tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, row.sectionId)) : Promise.resolve([]),
    tx
      .select({ id: staff.id, slug: staff.slug })
      .from(articleAuthors)
      .innerJoin(staff, eq(staff.id, articleAuthors.staffId))
      .where(eq(articleAuthors.articleId, id))
      .orderBy(asc(articleAuthors.position)),
    tx.select({ slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, id)),
  ]);
  return {
    ...row,
    sectionSlug: section[0]?.slug ?? null,
    authorIds: authorRows.map((a) => a.id),
    authorSlugs: authorRows.map((a) => a.slug),
    topicSlugs: tagRows.map((t) => t.slug),
  };
}

const subjectOf = (s: State): ArticleSubject => ({ createdBy: s.createdBy, authorIds: s.authorIds, status: s.status });
const tagInputOf = (s: State): ArticleTagInput => ({ id: s.id, slug: s.slug, sectionSlug: s.sectionSlug, authorSlugs: s.authorSlugs, topicSlugs: s.topicSlugs });

/** The reader pages a change touched, if readers could see the article before or after it. */
function tagsToExpire(before: State, after: State): string[] {
  const visible = (s: State) => READER_VISIBLE.includes(s.status);
  if (!visible(before) && !visible(after)) return [];
  return [
    ...articleChangeTags(visible(before) ? tagInputOf(before) : null, visible(after) ? tagInputOf(after) : null),
    ...liveStatusChangeTags(before.status === 'published', after.status === 'published'),
  ];
}

async function siteTimeZone(tx: Tx): Promise<string> {
  const [row] = await tx.select({ timeZone: siteSettings.timeZone }).from(siteSettings).where(eq(siteSettings.id, 1));
  return row?.timeZone ?? 'Europe/London';
}

/** The paper's locale and time zone, for times said in messages (the reader pages' defaults if unset). */
async function siteLocaleAndZone(tx: Tx): Promise<[locale: string, timeZone: string]> {
  const [row] = await tx.select({ locale: siteSettings.locale, timeZone: siteSettings.timeZone }).from(siteSettings).where(eq(siteSettings.id, 1));
  return [row?.locale ?? 'en-GB', row?.timeZone ?? 'Europe/London'];
}

async function audit(tx: Tx, actorId: number | null, action: string, articleId: number, detail: Record<string, unknown> = {}) {
  await tx.insert(auditLog).values({ staffId: actorId, action, subject: `article:${articleId}`, detail });
}

/** A slug no other article has: the wanted one, or it with -2, -3, ... */
async function freeSlug(tx: Tx, wanted: string, exceptId: number | null): Promise<string> {
  const base = wanted.slice(0, 110).replace(/-+$/, '') || 'untitled';
  const taken = await tx
    .select({ slug: articles.slug })
    .from(articles)
    .where(and(sql`(${articles.slug} = ${base} OR ${articles.slug} LIKE ${`${base}-%`})`, exceptId ? ne(articles.id, exceptId) : undefined));
  const used = new Set(taken.map((t) => t.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The audit entries of a save: every edit to a published article (which fields), and, once an
 * article has been published, a new address or section; a change of comment mode at any time.
 * Drafts' own autosaves are not logged: the revisions hold them.
 */
async function auditSave(
  tx: Tx,
  actorId: number,
  before: State,
  prior: { headline: string; standfirst: string; body: unknown; commentMode: string; featuredImageId: number | null; seoTitle: string | null; seoDescription: string | null },
  draft: ArticleDraft,
  sectionSlug: string | null,
  version: number,
) {
  const published = before.firstPublishedAt !== null;
  if (published && draft.slug !== before.slug) await audit(tx, actorId, 'article.slug', before.id, { from: before.slug, to: draft.slug });
  if (published && draft.sectionId !== before.sectionId) {
    const names = await sectionNames(tx, [before.sectionId, draft.sectionId]);
    await audit(tx, actorId, 'article.section', before.id, { from: names.get(before.sectionId) ?? before.sectionSlug, to: names.get(draft.sectionId) ?? sectionSlug });
  }
  if (draft.commentMode !== prior.commentMode) await audit(tx, actorId, 'article.comments', before.id, { from: prior.commentMode, to: draft.commentMode });
  if (before.status !== 'published') return;
  const changed = [
    draft.headline !== prior.headline && 'headline',
    draft.standfirst !== prior.standfirst && 'standfirst',
    JSON.stringify(draft.body) !== JSON.stringify(prior.body) && 'text',
    draft.featuredImageId !== prior.featuredImageId && 'image',
    (draft.seoTitle ?? null) !== prior.seoTitle || (draft.seoDescription ?? null) !== prior.seoDescription ? 'search fields' : false,
  ].filter((c): c is string => Boolean(c));
  await audit(tx, actorId, 'article.update', before.id, { version, changed });
}

async function sectionNames(tx: Tx, ids: (number | null)[]): Promise<Map<number | null, string>> {
  const wanted = ids.filter((i): i is number => i !== null);
  if (!wanted.length) return new Map();
  const rows = await tx.select({ id: sections.id, name: sections.name }).from(sections).where(inArray(sections.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type CreateResult = { ok: true; id: number } | { ok: false; fieldErrors: Record<string, string> };

export async function createArticle(actor: Actor, input: { headline: string; sectionId?: number | null }): Promise<CreateResult> {
  assertCan(actor, 'article.create');
  const headline = input.headline.trim();
  if (!headline) return { ok: false, fieldErrors: { headline: 'Give the article a headline.' } };
  if (headline.length > 300) return { ok: false, fieldErrors: { headline: 'Headlines can be at most 300 characters.' } };
  return getDb().transaction(async (tx) => {
    let sectionId: number | null = null;
    if (input.sectionId) {
      const [s] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, input.sectionId));
      if (!s) return { ok: false as const, fieldErrors: { sectionId: 'That section no longer exists.' } };
      sectionId = s.id;
    }
    const slug = await freeSlug(tx, slugify(headline), null);
    const [row] = await tx.insert(articles).values({ headline, slug, sectionId, createdBy: actor.id }).returning({ id: articles.id });
    const id = row!.id;
    await tx.insert(articleAuthors).values({ articleId: id, staffId: actor.id, position: 0 });
    const snapshot: ArticleDraft = articleDraftSchema.parse({ headline, slug, sectionId, authorIds: [actor.id], body: { type: 'doc', content: [] } });
    await tx.insert(revisions).values({ articleId: id, version: 1, snapshot, staffId: actor.id });
    await audit(tx, actor.id, 'article.create', id, { headline });
    return { ok: true as const, id };
  });
}

export type ConflictInfo = { version: number; draft: ArticleDraft; savedBy: string | null; savedAt: string };

export type SaveResult =
  | { ok: true; version: number; savedAt: string; slug: string; path: string | null; expire: string[] }
  | { ok: false; kind: 'conflict'; current: ConflictInfo }
  | { ok: false; kind: 'invalid'; fieldErrors: Record<string, string> }
  | { ok: false; kind: 'not_found' };

/** The article as it is now, in the editor's shape, and who saved it last: the other side of a conflict. */
async function currentVersion(tx: Tx, id: number): Promise<ConflictInfo> {
  const [row] = await tx.select().from(articles).where(eq(articles.id, id));
  const [authorRows, tagRows, [rev]] = await Promise.all([
    tx.select({ staffId: articleAuthors.staffId }).from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(asc(articleAuthors.position)),
    tx.select({ name: tags.name }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, id)).orderBy(asc(tags.name)),
    tx
      .select({ createdAt: revisions.createdAt, name: staff.name })
      .from(revisions)
      .leftJoin(staff, eq(staff.id, revisions.staffId))
      .where(eq(revisions.articleId, id))
      .orderBy(desc(revisions.version))
      .limit(1),
  ]);
  const a = row!;
  return {
    version: a.version,
    savedBy: rev?.name ?? null,
    savedAt: (rev?.createdAt ?? a.modifiedAt).toISOString(),
    draft: draftFromArticle(a, { tags: tagRows.map((t) => t.name), authorIds: authorRows.map((r) => r.staffId) }),
  };
}

/**
 * Saves the editor's fields as a new version: article, tags, authors, URL history and revision in
 * one transaction. Refuses (nothing written) when someone saved since `expectedVersion`.
 */
export async function saveArticle(
  actor: Actor,
  id: number,
  expectedVersion: number,
  input: unknown,
  options: { action?: string; unlessStatus?: ArticleStatus[] } = {},
): Promise<SaveResult> {
  const parsed = articleDraftSchema.safeParse(input);
  if (!parsed.success) return { ok: false, kind: 'invalid', fieldErrors: fieldErrors(parsed.error) };
  const draft = parsed.data;
  return getDb().transaction(async (tx): Promise<SaveResult> => {
    const before = await loadState(tx, id, true);
    if (!before) return { ok: false, kind: 'not_found' };
    assertCanOnArticle(actor, 'edit', subjectOf(before));
    if (before.version !== expectedVersion) return { ok: false, kind: 'conflict', current: await currentVersion(tx, id) };
    // The caller decided on the article's status before this lock (a revision restore): if it
    // changed meanwhile, the article is not what the person looked at.
    if (options.unlessStatus?.includes(before.status)) return { ok: false, kind: 'conflict', current: await currentVersion(tx, id) };

    const errors: Record<string, string> = {};
    const [slugOwner] = await tx.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, draft.slug), ne(articles.id, id)));
    if (slugOwner) errors.slug = 'Another article already uses this slug; choose another.';
    let sectionSlug: string | null = null;
    if (draft.sectionId) {
      const [s] = await tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, draft.sectionId));
      if (!s) errors.sectionId = 'That section no longer exists.';
      sectionSlug = s?.slug ?? null;
    } else if (before.status === 'published' || before.status === 'scheduled') {
      errors.sectionId = 'A published or scheduled article needs a section.';
    }
    const authorRows = draft.authorIds.length
      ? await tx.select({ id: staff.id, slug: staff.slug }).from(staff).where(inArray(staff.id, draft.authorIds))
      : [];
    if (authorRows.length !== draft.authorIds.length) errors.authorIds = 'One of the authors no longer exists.';
    if (draft.featuredImageId) {
      const [m] = await tx.select({ id: media.id, alt: media.alt }).from(media).where(eq(media.id, draft.featuredImageId));
      if (!m) errors.featuredImageId = 'That image is no longer in the media library.';
      else if (before.status === 'published' && !draft.featuredAlt?.trim() && !m.alt.trim()) errors.featuredAlt = 'A published article’s image needs alt text: describe what it shows.';
    }
    if (before.status === 'published' && draft.body.content.some((b) => b.type === 'image' && !b.attrs.alt.trim())) {
      errors.body = 'Every image in a published article needs alt text: select the image and describe what it shows.';
    }
    if (Object.keys(errors).length) return { ok: false, kind: 'invalid', fieldErrors: errors };

    // Tags are created on the fly, by name; the slug decides whether two names are the same tag.
    const tagIds: number[] = [];
    const topicSlugs: string[] = [];
    for (const name of draft.tags) {
      const slug = slugify(name, 80);
      if (topicSlugs.includes(slug)) continue;
      const [existing] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug));
      const tagId = existing?.id ?? (await tx.insert(tags).values({ slug, name }).onConflictDoNothing().returning({ id: tags.id }))[0]?.id;
      const resolved = tagId ?? (await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)))[0]!.id;
      tagIds.push(resolved);
      topicSlugs.push(slug);
    }

    // Once readers have seen it, a new section or slug moves the article: the old URL goes into
    // the history (answered with a 301) and the date in the URL stays that of first publication.
    let path = before.path;
    if (before.firstPublishedAt && sectionSlug) {
      const next = articlePath({ sectionSlug, slug: draft.slug, firstPublishedAt: before.firstPublishedAt }, await siteTimeZone(tx));
      if (next !== before.path) {
        if (before.path) {
          await tx
            .insert(urlHistory)
            .values({ path: before.path, articleId: id })
            .onConflictDoUpdate({ target: urlHistory.path, set: { articleId: id, createdAt: new Date() } });
        }
        // Moving back to an old URL makes it current again.
        await tx.delete(urlHistory).where(and(eq(urlHistory.path, next), eq(urlHistory.articleId, id)));
        path = next;
      }
    }

    // What the audit log records of this save is decided against the row as it was.
    const [prior] = await tx
      .select({
        headline: articles.headline,
        standfirst: articles.standfirst,
        body: articles.body,
        commentMode: articles.commentMode,
        featuredImageId: articles.featuredImageId,
        seoTitle: articles.seoTitle,
        seoDescription: articles.seoDescription,
      })
      .from(articles)
      .where(eq(articles.id, id));

    const now = new Date();
    const version = before.version + 1;
    const substantive = before.status === 'published';
    await tx
      .update(articles)
      .set({
        headline: draft.headline,
        standfirst: draft.standfirst,
        slug: draft.slug,
        path,
        sectionId: draft.sectionId,
        body: draft.body,
        bodyText: bodyToText(draft.body),
        bylineText: draft.bylineText,
        wireInitials: draft.wireInitials,
        wireAgencies: draft.wireAgencies,
        featuredImageId: draft.featuredImageId,
        featuredAlt: draft.featuredAlt,
        featuredCaption: draft.featuredCaption,
        featuredCredit: draft.featuredCredit,
        seoTitle: draft.seoTitle,
        seoDescription: draft.seoDescription,
        canonicalUrl: draft.canonicalUrl,
        commentMode: draft.commentMode,
        commentsCloseAt: draft.commentsCloseAt ? new Date(draft.commentsCloseAt) : null,
        embargoUntil: draft.embargoUntil ? new Date(draft.embargoUntil) : null,
        version,
        modifiedAt: now,
        ...(substantive ? { updatedAt: now } : {}),
      })
      .where(eq(articles.id, id));
    await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, id));
    if (draft.authorIds.length) {
      await tx.insert(articleAuthors).values(draft.authorIds.map((staffId, position) => ({ articleId: id, staffId, position })));
    }
    await tx.delete(articleTags).where(eq(articleTags.articleId, id));
    if (tagIds.length) await tx.insert(articleTags).values(tagIds.map((tagId) => ({ articleId: id, tagId })));
    await tx.insert(revisions).values({ articleId: id, version, snapshot: draft, staffId: actor.id, createdAt: now });
    if (options.action) await audit(tx, actor.id, options.action, id, { version });
    await auditSave(tx, actor.id, before, prior!, draft, sectionSlug, version);

    const bySlug = new Map(authorRows.map((a) => [a.id, a.slug]));
    const after: State = {
      ...before,
      slug: draft.slug,
      path,
      sectionId: draft.sectionId,
      sectionSlug,
      version,
      authorIds: draft.authorIds,
      authorSlugs: draft.authorIds.map((a) => bySlug.get(a)!),
      topicSlugs,
    };
    return { ok: true, version, savedAt: now.toISOString(), slug: draft.slug, path, expire: await recorded(tx, tagsToExpire(before, after)) };
  });
}

/** Statuses whose fields readers see (or will at a set time): they change only by "Update". */
const LIVE_STATUSES: ArticleStatus[] = ['published', 'scheduled'];

/** `live`: the article is published or scheduled, so the revision goes into the editor instead. */
export type RestoreResult = SaveResult | { ok: false; kind: 'live' };

/**
 * Saves an old revision's fields as the newest version (nothing is lost: the newer ones stay), for
 * an article readers do not see. A published or scheduled article is refused with `live`, writing
 * nothing: restoring is an edit like any other, and an edit to a live story waits in the editor
 * until someone clicks Update, so the caller opens the revision there.
 */
export async function restoreRevision(actor: Actor, articleId: number, revisionId: number, expectedVersion: number): Promise<RestoreResult> {
  const [rev] = await getDb()
    .select({ snapshot: revisions.snapshot, version: revisions.version })
    .from(revisions)
    .where(and(eq(revisions.id, revisionId), eq(revisions.articleId, articleId)));
  if (!rev) return { ok: false, kind: 'not_found' };
  const subject = await getArticleSubject(articleId);
  if (!subject) return { ok: false, kind: 'not_found' };
  assertCanOnArticle(actor, 'edit', subject);
  if (LIVE_STATUSES.includes(subject.status)) return { ok: false, kind: 'live' };
  const snapshot = { ...rev.snapshot };
  const options = { action: 'article.restore', unlessStatus: LIVE_STATUSES };
  // The slug may have been taken by another article since; keep the current one in that case.
  const result = await saveArticle(actor, articleId, expectedVersion, snapshot, options);
  if (!result.ok && result.kind === 'invalid' && result.fieldErrors.slug) {
    const [current] = await getDb().select({ slug: articles.slug }).from(articles).where(eq(articles.id, articleId));
    return saveArticle(actor, articleId, expectedVersion, { ...snapshot, slug: current?.slug }, options);
  }
  return result;
}

/** `unwithdraw` takes a withdrawn article back to a draft (republishing is `publish`). */
export type Transition = 'submit' | 'return_to_draft' | 'schedule' | 'publish' | 'withdraw' | 'unwithdraw' | 'unschedule';

/** The longest withdrawal reason the corrections page will print. */
export const MAX_WITHDRAWAL_REASON = 1000;

export type TransitionResult =
  | { ok: true; status: ArticleStatus; path: string | null; publishedAt: string | null; expire: string[] }
  | { ok: false; kind: 'not_found' }
  | { ok: false; kind: 'invalid'; message: string }
  | { ok: false; kind: 'checklist'; problems: CheckResult[] };

const ALLOWED_FROM: Record<Transition, ArticleStatus[]> = {
  submit: ['draft'],
  return_to_draft: ['in_review'],
  schedule: ['draft', 'in_review', 'scheduled'],
  publish: ['draft', 'in_review', 'scheduled', 'withdrawn'],
  withdraw: ['published'],
  unwithdraw: ['withdrawn'],
  unschedule: ['scheduled'],
};

const PERMISSION: Record<Transition, ArticleAction> = {
  submit: 'submit',
  return_to_draft: 'edit',
  schedule: 'publish',
  publish: 'publish',
  withdraw: 'withdraw',
  // Whoever may withdraw a story may take it back off the corrections page's list of gone stories.
  unwithdraw: 'withdraw',
  unschedule: 'publish',
};

async function checklistFor(tx: Tx, id: number): Promise<{ results: CheckResult[]; blocking: string[] }> {
  const [row] = await tx
    .select({
      headline: articles.headline,
      standfirst: articles.standfirst,
      seoDescription: articles.seoDescription,
      sectionId: articles.sectionId,
      bylineText: articles.bylineText,
      body: articles.body,
      featuredImageId: articles.featuredImageId,
      featuredAlt: sql<string | null>`coalesce(nullif(${articles.featuredAlt}, ''), ${media.alt})`,
    })
    .from(articles)
    .leftJoin(media, eq(media.id, articles.featuredImageId))
    .where(eq(articles.id, id));
  const [authors] = await tx.select({ n: sql<number>`count(*)::int` }).from(articleAuthors).where(eq(articleAuthors.articleId, id));
  const [settings] = await tx.select({ blocking: siteSettings.blockingChecks }).from(siteSettings).where(eq(siteSettings.id, 1));
  const results = runChecklist({
    headline: row!.headline,
    standfirst: row!.standfirst,
    seoDescription: row!.seoDescription,
    sectionId: row!.sectionId,
    authorCount: Number(authors?.n ?? 0),
    bylineText: row!.bylineText,
    body: row!.body,
    featuredAlt: row!.featuredAlt,
    hasFeaturedImage: row!.featuredImageId !== null,
  });
  return { results, blocking: settings?.blocking ?? [] };
}

/**
 * Moves an article through the workflow: draft → in review → scheduled → published → withdrawn.
 * Publishing and scheduling run the checklist (warnings need `override`) and respect the embargo.
 */
export async function transitionArticle(
  actor: Actor,
  id: number,
  transition: Transition,
  options: { publishAt?: Date; override?: boolean; now?: Date; reason?: string } = {},
): Promise<TransitionResult> {
  const now = options.now ?? new Date();
  return getDb().transaction(async (tx): Promise<TransitionResult> => {
    const before = await loadState(tx, id, true);
    if (!before) return { ok: false, kind: 'not_found' };
    assertCanOnArticle(actor, PERMISSION[transition], subjectOf(before));
    if (!ALLOWED_FROM[transition].includes(before.status)) {
      return { ok: false, kind: 'invalid', message: `A ${before.status.replace('_', ' ')} article cannot be changed that way. Reload to see its current state.` };
    }
    const set: Partial<typeof articles.$inferInsert> = { modifiedAt: now };
    let auditDetail: Record<string, unknown> = transition === 'schedule' ? { publishAt: options.publishAt?.toISOString() } : {};
    let status: ArticleStatus = before.status;
    let path = before.path;

    if (transition === 'publish' || transition === 'schedule') {
      const when = transition === 'publish' ? now : options.publishAt;
      if (!when || Number.isNaN(when.getTime())) return { ok: false, kind: 'invalid', message: 'Choose when to publish.' };
      if (transition === 'schedule' && when.getTime() <= now.getTime()) return { ok: false, kind: 'invalid', message: 'Choose a time in the future, or publish now.' };
      if (before.embargoUntil && when.getTime() < before.embargoUntil.getTime()) {
        // Said as the newsroom reads its clocks: in the paper's time zone and locale, not UTC ISO.
        const until = formatDateTime(before.embargoUntil.toISOString(), ...(await siteLocaleAndZone(tx)));
        return { ok: false, kind: 'invalid', message: `This article is under embargo until ${until}; it cannot be published before then.` };
      }
      if (!before.sectionSlug) return { ok: false, kind: 'checklist', problems: [{ id: 'section', label: 'The article is in a section', ok: false }] };
      const { results, blocking } = await checklistFor(tx, id);
      const problems = publishBlockers(results, blocking, Boolean(options.override));
      if (problems.length) return { ok: false, kind: 'checklist', problems };
      if (transition === 'publish') {
        status = 'published';
        const first = before.firstPublishedAt ?? now;
        set.firstPublishedAt = first;
        set.publishedAt = before.status === 'withdrawn' ? (before.publishedAt ?? first) : now;
        set.withdrawnAt = null;
        path = articlePath({ sectionSlug: before.sectionSlug, slug: before.slug, firstPublishedAt: first }, await siteTimeZone(tx));
        set.path = path;
      } else {
        status = 'scheduled';
        set.publishedAt = when;
      }
    } else if (transition === 'withdraw') {
      // Readers are promised an explanation on the corrections page: no reason, no withdrawal.
      const reason = (options.reason ?? '').trim();
      if (!reason) return { ok: false, kind: 'invalid', message: 'Say why the story is being withdrawn: readers will see the reason on the corrections page.' };
      if (reason.length > MAX_WITHDRAWAL_REASON) return { ok: false, kind: 'invalid', message: `The reason can be at most ${MAX_WITHDRAWAL_REASON} characters.` };
      status = 'withdrawn';
      set.withdrawnAt = now;
      // The headline readers knew, kept with the entry so a later edit cannot rewrite the record.
      const [current] = await tx.select({ headline: articles.headline }).from(articles).where(eq(articles.id, id));
      await tx.insert(articleWithdrawals).values({ articleId: id, headline: current!.headline, reason, withdrawnAt: now, staffId: actor.id });
      auditDetail = { reason };
    } else if (transition === 'unwithdraw') {
      status = 'draft';
      set.withdrawnAt = null;
    } else if (transition === 'submit') {
      status = 'in_review';
    } else {
      status = 'draft';
      if (before.status === 'scheduled') set.publishedAt = null;
    }
    set.status = status;
    await tx.update(articles).set(set).where(eq(articles.id, id));
    if (transition === 'publish' && before.status === 'withdrawn') auditDetail = { republished: true };
    await audit(tx, actor.id, `article.${transition}`, id, auditDetail);
    const after: State = { ...before, status, path };
    const publishedAt = (set.publishedAt as Date | null | undefined) ?? before.publishedAt;
    return { ok: true, status, path, publishedAt: publishedAt ? publishedAt.toISOString() : null, expire: await recorded(tx, tagsToExpire(before, after)) };
  });
}

/** The scheduler's advisory lock key ("BRDT"): one instance's tick publishes at a time. */
const SCHEDULER_LOCK = 0x42524454;

/**
 * Publishes every scheduled article whose time has come and whose embargo has passed. Run by the
 * scheduler of every instance (also at start-up, for anything that came due while the server was
 * down): the tick holds an advisory lock on the primary, so while one instance publishes the others
 * skip the tick, and each article is published once. Its change is recorded in the invalidation
 * outbox in the same transaction, so every instance's cache is refreshed, not only this one's.
 */
export async function publishDueArticles(now = new Date()): Promise<{ published: { id: number; path: string | null }[]; expire: string[] }> {
  const published: { id: number; path: string | null }[] = [];
  const expire = new Set<string>();
  await getDb().transaction(async (outer) => {
    const [lock] = rowsOf<{ locked: boolean }>(await outer.execute(sql`select pg_try_advisory_xact_lock(${SCHEDULER_LOCK}) as locked`));
    if (!lock?.locked) return;
    const due = await outer
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now), or(isNull(articles.embargoUntil), lte(articles.embargoUntil, now))))
      .orderBy(asc(articles.publishedAt))
      .limit(100);
    for (const { id } of due) {
      await outer.transaction(async (tx) => {
        const before = await loadState(tx, id, true);
        if (!before || before.status !== 'scheduled' || !before.publishedAt || before.publishedAt > now) return;
        if (!before.sectionSlug) return; // Cannot have a URL; it stays in "missed" for a person to fix.
        const first = before.firstPublishedAt ?? before.publishedAt;
        const path = articlePath({ sectionSlug: before.sectionSlug, slug: before.slug, firstPublishedAt: first }, await siteTimeZone(tx));
        await tx.update(articles).set({ status: 'published', firstPublishedAt: first, path, modifiedAt: now }).where(eq(articles.id, id));
        await audit(tx, null, 'article.publish', id, { scheduled: true, due: before.publishedAt.toISOString() });
        const tags = tagsToExpire(before, { ...before, status: 'published', path });
        await recordInvalidation(tx, tags);
        for (const t of tags) expire.add(t);
        published.push({ id, path });
      });
    }
  });
  return { published, expire: [...expire] };
}

/** The article's owner fields, for permission checks outside a save (preview links, revisions). */
export async function getArticleSubject(id: number): Promise<(ArticleSubject & { id: number }) | null> {
  const [row] = await getDb().select({ id: articles.id, createdBy: articles.createdBy, status: articles.status }).from(articles).where(eq(articles.id, id));
  if (!row) return null;
  const authors = await getDb().select({ staffId: articleAuthors.staffId }).from(articleAuthors).where(eq(articleAuthors.articleId, id));
  return { ...row, authorIds: authors.map((a) => a.staffId) };
}
