import 'server-only';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { ArticleBody } from '../../lib/article-body';
import type { ArticleStatus, CommentStatus } from '../../lib/domain';
import { assertCan, type Actor } from '../../lib/permissions';
import { articlePath, slugify } from '../../lib/urls';
import type { ImportOptions, OldAddress } from '../../lib/wordpress/mapping';
import { getDb, type Db } from '../client';
import { recordInvalidation } from '../invalidation';
import { articleAuthors, articles, articleTags, auditLog, comments, importItems, importRuns, media, redirects, sections, siteSettings, staff, tags, urlHistory } from '../schema';
import { articleChangeTags, sectionChangeTags } from '../tags';

// The writes of a WordPress import (server/wordpress/import-job.ts runs them). Every row written is
// recorded in import_items under (site, kind, WordPress id), and every write first looks there, so
// running an import again updates what it made and never makes a second copy. Each batch commits
// with the run's checkpoint, so a run stopped anywhere resumes from its last commit and reaches the
// same state as a run that was never stopped. Only admins import (it creates staff and sections).

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Exec = Db | Tx;

export type ImportRun = typeof importRuns.$inferSelect;

export const IMPORT_LEASE_MS = () => Number(process.env.IMPORT_LEASE_MS ?? 60_000);

export class ImportBusyError extends Error {}

export async function createImportRun(
  actor: Actor,
  input: { source: string; files: string[]; uploadsDir: string | null; options: ImportOptions; plan: Record<string, unknown> },
): Promise<number> {
  assertCan(actor, 'settings.manage');
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(importRuns)
      .values({ source: input.source, files: input.files, uploadsDir: input.uploadsDir, options: input.options as unknown as Record<string, unknown>, plan: input.plan, startedBy: actor.id })
      .returning({ id: importRuns.id });
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'import.wordpress', subject: `import:${row!.id}`, detail: { source: input.source, files: input.files.length } });
    return row!.id;
  });
}

export async function getImportRun(id: number): Promise<ImportRun | null> {
  const [row] = await getDb().select().from(importRuns).where(eq(importRuns.id, id));
  return row ?? null;
}

/**
 * Takes the run for this worker: a run nobody holds (never started, finished with an error, or
 * whose worker stopped renewing its lease) becomes 'running' with a fresh lease. Null when another
 * worker holds it, or it is done.
 */
export async function claimImportRun(id: number, now = new Date()): Promise<ImportRun | null> {
  const lease = new Date(now.getTime() + IMPORT_LEASE_MS());
  const [row] = await getDb()
    .update(importRuns)
    .set({ status: 'running', leaseUntil: lease, error: null, modifiedAt: now })
    .where(and(eq(importRuns.id, id), sql`${importRuns.status} <> 'done'`, or(sql`${importRuns.status} <> 'running'`, isNull(importRuns.leaseUntil), lt(importRuns.leaseUntil, now))))
    .returning();
  return row ?? null;
}

/** Moves the run to its next pass, with the counts so far. */
export async function advanceImportRun(exec: Exec, id: number, phase: string, checkpoint: number, counts?: Record<string, number>): Promise<void> {
  await exec
    .update(importRuns)
    .set({ phase, checkpoint, ...(counts ? { counts } : {}), leaseUntil: new Date(Date.now() + IMPORT_LEASE_MS()), modifiedAt: new Date() })
    .where(eq(importRuns.id, id));
}

export async function failImportRun(id: number, message: string): Promise<void> {
  await getDb().update(importRuns).set({ status: 'failed', error: message.slice(0, 2000), leaseUntil: null, modifiedAt: new Date() }).where(eq(importRuns.id, id));
}

/** Lets go of the run without failing it (a stop asked for): the next claim resumes it. */
export async function releaseImportRun(id: number): Promise<void> {
  await getDb().update(importRuns).set({ leaseUntil: null, status: 'pending', modifiedAt: new Date() }).where(and(eq(importRuns.id, id), eq(importRuns.status, 'running')));
}

export async function finishImportRun(id: number, report: Record<string, unknown>, counts: Record<string, number>): Promise<void> {
  const now = new Date();
  await getDb().update(importRuns).set({ status: 'done', phase: 'done', report, counts, leaseUntil: null, finishedAt: now, modifiedAt: now }).where(eq(importRuns.id, id));
}

// ---------------------------------------------------------------------------------------------
// The mapping table

