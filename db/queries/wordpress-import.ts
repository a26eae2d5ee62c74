import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { authorFeedPath, commentsFeedPath, sectionFeedPath, siteFeedPath, tagFeedPath } from '../../lib/seo/feeds';
import { authorPath, sectionPath, tagPath } from '../../lib/urls';
import { getDb } from '../client';
import { articles, importItems, importRuns, media, redirects, sections, staff, tags } from '../schema';
import { isLive } from './conditions';

// Reads for the WordPress import: the staff an author may be mapped to, the runs and their
// reports, and where an old address points now (the proxy's redirect lookup).

export async function listStaffForImport(): Promise<{ id: number; name: string; email: string; slug: string; active: boolean }[]> {
  return getDb().select({ id: staff.id, name: staff.name, email: staff.email, slug: staff.slug, active: staff.active }).from(staff).orderBy(asc(staff.name));
}

/**
 * Where an old address (normalised: lib/wordpress/mapping.ts normalizeOldPath) points today, or
 * null. The target is looked up live: an article answers only while it is live, an author only
 * while active (otherwise the front page), so a redirect never leads to a 404.
 */
export async function findRedirect(path: string): Promise<string | null> {
  const db = getDb();
  const [row] = await db.select({ kind: redirects.targetKind, id: redirects.targetId }).from(redirects).where(eq(redirects.path, path));
  if (!row) return null;
  switch (row.kind) {
    case 'article':
    case 'feed-comments': {
      if (row.id === null) return null;
      const [a] = await db.select({ path: articles.path, slug: articles.slug }).from(articles).where(and(eq(articles.id, row.id), isLive()));
      if (!a?.path) return null;
      return row.kind === 'article' ? a.path : commentsFeedPath(a.slug);
    }
    case 'section':
    case 'feed-section': {
      const [s] = row.id === null ? [] : await db.select({ slug: sections.slug }).from(sections).where(eq(sections.id, row.id));
      if (!s) return null;
      return row.kind === 'section' ? sectionPath(s.slug) : sectionFeedPath(s.slug);
    }
    case 'topic':
    case 'feed-topic': {
      const [t] = row.id === null ? [] : await db.select({ slug: tags.slug }).from(tags).where(eq(tags.id, row.id));
      if (!t) return null;
      return row.kind === 'topic' ? tagPath(t.slug) : tagFeedPath(t.slug);
    }
    case 'author':
    case 'feed-author': {
      const [p] = row.id === null ? [] : await db.select({ slug: staff.slug, active: staff.active }).from(staff).where(eq(staff.id, row.id));
      if (!p) return null;
      if (!p.active) return row.kind === 'author' ? '/' : siteFeedPath();
      return row.kind === 'author' ? authorPath(p.slug) : authorFeedPath(p.slug);
    }
    case 'media': {
      const [m] = row.id === null ? [] : await db.select({ src: media.src }).from(media).where(eq(media.id, row.id));
      return m?.src ?? null;
    }
    case 'home':
      return '/';
    case 'feed-site':
      return siteFeedPath();
    default:
      return null;
  }
}

export type ImportRunSummary = { id: number; source: string; status: string; phase: string; checkpoint: number; counts: Record<string, number>; error: string | null; createdAt: string; finishedAt: string | null };

export async function listImportRuns(limit = 20): Promise<ImportRunSummary[]> {
  const rows = await getDb()
    .select({ id: importRuns.id, source: importRuns.source, status: importRuns.status, phase: importRuns.phase, checkpoint: importRuns.checkpoint, counts: importRuns.counts, error: importRuns.error, createdAt: importRuns.createdAt, finishedAt: importRuns.finishedAt })
    .from(importRuns)
    .orderBy(desc(importRuns.createdAt), desc(importRuns.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null }));
}