async function mapped(exec: Exec, source: string, kind: string, wpKey: string): Promise<number | null> {
  const [row] = await exec.select({ id: importItems.targetId }).from(importItems).where(and(eq(importItems.source, source), eq(importItems.kind, kind), eq(importItems.wpKey, wpKey)));
  return row ? (row.id ?? null) : null;
}

async function mappedRow(exec: Exec, source: string, kind: string, wpKey: string) {
  const [row] = await exec.select({ id: importItems.targetId }).from(importItems).where(and(eq(importItems.source, source), eq(importItems.kind, kind), eq(importItems.wpKey, wpKey)));
  return row ?? null;
}

async function remember(exec: Exec, run: { id: number; source: string }, kind: string, wpKey: string, targetId: number | null, extra: { oldUrl?: string | null; notes?: { code: string; detail: string }[] } = {}) {
  await exec
    .insert(importItems)
    .values({ source: run.source, kind, wpKey, targetId, runId: run.id, oldUrl: extra.oldUrl ?? null, notes: extra.notes ?? [] })
    .onConflictDoUpdate({
      target: [importItems.source, importItems.kind, importItems.wpKey],
      set: { targetId, runId: run.id, oldUrl: extra.oldUrl ?? null, notes: extra.notes ?? [], modifiedAt: new Date() },
    });
}

/** Every mapping of some kinds for a site, wpKey → target id. */
export async function loadMapping(source: string, kinds: string[]): Promise<Map<string, number | null>> {
  const rows = await getDb()
    .select({ kind: importItems.kind, wpKey: importItems.wpKey, id: importItems.targetId })
    .from(importItems)
    .where(and(eq(importItems.source, source), inArray(importItems.kind, kinds)));
  return new Map(rows.map((r) => [`${r.kind}:${r.wpKey}`, r.id]));
}

async function uniqueSlug(exec: Exec, table: typeof staff | typeof articles, wanted: string): Promise<string> {
  const base = wanted.slice(0, 110).replace(/-+$/, '') || 'untitled';
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const [taken] = await exec.select({ id: table.id }).from(table).where(eq(table.slug, candidate));
    if (!taken) return candidate;
  }
  return `${base}-${Date.now().toString(36)}`;
}

// ---------------------------------------------------------------------------------------------
// People, sections and topics

export type PersonInput = { login: string; wpId: number; email: string; name: string; firstName: string; lastName: string };
export type PersonResult = { staffId: number | null; slug: string | null; byline: string | null };

const NO_ADDRESS = (login: string) => `${slugify(login, 60)}@wordpress-import.invalid`;

/** An author of the export as staff (found or new and inactive) or a byline, per the mapping. */
export async function importPerson(run: { id: number; source: string }, person: PersonInput, options: ImportOptions): Promise<PersonResult> {
  return getDb().transaction(async (tx) => {
    const choice = options.authors[person.login] ?? { as: 'new' as const };
    if (choice.as === 'byline') {
      await remember(tx, run, 'author', person.login, null);
      return { staffId: null, slug: null, byline: choice.name || person.name };
    }
    let staffId: number | null = choice.as === 'staff' ? choice.staffId : await mapped(tx, run.source, 'author', person.login);
    if (staffId !== null) {
      const [row] = await tx.select({ id: staff.id, slug: staff.slug }).from(staff).where(eq(staff.id, staffId));
      if (row) {
        await remember(tx, run, 'author', person.login, row.id);
        return { staffId: row.id, slug: row.slug, byline: null };
      }
    }
    const email = (person.email && /^[^@\s]+@[^@\s]+$/.test(person.email) ? person.email : NO_ADDRESS(person.login)).slice(0, 200);
    const [sameAddress] = await tx.select({ id: staff.id, slug: staff.slug }).from(staff).where(sql`lower(${staff.email}) = lower(${email})`);
    if (sameAddress) {
      await remember(tx, run, 'author', person.login, sameAddress.id);
      return { staffId: sameAddress.id, slug: sameAddress.slug, byline: null };
    }
    const slug = await uniqueSlug(tx, staff, slugify(person.name || person.login, 100));
    const [created] = await tx
      .insert(staff)
      .values({ slug, name: person.name, firstName: person.firstName || person.name, lastName: person.lastName, email, emailOverride: true, role: 'contributor', active: false, passwordHash: null })
      .returning({ id: staff.id });
    staffId = created!.id;
    await remember(tx, run, 'author', person.login, staffId);
    return { staffId, slug, byline: null };
  });
}