/** How many rows of each kind a site's imports made (the import_items mapping). */
export async function importedCounts(source: string): Promise<Record<string, number>> {
  const rows = await getDb().select({ kind: importItems.kind, n: count() }).from(importItems).where(eq(importItems.source, source)).groupBy(importItems.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

export type ImportedArticleRow = { kind: string; wpId: string; oldUrl: string | null; articleId: number | null; path: string | null; headline: string | null; status: string | null; notes: { code: string; detail: string }[] };

/** Every post and page an import made, with its old and new address and its notes. */
export async function listImportedArticles(source: string, limit = 100_000): Promise<ImportedArticleRow[]> {
  const rows = await getDb()
    .select({ kind: importItems.kind, wpId: importItems.wpKey, oldUrl: importItems.oldUrl, articleId: importItems.targetId, path: articles.path, headline: articles.headline, status: articles.status, notes: importItems.notes })
    .from(importItems)
    .leftJoin(articles, eq(articles.id, sql`${importItems.targetId}::integer`))
    .where(and(eq(importItems.source, source), sql`${importItems.kind} IN ('post', 'page')`))
    .orderBy(asc(importItems.kind), asc(sql`${importItems.wpKey}::bigint`))
    .limit(limit);
  return rows.map((r) => ({ ...r, articleId: r.articleId === null ? null : Number(r.articleId) }));
}

/** Notes on media (missing files) and pingbacks, for the report. */
export async function listImportNotes(source: string, kinds: string[], limit = 5000): Promise<{ kind: string; wpId: string; oldUrl: string | null; notes: { code: string; detail: string }[] }[]> {
  return getDb()
    .select({ kind: importItems.kind, wpId: importItems.wpKey, oldUrl: importItems.oldUrl, notes: importItems.notes })
    .from(importItems)
    .where(and(eq(importItems.source, source), inArray(importItems.kind, kinds), sql`jsonb_array_length(${importItems.notes}) > 0`))
    .orderBy(asc(importItems.kind), asc(importItems.wpKey))
    .limit(limit);
}

/** Images a site's imports brought into the library, and attachments whose file was missing. */
export async function importedMediaCounts(source: string): Promise<{ mediaImported: number; mediaMissing: number }> {
  const [row] = await getDb()
    .select({
      imported: sql<number>`count(distinct ${importItems.targetId}) filter (where ${importItems.kind} in ('attachment', 'upload') and ${importItems.targetId} is not null)`,
      missing: sql<number>`count(*) filter (where ${importItems.kind} = 'attachment' and ${importItems.targetId} is null)`,
    })
    .from(importItems)
    .where(eq(importItems.source, source));
  return { mediaImported: Number(row?.imported ?? 0), mediaMissing: Number(row?.missing ?? 0) };
}

/** The newest unfinished run of the same export (same site and files), which a new start resumes. */
export async function findResumableRun(source: string, files: string[]): Promise<{ id: number; phase: string; checkpoint: number; status: string } | null> {
  const rows = await getDb()
    .select({ id: importRuns.id, phase: importRuns.phase, checkpoint: importRuns.checkpoint, status: importRuns.status, files: importRuns.files })
    .from(importRuns)
    .where(and(eq(importRuns.source, source), sql`${importRuns.status} <> 'done'`))
    .orderBy(desc(importRuns.id))
    .limit(5);
  const found = rows.find((r) => r.files.length === files.length && r.files.every((f, i) => f === files[i]));
  return found ? { id: found.id, phase: found.phase, checkpoint: found.checkpoint, status: found.status } : null;
}

/** The first active admin: who a command-line import acts as unless told otherwise. */
export async function findImportActor(email: string | null): Promise<{ id: number; role: 'admin' | 'editor' | 'author' | 'contributor'; name: string } | null> {
  const [row] = await getDb()
    .select({ id: staff.id, role: staff.role, name: staff.name })
    .from(staff)
    .where(and(eq(staff.active, true), email ? sql`lower(${staff.email}) = lower(${email})` : eq(staff.role, 'admin')))
    .orderBy(asc(staff.id))
    .limit(1);
  return row ?? null;
}

/** For many old addresses at once: the article each redirects to and whether it is live (the verification report). */
export async function articleRedirectTargets(paths: string[]): Promise<Map<string, { articleId: number; path: string | null; live: boolean }>> {
  const out = new Map<string, { articleId: number; path: string | null; live: boolean }>();
  for (let i = 0; i < paths.length; i += 1000) {
    const chunk = paths.slice(i, i + 1000);
    const rows = await getDb()
      .select({ old: redirects.path, articleId: articles.id, path: articles.path, live: sql<boolean>`${isLive()}` })
      .from(redirects)
      .innerJoin(articles, eq(articles.id, redirects.targetId))
      .where(and(inArray(redirects.path, chunk), eq(redirects.targetKind, 'article')));
    for (const r of rows) out.set(r.old, { articleId: r.articleId, path: r.path, live: Boolean(r.live) });
  }
  return out;
}

/**
 * The oldest dashboard import (its files in the media store) that no worker holds: waiting, or
 * running with a lease that ran out (its instance died). Runs of the command line are left to it.
 */
export async function findClaimableStoredRun(now = new Date()): Promise<number | null> {
  const [row] = await getDb()
    .select({ id: importRuns.id })
    .from(importRuns)
    .where(and(sql`(${importRuns.options} -> 'storedUpload') IS NOT NULL`, or(eq(importRuns.status, 'pending'), and(eq(importRuns.status, 'running'), or(isNull(importRuns.leaseUntil), lt(importRuns.leaseUntil, now))))))
    .orderBy(asc(importRuns.id))
    .limit(1);
  return row?.id ?? null;
}

/** The staff member a dashboard import acts as: who started it while an active admin, else the first active admin. */
export async function getImportRunActor(staffId: number | null): Promise<{ id: number; role: 'admin' | 'editor' | 'author' | 'contributor'; name: string } | null> {
  if (staffId) {
    const [row] = await getDb().select({ id: staff.id, role: staff.role, name: staff.name }).from(staff).where(and(eq(staff.id, staffId), eq(staff.active, true), eq(staff.role, 'admin')));
    if (row) return row;
  }
  return findImportActor(null);
}

/** The run started from a dashboard upload, if one was: an upload starts one run only. */
export async function findRunOfUpload(token: string): Promise<number | null> {
  const [row] = await getDb().select({ id: importRuns.id }).from(importRuns).where(sql`${importRuns.options} -> 'storedUpload' ->> 'token' = ${token}`).limit(1);
  return row?.id ?? null;
}

/** How many notes (warnings) a run has written so far: its live progress. */
export async function countRunWarnings(runId: number): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`coalesce(sum(jsonb_array_length(${importItems.notes})), 0)::int` })
    .from(importItems)
    .where(eq(importItems.runId, runId));
  return Number(row?.n ?? 0);
}