export type TermResult = { kind: 'section' | 'topic'; id: number; slug: string };

/** A category as a section or a topic, or a tag as a topic; an existing one with the slug is reused. */
export async function importTerm(run: { id: number; source: string }, term: { key: string; as: 'section' | 'topic'; slug: string; name: string; description: string }): Promise<TermResult> {
  return getDb().transaction(async (tx) => {
    const name = term.name.slice(0, 80) || term.slug;
    if (term.as === 'section') {
      const known = await mapped(tx, run.source, 'section', term.key);
      const [existing] = known
        ? await tx.select({ id: sections.id, slug: sections.slug }).from(sections).where(eq(sections.id, known))
        : await tx.select({ id: sections.id, slug: sections.slug }).from(sections).where(eq(sections.slug, term.slug));
      let row = existing;
      if (!row) {
        const [{ next } = { next: 0 }] = await tx.select({ next: sql<number>`coalesce(max(${sections.position}), 0) + 1` }).from(sections);
        [row] = await tx.insert(sections).values({ slug: term.slug, name, description: term.description.slice(0, 500), position: Number(next) }).returning({ id: sections.id, slug: sections.slug });
        await recordInvalidation(tx, sectionChangeTags(null, term.slug));
      }
      await remember(tx, run, 'section', term.key, row!.id);
      return { kind: 'section' as const, id: row!.id, slug: row!.slug };
    }
    const known = await mapped(tx, run.source, 'topic', term.key);
    const [existing] = known
      ? await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(eq(tags.id, known))
      : await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(eq(tags.slug, term.slug));
    let row = existing;
    if (!row) [row] = await tx.insert(tags).values({ slug: term.slug, name, description: term.description.slice(0, 500) }).returning({ id: tags.id, slug: tags.slug });
    await remember(tx, run, 'topic', term.key, row!.id);
    return { kind: 'topic' as const, id: row!.id, slug: row!.slug };
  });
}

// ---------------------------------------------------------------------------------------------
// Media

export type MediaInput = {
  processed: Pick<typeof media.$inferInsert, 'src' | 'width' | 'height' | 'bytes' | 'variants'>;
  mimeType: string;
  alt: string;
  caption: string;
  credit: string;
};

export async function findImportedMedia(source: string, kind: 'attachment' | 'upload', wpKey: string): Promise<{ id: number } | null> {
  const row = await mappedRow(getDb(), source, kind, wpKey);
  return row?.id ? { id: row.id } : null;
}

/**
 * Records an image (already processed and stored) under its attachment id or upload path, or
 * refreshes the texts of one imported before; with `checkpoint`, moves the run's media pass on in
 * the same transaction. Returns the media id.
 */
export async function recordImportedMedia(
  run: { id: number; source: string },
  key: { kind: 'attachment' | 'upload'; wpKey: string; oldUrl: string | null; alsoUpload?: string },
  input: MediaInput | { existingId: number; alt: string; caption: string; credit: string } | null,
  actorId: number | null,
  checkpoint?: { phase: string; value: number },
  notes: { code: string; detail: string }[] = [],
): Promise<number | null> {
  return getDb().transaction(async (tx) => {
    let id: number | null = null;
    if (input && 'existingId' in input) {
      id = input.existingId;
      await tx.update(media).set({ alt: input.alt.slice(0, 500), caption: input.caption.slice(0, 1000), credit: input.credit.slice(0, 200), modifiedAt: new Date() }).where(eq(media.id, id));
    } else if (input) {
      const [row] = await tx
        .insert(media)
        .values({ ...input.processed, mimeType: input.mimeType, alt: input.alt.slice(0, 500), caption: input.caption.slice(0, 1000), credit: input.credit.slice(0, 200), uploadedBy: actorId })
        .returning({ id: media.id });
      id = row!.id;
    }
    await remember(tx, run, key.kind, key.wpKey, id, { oldUrl: key.oldUrl, notes });
    if (key.alsoUpload && id !== null) await remember(tx, run, 'upload', key.alsoUpload, id);
    if (checkpoint) await advanceImportRun(tx, run.id, checkpoint.phase, checkpoint.value);
    return id;
  });
}

/** The library's copy of images, by media id: what a body needs to show one. */
export async function mediaDetails(ids: number[]): Promise<Map<number, { src: string; alt: string; caption: string; credit: string; width: number; height: number }>> {
  if (!ids.length) return new Map();
  const rows = await getDb().select({ id: media.id, src: media.src, alt: media.alt, caption: media.caption, credit: media.credit, width: media.width, height: media.height }).from(media).where(inArray(media.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

// ---------------------------------------------------------------------------------------------
// Articles, comments and redirects

export type CommentInput = {
  wpId: number;
  parentWpId: number;
  authorName: string;
  authorEmail: string;
  body: string;
  status: CommentStatus;
  createdAt: Date;
  clientAddress: string | null;
};

export type ArticleInput = {
  kind: 'post' | 'page';
  wpId: number;
  slug: string;
  headline: string;
  standfirst: string;
  body: ArticleBody;
  bodyText: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  modifiedAt: Date | null;
  sectionId: number | null;
  topicIds: number[];
  authorIds: number[];
  /** For the cache tags: the pages of these authors and topics list the article. */
  authorSlugs: string[];
  topicSlugs: string[];
  bylineText: string | null;
  featuredImageId: number | null;
  commentMode: 'open' | 'closed';
  createdBy: number | null;
  oldUrl: string | null;
  oldAddresses: OldAddress[];
  notes: { code: string; detail: string }[];
  comments: CommentInput[];
  /** Pingbacks and trackbacks listed in the report (never comments). */
  pingbacks: { wpId: number; url: string; excerpt: string }[];
};

export type RedirectInput = { path: string; targetKind: typeof redirects.$inferInsert.targetKind; targetId: number | null };

async function upsertRedirects(tx: Tx, source: string, rows: RedirectInput[]) {
  if (!rows.length) return;
  const unique = [...new Map(rows.filter((r) => r.path.length <= 2000).map((r) => [r.path, r])).values()];
  for (let i = 0; i < unique.length; i += 500) {
    await tx
      .insert(redirects)
      .values(unique.slice(i, i + 500).map((r) => ({ ...r, source })))
      .onConflictDoUpdate({ target: redirects.path, set: { targetKind: sql`excluded.target_kind`, targetId: sql`excluded.target_id`, source: sql`excluded.source` } });
  }
}

/** Redirects for things other than articles (archives, feeds, attachment pages), in one transaction. */
export async function importRedirects(run: { id: number; source: string }, rows: RedirectInput[]): Promise<void> {
  await getDb().transaction(async (tx) => upsertRedirects(tx, run.source, rows));
}

export const commentKey = (source: string, wpId: number) => `wordpress:${source}:${wpId}`;

/**
 * Writes a batch of posts and pages with their bylines, topics, comments and old addresses, and
 * the run's checkpoint, in one transaction. Returns the cache tags the batch changed (already in
 * the invalidation outbox, for every instance). Rows of one kind are written for the whole batch
 * at once (a thread's comments level by level), so a batch costs a few dozen statements, not
 * hundreds.
 */
export async function importArticleBatch(run: { id: number; source: string }, batch: ArticleInput[], checkpoint: { phase: string; value: number; counts: Record<string, number> }): Promise<string[]> {
  return getDb().transaction(async (tx) => {
    const [settings] = await tx.select({ timeZone: siteSettings.timeZone }).from(siteSettings).where(eq(siteSettings.id, 1));
    const timeZone = settings?.timeZone ?? 'Europe/London';
    const expire = new Set<string>();
    const sectionIds = [...new Set(batch.map((a) => a.sectionId).filter((v): v is number => v !== null))];
    const sectionSlugs = new Map((sectionIds.length ? await tx.select({ id: sections.id, slug: sections.slug }).from(sections).where(inArray(sections.id, sectionIds)) : []).map((r) => [r.id, r.slug]));

    // What earlier runs made of these items, and those articles as they are.
    const keys = batch.map((a) => `${a.kind}:${a.wpId}`);
    const known = await tx
      .select({ kind: importItems.kind, wpKey: importItems.wpKey, id: importItems.targetId })
      .from(importItems)
      .where(and(eq(importItems.source, run.source), inArray(sql<string>`${importItems.kind} || ':' || ${importItems.wpKey}`, keys)));
    const knownId = new Map(known.map((k) => [`${k.kind}:${k.wpKey}`, k.id]));
    const knownIds = known.map((k) => k.id).filter((v): v is number => v !== null);
    const beforeRows = knownIds.length ? await tx.select({ id: articles.id, slug: articles.slug, path: articles.path, status: articles.status, firstPublishedAt: articles.firstPublishedAt }).from(articles).where(inArray(articles.id, knownIds)) : [];
    const before = new Map(beforeRows.map((r) => [r.id, r]));

    // Slugs for new articles: the wanted one unless taken (by any article, or earlier in the batch).
    const wanted = batch.filter((a) => !before.has(knownId.get(`${a.kind}:${a.wpId}`) ?? -1)).map((a) => a.slug);
    const taken = new Set(wanted.length ? (await tx.select({ slug: articles.slug }).from(articles).where(inArray(articles.slug, wanted))).map((r) => r.slug) : []);

    const ids: number[] = [];
    const mappingRows: (typeof importItems.$inferInsert)[] = [];
    const authorRows: (typeof articleAuthors.$inferInsert)[] = [];
    const topicRows: (typeof articleTags.$inferInsert)[] = [];
    const redirectRows: RedirectInput[] = [];
    const commentJobs: { articleId: number; c: CommentInput; all: CommentInput[] }[] = [];
    for (const a of batch) {
      const prior = before.get(knownId.get(`${a.kind}:${a.wpId}`) ?? -1);
      let slug = prior?.slug ?? a.slug;
      if (!prior && taken.has(slug)) slug = await uniqueSlug(tx, articles, a.slug);
      if (!prior) taken.add(slug);
      const secSlug = a.sectionId === null ? null : (sectionSlugs.get(a.sectionId) ?? null);
      const live = a.status === 'published' && a.publishedAt && secSlug;
      const status: ArticleStatus = a.status === 'published' && !live ? 'draft' : a.status;
      const firstPublishedAt = status === 'published' ? (prior?.firstPublishedAt ?? a.publishedAt) : null;
      const path = status === 'published' && secSlug && firstPublishedAt ? articlePath({ sectionSlug: secSlug, slug, firstPublishedAt }, timeZone) : null;
      const values = {
        slug,
        path,
        headline: a.headline,
        standfirst: a.standfirst,
        body: a.body,
        bodyText: a.bodyText,
        status,
        sectionId: a.sectionId,
        firstPublishedAt,
        publishedAt: status === 'published' || status === 'scheduled' ? a.publishedAt : null,
        featuredImageId: a.featuredImageId,
        commentMode: a.commentMode,
        bylineText: a.bylineText,
        createdBy: a.createdBy,
        modifiedAt: a.modifiedAt ?? a.publishedAt ?? new Date(),
      };
      let articleId: number;
      if (prior) {
        articleId = prior.id;
        await tx.update(articles).set({ ...values, version: sql`${articles.version} + 1` }).where(eq(articles.id, articleId));
        if (prior.path && prior.path !== path) await tx.insert(urlHistory).values({ path: prior.path, articleId }).onConflictDoNothing();
      } else {
        const [row] = await tx.insert(articles).values({ ...values, createdAt: a.publishedAt ?? a.modifiedAt ?? new Date() }).returning({ id: articles.id });
        articleId = row!.id;
      }
      ids.push(articleId);
      [...new Set(a.authorIds)].forEach((staffId, position) => authorRows.push({ articleId, staffId, position }));
      for (const tagId of new Set(a.topicIds)) topicRows.push({ articleId, tagId });
      mappingRows.push({ source: run.source, kind: a.kind, wpKey: String(a.wpId), targetId: articleId, runId: run.id, oldUrl: a.oldUrl, notes: a.notes });
      for (const p of a.pingbacks) mappingRows.push({ source: run.source, kind: 'pingback', wpKey: String(p.wpId), targetId: articleId, runId: run.id, oldUrl: p.url, notes: [{ code: 'pingback', detail: p.excerpt.slice(0, 300) }] });
      for (const c of a.comments) commentJobs.push({ articleId, c, all: a.comments });
      for (const o of a.oldAddresses) redirectRows.push({ path: o.path, targetKind: o.kind === 'feed' ? 'feed-comments' : 'article', targetId: articleId });
      if (status === 'published' || prior?.status === 'published') {
        for (const t of articleChangeTags(null, { id: articleId, slug, sectionSlug: secSlug, authorSlugs: a.authorSlugs, topicSlugs: a.topicSlugs })) expire.add(t);
      }
    }
    await tx.delete(articleAuthors).where(inArray(articleAuthors.articleId, ids));
    if (authorRows.length) await tx.insert(articleAuthors).values(authorRows);
    await tx.delete(articleTags).where(inArray(articleTags.articleId, ids));
    if (topicRows.length) await tx.insert(articleTags).values(topicRows);

    // Comments, level by level across the batch (parents before replies), each keyed by its
    // WordPress id (the idempotency key), so a re-run updates them in place.
    const placed = new Map<number, { id: number; path: number[] }>();
    let pending = commentJobs;
    while (pending.length) {
      const ready = pending.filter(({ c, all }) => c.parentWpId === 0 || placed.has(c.parentWpId) || !all.some((o) => o.wpId === c.parentWpId));
      if (!ready.length) break; // a loop of parents: never in a real export
      pending = pending.filter((j) => !ready.includes(j));
      for (let i = 0; i < ready.length; i += 400) {
        const rows = ready.slice(i, i + 400).map(({ articleId, c }) => {
          const parent = placed.get(c.parentWpId);
          const parentPath = parent ? [...parent.path, parent.id] : [];
          return { articleId, parentId: parent?.id ?? null, authorName: c.authorName, authorEmail: c.authorEmail, body: c.body, status: c.status, clientAddress: c.clientAddress, idempotencyKey: commentKey(run.source, c.wpId), depth: parentPath.length, parentPath, createdAt: c.createdAt, modifiedAt: c.createdAt };
        });
        const saved = await tx
          .insert(comments)
          .values(rows)
          .onConflictDoUpdate({
            target: comments.idempotencyKey,
            set: {
              articleId: sql`excluded.article_id`,
              parentId: sql`excluded.parent_id`,
              authorName: sql`excluded.author_name`,
              authorEmail: sql`excluded.author_email`,
              body: sql`excluded.body`,
              status: sql`excluded.status`,
              depth: sql`excluded.depth`,
              parentPath: sql`excluded.parent_path`,
              createdAt: sql`excluded.created_at`,
            },
          })
          .returning({ id: comments.id, key: comments.idempotencyKey });
        const byKey = new Map(saved.map((r) => [r.key, r.id]));
        for (const { c } of ready.slice(i, i + 400)) {
          const id = byKey.get(commentKey(run.source, c.wpId));
          const parent = placed.get(c.parentWpId);
          if (id) {
            placed.set(c.wpId, { id, path: parent ? [...parent.path, parent.id] : [] });
            mappingRows.push({ source: run.source, kind: 'comment', wpKey: String(c.wpId), targetId: id, runId: run.id, oldUrl: null, notes: [] });
          }
        }
      }
    }
    for (let i = 0; i < mappingRows.length; i += 500) {
      await tx
        .insert(importItems)
        .values(mappingRows.slice(i, i + 500))
        .onConflictDoUpdate({
          target: [importItems.source, importItems.kind, importItems.wpKey],
          set: { targetId: sql`excluded.target_id`, runId: sql`excluded.run_id`, oldUrl: sql`excluded.old_url`, notes: sql`excluded.notes`, modifiedAt: new Date() },
        });
    }
    await upsertRedirects(tx, run.source, redirectRows);
    await advanceImportRun(tx, run.id, checkpoint.phase, checkpoint.value, checkpoint.counts);
    const tags = [...expire];
    await recordInvalidation(tx, tags);
    return tags;
  });
}

/** Renews a running run's lease (the dashboard's worker, between commits: a long unpack or a slow image). */
export async function renewImportLease(id: number): Promise<void> {
  await getDb().update(importRuns).set({ leaseUntil: new Date(Date.now() + IMPORT_LEASE_MS()) }).where(and(eq(importRuns.id, id), eq(importRuns.status, 'running')));
}

/**
 * Puts a failed dashboard import back in the queue (the worker resumes it from its checkpoint);
 * false when it is not a failed dashboard run. Command-line runs are resumed by the command.
 */
export async function requeueImportRun(actor: Actor, id: number): Promise<boolean> {
  assertCan(actor, 'settings.manage');
  const rows = await getDb()
    .update(importRuns)
    .set({ status: 'pending', error: null, leaseUntil: null, modifiedAt: new Date() })
    .where(and(eq(importRuns.id, id), eq(importRuns.status, 'failed'), sql`(${importRuns.options} -> 'storedUpload') IS NOT NULL`))
    .returning({ id: importRuns.id });
  return rows.length > 0;
}
