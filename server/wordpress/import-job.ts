import 'server-only';
import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { bodyToText } from '../../lib/article-body';
import { MAX_UPLOAD_BYTES, sniffImageType } from '../../lib/image-sniff';
import type { Actor } from '../../lib/permissions';
import { commentHtmlToText, convertWordPressContent, plainText, type ResolvedImage } from '../../lib/wordpress/body';
import {
  archiveAddresses,
  articleSlugFor,
  categoryTree,
  commentStatusFor,
  DEFAULT_PAGES_SECTION,
  defaultCategoryChoices,
  effectiveStatus,
  isArticleItem,
  isPingback,
  oldAddressesOfItem,
  oldPathOf,
  personName,
  publicationDate,
  sectionCategoryFor,
  sectionSlugFor,
  siteFeedAddresses,
  statusFor,
  topicSlugFor,
  truncateBytes,
  uploadAddress,
  uploadPathOf,
  type ImportOptions,
} from '../../lib/wordpress/mapping';
import { metaValue, parseWpGmtDate, type WxrAuthor, type WxrItem, type WxrSite, type WxrTerm } from '../../lib/wordpress/wxr';
import { getDb } from '../../db/client';
import { importedMediaCounts, listStaffForImport } from '../../db/queries/wordpress-import';
import {
  advanceImportRun,
  claimImportRun,
  createImportRun,
  failImportRun,
  findImportedMedia,
  finishImportRun,
  getImportRun,
  importArticleBatch,
  importPerson,
  importRedirects,
  importTerm,
  loadMapping,
  mediaDetails,
  recordImportedMedia,
  releaseImportRun,
  type ArticleInput,
  type ImportRun,
  type PersonResult,
  type RedirectInput,
  type TermResult,
} from '../../db/mutations/wordpress-import';
import { processUpload, UnreadableImageError } from '../media/image-processing';
import { verifyImport } from './verify';
import { readWxr } from './wxr-reader';

// The WordPress import job (docs/decisions/2026-12-01-wordpress-import.md). Both doors, the
// command line and the dashboard, run this. It reads the export as a stream in two passes — the
// media first (so bodies can point at the library's copies), then posts and pages with their
// comments — and commits every batch with its checkpoint: the count of items of the pass already
// written. A run that is stopped (killed, crashed, the machine restarted) is claimed again once
// its lease runs out and skips, without writing, what its checkpoint says is done.

export type DryRunReport = {
  site: WxrSite;
  files: string[];
  counts: Record<string, number>;
  authors: { login: string; name: string; email: string; posts: number; proposed: ImportOptions['authors'][string]; matchesStaff: string | null }[];
  categories: { slug: string; name: string; depth: number; parentSlug: string; posts: number; proposed: 'section' | 'topic' }[];
  tags: number;
  unknownShortcodes: Record<string, number>;
  unknownBlocks: Record<string, number>;
  embedsAsLinks: number;
  missingMedia: string[];
  sticky: { wpId: number; title: string }[];
  warnings: { item: string; code: string; detail: string }[];
  options: ImportOptions;
};

const BATCH = () => Number(process.env.IMPORT_BATCH ?? 25);
const MISSING_LIMIT = 500;
const WARNING_LIMIT = 2000;

/** Counts that the dry run predicts and the real run reports, key for key. */
export const COUNT_KEYS = ['posts', 'pages', 'published', 'drafts', 'inReview', 'scheduled', 'comments', 'pingbacks', 'attachments', 'mediaImported', 'mediaMissing', 'authors', 'sections', 'topics', 'redirects'] as const;

async function exists(file: string): Promise<boolean> {
  try {
    await access(/*turbopackIgnore: true*/ file);
    return true;
  } catch {
    return false;
  }
}

/** An upload's file inside the uploads folder, or null when the path would leave it. */
function uploadFile(uploadsDir: string | null, relative: string): string | null {
  if (!uploadsDir) return null;
  const root = path.resolve(uploadsDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

function attachmentPath(item: WxrItem): string | null {
  const attached = metaValue(item, '_wp_attached_file');
  if (attached && !attached.split('/').includes('..')) return attached.replace(/^\/+/, '');
  return item.attachmentUrl ? (uploadPathOf(item.attachmentUrl)?.path ?? null) : null;
}

const CREDIT_KEYS = ['credit', 'photo_credit', '_media_credit', 'media_credit', '_wp_attachment_credit'];
const BYLINE_KEYS = ['byline', '_byline', 'byline_text', 'author_byline', 'custom_byline'];

const siteKey = (site: WxrSite) => (site.baseBlogUrl || site.baseSiteUrl || site.link || 'wordpress').replace(/\/+$/, '');

/** Every upload address a body mentions, as paths under uploads/ (originals, not sized copies). */
function uploadsMentioned(content: string): string[] {
  const out = new Set<string>();
  for (const m of content.matchAll(/(?:https?:)?\/\/[^\s"'()<>]*\/wp-content\/uploads\/[^\s"'()<>?#]+|(?<![\w/])\/wp-content\/uploads\/[^\s"'()<>?#]+/gi)) {
    const found = uploadPathOf(m[0].startsWith('//') ? `https:${m[0]}` : m[0]);
    if (found && /\.(jpe?g|png|gif|webp|avif)$/i.test(found.original)) out.add(found.original);
  }
  return [...out];
}

/** A comment the import carries over: not a pingback, and with words once cleaned. */
const isImportableComment = (c: WxrItem['comments'][number]) => !isPingback(c.type) && commentHtmlToText(c.content) !== '';

/** Adds a post or page to the counts, as both the dry run and the real run count it. */
function countArticle(counts: Record<string, number>, item: WxrItem, options: Pick<ImportOptions, 'pingbacks'>) {
  counts[item.type === 'page' ? 'pages' : 'posts']!++;
  counts[{ published: 'published', draft: 'drafts', in_review: 'inReview', scheduled: 'scheduled', withdrawn: 'drafts' }[effectiveStatus(item)]]!++;
  for (const c of item.comments) {
    if (isPingback(c.type)) {
      if (options.pingbacks === 'report') counts.pingbacks!++;
    } else if (isImportableComment(c)) counts.comments!++;
  }
}

// ---------------------------------------------------------------------------------------------
// The dry run

/** Reads the whole export and says what an import would do, with the mapping it would use. */
export async function planImport(files: string[], uploadsDir: string | null): Promise<DryRunReport> {
  const staffList = await listStaffForImport();
  let site: WxrSite = { title: '', link: '', baseSiteUrl: '', baseBlogUrl: '', wxrVersion: '', language: '' };
  const authors = new Map<string, WxrAuthor>();
  const terms = new Map<string, WxrTerm>();
  const tagSlugs = new Set<string>();
  const counts: Record<string, number> = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0]));
  const postsByAuthor = new Map<string, number>();
  const postsByCategory = new Map<string, number>();
  const unknownShortcodes: Record<string, number> = {};
  const unknownBlocks: Record<string, number> = {};
  const missing = new Set<string>();
  const sticky: DryRunReport['sticky'] = [];
  const warnings: DryRunReport['warnings'] = [];
  const attachmentsById = new Map<number, string>();
  const present = new Map<string, boolean>();
  const redirectPaths = new Set<string>();
  const importedUploads = new Set<string>();
  let embedsAsLinks = 0;
  const isPresent = async (relative: string) => {
    if (!present.has(relative)) {
      const file = uploadFile(uploadsDir, relative);
      present.set(relative, file ? await exists(file) : false);
    }
    return present.get(relative)!;
  };
  for await (const record of readWxr(files)) {
    if (record.kind === 'site') site = record.site;
    else if (record.kind === 'author') authors.set(record.author.login, record.author);
    else if (record.kind === 'term') {
      if (record.term.taxonomy === 'category') terms.set(record.term.slug, record.term);
      else if (record.term.taxonomy === 'post_tag') tagSlugs.add(record.term.slug);
    } else {
      const item = record.item;
      if (item.type === 'attachment') {
        counts.attachments!++;
        const rel = attachmentPath(item);
        if (rel) attachmentsById.set(item.id, rel);
        if (rel && (await isPresent(rel)) && /\.(jpe?g|png|gif|webp|avif)$/i.test(rel)) {
          counts.mediaImported!++;
          importedUploads.add(rel);
          for (const o of oldAddressesOfItem({ ...item, type: 'attachment' }, site)) if (o.kind !== 'feed') redirectPaths.add(o.path);
        } else {
          counts.mediaMissing!++;
          if (missing.size < MISSING_LIMIT) missing.add(rel ?? item.attachmentUrl);
        }
        continue;
      }
      if (!isArticleItem(item)) continue;
      countArticle(counts, item, { pingbacks: 'report' });
      postsByAuthor.set(item.creator, (postsByAuthor.get(item.creator) ?? 0) + 1);
      for (const t of item.terms) {
        if (t.domain === 'category') postsByCategory.set(t.slug, (postsByCategory.get(t.slug) ?? 0) + 1);
        if (t.domain === 'post_tag') tagSlugs.add(t.slug);
      }
      if (item.sticky) sticky.push({ wpId: item.id, title: plainText(item.title) });
      for (const o of oldAddressesOfItem(item, site)) redirectPaths.add(o.path);
    }
  }
  // Bodies are converted in a second read, once every attachment is known (they may come later
  // in the file), so no post is held in memory meanwhile.
  for await (const record of readWxr(files)) {
    if (record.kind !== 'item' || !isArticleItem(record.item)) continue;
    const a = { id: record.item.id, content: record.item.content, title: plainText(record.item.title) };
    const mentioned = uploadsMentioned(a.content);
    for (const rel of mentioned) {
      if (importedUploads.has(rel) || !(await isPresent(rel))) continue;
      // An image a body shows that no attachment record names: it comes in with the post.
      importedUploads.add(rel);
      counts.mediaImported!++;
    }
    const { notes } = convertWordPressContent(a.content, {
      siteUrls: [site.baseBlogUrl, site.baseSiteUrl].filter(Boolean),
      resolveImage: ({ url, attachmentId }) => {
        const rel = (url ? uploadPathOf(url)?.original : undefined) ?? (attachmentId ? attachmentsById.get(attachmentId) : undefined);
        return rel && present.get(rel) ? { src: '/media/placeholder.jpg', alt: '', caption: '', credit: '', width: 1, height: 1 } : null;
      },
    });
    for (const n of notes) {
      if (n.code === 'unknown-shortcode') unknownShortcodes[n.detail] = (unknownShortcodes[n.detail] ?? 0) + 1;
      else if (n.code === 'unknown-block') unknownBlocks[n.detail] = (unknownBlocks[n.detail] ?? 0) + 1;
      else if (n.code === 'embed') embedsAsLinks++;
      else if (n.code === 'missing-image') {
        const rel = uploadPathOf(n.detail)?.original;
        if (rel && missing.size < MISSING_LIMIT) missing.add(rel);
      }
      if (warnings.length < WARNING_LIMIT) warnings.push({ item: `post ${a.id} “${a.title.slice(0, 80)}”`, code: n.code, detail: n.detail });
    }
  }
  const choices = defaultCategoryChoices([...terms.values()]);
  const tree = categoryTree([...terms.values()]);
  const options: ImportOptions = {
    authors: {},
    categories: choices,
    defaultSection: tree.find((c) => c.slug === 'uncategorized') ? 'uncategorized' : (tree.find((c) => c.depth === 0)?.slug ?? 'news'),
    pagesSection: DEFAULT_PAGES_SECTION,
    pingbacks: 'report',
  };
  const authorRows: DryRunReport['authors'] = [];
  for (const a of authors.values()) {
    const match = a.email ? staffList.find((s) => s.email.toLowerCase() === a.email.toLowerCase()) : undefined;
    options.authors[a.login] = match ? { as: 'staff', staffId: match.id } : { as: 'new' };
    authorRows.push({ login: a.login, name: personName(a).name, email: a.email, posts: postsByAuthor.get(a.login) ?? 0, proposed: options.authors[a.login]!, matchesStaff: match ? match.name : null });
  }
  counts.authors = authors.size;
  const sectionSlugs = new Set(Object.entries(choices).filter(([, v]) => v === 'section').map(([k]) => k));
  if (counts.pages) sectionSlugs.add(`pages:${options.pagesSection}`);
  counts.sections = sectionSlugs.size;
  counts.topics = Object.values(choices).filter((v) => v === 'topic').length + tagSlugs.size;
  for (const c of tree) for (const o of archiveAddresses('category', categoryPathOf(c.slug, terms), c.slug ? (terms.get(c.slug)?.termId ?? null) : null, site)) redirectPaths.add(o.path);
  for (const t of tagSlugs) for (const o of archiveAddresses('tag', t, null, site)) redirectPaths.add(o.path);
  for (const a of authors.values()) for (const o of archiveAddresses('author', a.login, a.id || null, site)) redirectPaths.add(o.path);
  for (const p of siteFeedAddresses(site)) redirectPaths.add(p);
  for (const rel of importedUploads) redirectPaths.add(uploadAddress(rel, site));
  redirectPaths.delete('/');
  counts.redirects = redirectPaths.size;
  return {
    site,
    files: files.map((f) => path.basename(f)),
    counts,
    authors: authorRows,
    categories: tree.map((c) => ({ ...c, posts: postsByCategory.get(c.slug) ?? 0, proposed: choices[c.slug] ?? 'topic' })),
    tags: tagSlugs.size,
    unknownShortcodes,
    unknownBlocks,
    embedsAsLinks,
    missingMedia: [...missing],
    sticky,
    warnings,
    options,
  };
}

/** A category's archive path on WordPress: its ancestors' slugs, then its own (/category/news/council). */
function categoryPathOf(slug: string, terms: Map<string, WxrTerm>): string {
  const parts = [slug];
  const seen = new Set([slug]);
  let parent = terms.get(slug)?.parentSlug;
  while (parent && terms.has(parent) && !seen.has(parent)) {
    parts.unshift(parent);
    seen.add(parent);
    parent = terms.get(parent)?.parentSlug;
  }
  return parts.join('/');
}

// ---------------------------------------------------------------------------------------------
// The real run

export async function startImport(actor: Actor, files: string[], uploadsDir: string | null, plan: DryRunReport, options?: ImportOptions): Promise<number> {
  return createImportRun(actor, {
    source: siteKey(plan.site),
    files: files.map((f) => path.resolve(f)),
    uploadsDir: uploadsDir ? path.resolve(uploadsDir) : null,
    options: options ?? plan.options,
    plan: plan as unknown as Record<string, unknown>,
  });
}

export type RunControl = {
  actor: Actor | null;
  /** Stops (as a kill would) after this many items have been written in this call: for tests and the benchmark. */
  stopAfter?: number;
  onProgress?: (progress: { phase: string; done: number; counts: Record<string, number> }) => void;
  /** Called with each batch's cache tags (the dashboard expires them; the outbox reaches every instance). */
  onExpire?: (tags: string[]) => void;
  /**
   * Where this worker reads the run's files, once it holds the run: the dashboard's worker copies
   * the stored uploads to a temporary folder here, the command line gives the folder it unpacked an
   * uploads archive into. Without it, the paths recorded in the run are read.
   */
  prepare?: (run: ImportRun) => Promise<{ files: string[]; uploadsDir: string | null }>;
};

export class ImportStopped extends Error {}

type Context = {
  run: ImportRun;
  options: ImportOptions;
  site: WxrSite;
  source: string;
  counts: Record<string, number>;
  control: RunControl;
  written: number;
};

function tick(ctx: Context) {
  ctx.written++;
  if (ctx.control.stopAfter !== undefined && ctx.written >= ctx.control.stopAfter) throw new ImportStopped('stopped on request');
}

/**
 * Runs (or resumes) an import to its end. Returns the finished run, or null when another worker
 * holds it. A file that cannot be read ends the run as failed with the reader's message (the file
 * and line); what was written before stays, and the run resumes from its checkpoint when started again.
 */
export async function runImport(runId: number, control: RunControl): Promise<ImportRun | null> {
  const claimed = await claimImportRun(runId);
  if (!claimed) return null;
  let run = claimed;
  if (control.prepare) {
    try {
      run = { ...claimed, ...(await control.prepare(claimed)) };
    } catch (error) {
      await failImportRun(claimed.id, (error as Error).message);
      throw error;
    }
  }
  const ctx: Context = {
    run,
    options: run.options as unknown as ImportOptions,
    site: { title: '', link: '', baseSiteUrl: '', baseBlogUrl: '', wxrVersion: '', language: '' },
    source: run.source,
    counts: { ...Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])), ...run.counts },
    control,
    written: 0,
  };
  try {
    if (run.phase === 'media') {
      await mediaPass(ctx);
      await advanceImportRun(getExec(), run.id, 'posts', 0, ctx.counts);
      ctx.run = { ...ctx.run, phase: 'posts', checkpoint: 0 };
    }
    if (ctx.run.phase === 'posts') {
      await postsPass(ctx);
      await advanceImportRun(getExec(), run.id, 'verify', 0, ctx.counts);
    }
    // Images are counted from the mapping itself, so a run resumed part-way counts them all once.
    Object.assign(ctx.counts, await importedMediaCounts(run.source));
    const report = await verifyImport(run.id, run.source);
    await finishImportRun(run.id, report, ctx.counts);
  } catch (error) {
    if (error instanceof ImportStopped) {
      await releaseImportRun(run.id);
      throw error;
    }
    await failImportRun(run.id, (error as Error).message);
    throw error;
  }
  return getImportRun(run.id);
}

// advanceImportRun takes an executor; outside a transaction it is the database itself.
const getExec = () => getDb();

async function mediaPass(ctx: Context): Promise<void> {
  let ordinal = 0;
  const from = ctx.run.checkpoint;
  ctx.counts.attachments = 0;
  for await (const record of readWxr(ctx.run.files)) {
    if (record.kind === 'site') ctx.site = record.site;
    if (record.kind !== 'item' || record.item.type !== 'attachment') continue;
    ctx.counts.attachments!++;
    const index = ordinal++;
    if (index < from) continue;
    await importAttachment(ctx, record.item, index + 1);
    tick(ctx);
    ctx.control.onProgress?.({ phase: 'media', done: index + 1, counts: ctx.counts });
  }
}

function attachmentTexts(item: WxrItem) {
  return {
    alt: plainText(metaValue(item, '_wp_attachment_image_alt') ?? ''),
    caption: plainText(item.excerpt),
    credit: plainText(CREDIT_KEYS.map((k) => metaValue(item, k)).find(Boolean) ?? ''),
  };
}

async function importAttachment(ctx: Context, item: WxrItem, checkpoint: number): Promise<void> {
  const rel = attachmentPath(item);
  const key = { kind: 'attachment' as const, wpKey: String(item.id), oldUrl: item.link || item.attachmentUrl || null, alsoUpload: rel ?? undefined };
  const texts = attachmentTexts(item);
  const known = await findImportedMedia(ctx.source, 'attachment', String(item.id));
  if (known) {
    await recordImportedMedia(ctx.run, key, { existingId: known.id, ...texts }, ctx.control.actor?.id ?? null, { phase: 'media', value: checkpoint });
    ctx.counts.mediaImported!++;
    return;
  }
  const stored = rel ? await storeUpload(ctx, rel) : { ok: false as const, reason: 'no file named in the export' };
  if (!stored.ok) {
    ctx.counts.mediaMissing!++;
    await recordImportedMedia(ctx.run, { ...key, alsoUpload: undefined }, null, null, { phase: 'media', value: checkpoint }, [{ code: 'missing-image', detail: `${rel ?? item.attachmentUrl}: ${stored.reason}` }]);
    return;
  }
  // The same file may have come in already through a body (an upload with no attachment record).
  await recordImportedMedia(ctx.run, key, stored.existingId ? { existingId: stored.existingId, ...texts } : { ...stored.input, ...texts }, ctx.control.actor?.id ?? null, { phase: 'media', value: checkpoint });
  ctx.counts.mediaImported!++;
}

type Stored = { ok: true; existingId?: number; input: { processed: Awaited<ReturnType<typeof processUpload>>; mimeType: string } } | { ok: false; reason: string };

/** An upload's file through the upload pipeline (type from its bytes, re-encoded, sized copies). */
async function storeUpload(ctx: Context, rel: string): Promise<Stored | { ok: true; existingId: number; input: never }> {
  const prior = await findImportedMedia(ctx.source, 'upload', rel);
  if (prior) return { ok: true, existingId: prior.id, input: undefined as never };
  const file = uploadFile(ctx.run.uploadsDir, rel);
  if (!file) return { ok: false, reason: ctx.run.uploadsDir ? 'outside the uploads folder' : 'no uploads folder given' };
  let bytes: Buffer;
  try {
    const info = await stat(/*turbopackIgnore: true*/ file);
    if (info.size > MAX_UPLOAD_BYTES) return { ok: false, reason: 'larger than 15 MB' };
    bytes = await readFile(/*turbopackIgnore: true*/ file);
  } catch {
    return { ok: false, reason: 'not in the uploads folder' };
  }
  const type = sniffImageType(bytes);
  if (!type) return { ok: false, reason: 'not a JPEG, PNG, WebP, AVIF or GIF image' };
  try {
    return { ok: true, input: { processed: await processUpload(bytes, type), mimeType: type.mime } };
  } catch (error) {
    if (error instanceof UnreadableImageError) return { ok: false, reason: error.message };
    throw error;
  }
}

async function postsPass(ctx: Context): Promise<void> {
  const from = ctx.run.checkpoint;
  const authors = new Map<string, WxrAuthor>();
  const terms = new Map<string, WxrTerm>();
  const people = new Map<string, PersonResult>();
  const termIds = new Map<string, TermResult>();
  const mediaMap = await loadMapping(ctx.source, ['attachment', 'upload']);
  const mediaIds = [...new Set([...mediaMap.values()].filter((v): v is number => v !== null))];
  const details = await mediaDetails(mediaIds);
  const counts = ctx.counts;
  for (const k of ['posts', 'pages', 'published', 'drafts', 'inReview', 'scheduled', 'comments', 'pingbacks', 'authors', 'sections', 'topics', 'redirects'] as const) counts[k] = 0;
  let ordinal = 0;
  let batch: ArticleInput[] = [];
  let pendingUploads = new Map<string, number | null>();
  const redirectsOut: RedirectInput[] = [];
  const sectionsSeen = new Set<number>();
  const topicsSeen = new Set<number>();
  const redirectsSeen = new Set<string>();
  let archivesDone = false;

  const ensurePerson = async (login: string): Promise<PersonResult> => {
    const known = people.get(login);
    if (known) return known;
    const a = authors.get(login) ?? { id: 0, login, email: '', displayName: login, firstName: '', lastName: '' };
    const n = personName(a);
    const result = await importPerson(ctx.run, { login, wpId: a.id, email: a.email, ...n }, ctx.options);
    people.set(login, result);
    return result;
  };
  const ensureTerm = async (key: string, as: 'section' | 'topic', slug: string, name: string, description: string) => {
    const known = termIds.get(`${as}:${key}`);
    if (known) return known;
    const result = await importTerm(ctx.run, { key, as, slug, name, description });
    termIds.set(`${as}:${key}`, result);
    if (result.kind === 'section') sectionsSeen.add(result.id);
    else topicsSeen.add(result.id);
    return result;
  };
  const categorySection = (slug: string) => {
    const t = terms.get(slug);
    return ensureTerm(slug, 'section', sectionSlugFor(slug), t?.name ?? slug, t?.description ?? '');
  };
  const resolveImage = ({ url, attachmentId }: { url?: string; attachmentId?: number }): ResolvedImage | null => {
    const rel = url ? uploadPathOf(url) : null;
    const id = (rel ? (mediaMap.get(`upload:${rel.original}`) ?? mediaMap.get(`upload:${rel.path}`) ?? pendingUploads.get(rel.original)) : undefined) ?? (attachmentId ? mediaMap.get(`attachment:${attachmentId}`) : undefined);
    const d = id ? details.get(id) : undefined;
    return d ? { src: d.src, alt: d.alt, caption: d.caption, credit: d.credit, width: d.width, height: d.height } : null;
  };
  const flush = async (checkpoint: number) => {
    if (!batch.length) return;
    const tags = await importArticleBatch(ctx.run, batch, { phase: 'posts', value: checkpoint, counts: { ...counts } });
    ctx.control.onExpire?.(tags);
    batch = [];
    pendingUploads = new Map();
  };

  for await (const record of readWxr(ctx.run.files)) {
    if (record.kind === 'site') {
      ctx.site = record.site;
      continue;
    }
    if (record.kind === 'author') {
      authors.set(record.author.login, record.author);
      continue;
    }
    if (record.kind === 'term') {
      if (record.term.taxonomy === 'category' || record.term.taxonomy === 'post_tag') terms.set(`${record.term.taxonomy === 'post_tag' ? 'tag:' : ''}${record.term.slug}`, record.term);
      continue;
    }
    const item = record.item;
    if (item.type === 'attachment') {
      // Attachment pages answer with the image itself.
      const id = mediaMap.get(`attachment:${item.id}`);
      if (id) for (const o of oldAddressesOfItem({ ...item }, ctx.site)) if (o.kind !== 'feed') redirectsOut.push({ path: o.path, targetKind: 'media', targetId: id });
      continue;
    }
    if (!isArticleItem(item)) continue;
    const index = ordinal++;
    countArticle(counts, item, ctx.options);
    for (const o of oldAddressesOfItem(item, ctx.site)) redirectsSeen.add(o.path);
    if (index < from) continue; // written before the run was stopped
    batch.push(await prepareArticle(ctx, item, { ensurePerson, ensureTerm, categorySection, resolveImage, terms, details, mediaMap, pendingUploads }));
    tick(ctx);
    if (batch.length >= BATCH()) await flush(index + 1);
    ctx.control.onProgress?.({ phase: 'posts', done: index + 1, counts });
  }
  await flush(ordinal);

  // Archives and feeds: every category, tag and author the export names, once the people and terms exist.
  if (!archivesDone) {
    archivesDone = true;
    for (const a of authors.values()) {
      const p = await ensurePerson(a.login);
      for (const o of archiveAddresses('author', a.login, a.id || null, ctx.site)) {
        redirectsOut.push(p.staffId ? { path: o.path, targetKind: o.kind === 'feed' ? 'feed-author' : 'author', targetId: p.staffId } : { path: o.path, targetKind: o.kind === 'feed' ? 'feed-site' : 'home', targetId: null });
      }
    }
    for (const [key, t] of terms) {
      if (key.startsWith('tag:')) {
        const topic = await ensureTerm(`tag:${t.slug}`, 'topic', topicSlugFor(t.slug), t.name, t.description);
        for (const o of archiveAddresses('tag', t.slug, null, ctx.site)) redirectsOut.push({ path: o.path, targetKind: o.kind === 'feed' ? 'feed-topic' : 'topic', targetId: topic.id });
        continue;
      }
      const choice = ctx.options.categories[t.slug] ?? 'topic';
      const target = choice === 'section' ? await categorySection(t.slug) : await ensureTerm(`category:${t.slug}`, 'topic', topicSlugFor(t.slug), t.name, t.description);
      const kind = target.kind === 'section' ? 'section' : 'topic';
      for (const o of archiveAddresses('category', categoryPathOf(t.slug, terms), t.termId || null, ctx.site)) {
        redirectsOut.push({ path: o.path, targetKind: o.kind === 'feed' ? (kind === 'section' ? 'feed-section' : 'feed-topic') : kind, targetId: target.id });
      }
    }
    for (const p of siteFeedAddresses(ctx.site)) redirectsOut.push({ path: p, targetKind: 'feed-site', targetId: null });
    // The old image files themselves (hot-linked, or in feeds elsewhere) answer with the library's copy.
    for (const [key, id] of mediaMap) if (id && key.startsWith('upload:')) redirectsOut.push({ path: uploadAddress(key.slice('upload:'.length), ctx.site), targetKind: 'media', targetId: id });
    const rows = redirectsOut.filter((r) => r.path !== '/');
    await importRedirects(ctx.run, rows);
    for (const r of rows) redirectsSeen.add(r.path);
  }
  counts.authors = authors.size;
  counts.sections = sectionsSeen.size;
  counts.topics = topicsSeen.size;
  counts.redirects = redirectsSeen.size;
}

type Helpers = {
  ensurePerson: (login: string) => Promise<PersonResult>;
  ensureTerm: (key: string, as: 'section' | 'topic', slug: string, name: string, description: string) => Promise<TermResult>;
  categorySection: (slug: string) => Promise<TermResult>;
  resolveImage: (ref: { url?: string; attachmentId?: number }) => ResolvedImage | null;
  terms: Map<string, WxrTerm>;
  details: Map<number, { src: string; alt: string; caption: string; credit: string; width: number; height: number }>;
  mediaMap: Map<string, number | null>;
  pendingUploads: Map<string, number | null>;
};

const NO_ADDRESS = 'no-address@wordpress-import.invalid';

async function prepareArticle(ctx: Context, item: WxrItem, h: Helpers): Promise<ArticleInput> {
  const notes: { code: string; detail: string }[] = [];
  // Images a body shows that no attachment record named: through the upload pipeline now.
  for (const rel of uploadsMentioned(item.content)) {
    if (h.mediaMap.has(`upload:${rel}`)) continue;
    const stored = await storeUpload(ctx, rel);
    if (!stored.ok) {
      h.mediaMap.set(`upload:${rel}`, null);
      continue;
    }
    const id = stored.existingId ?? (await recordImportedMedia(ctx.run, { kind: 'upload', wpKey: rel, oldUrl: null }, { ...stored.input, alt: '', caption: '', credit: '' }, ctx.control.actor?.id ?? null));
    if (id) {
      h.mediaMap.set(`upload:${rel}`, id);
      const d = await mediaDetails([id]);
      for (const [k, v] of d) h.details.set(k, v);
      ctx.counts.mediaImported!++;
    }
  }
  const converted = convertWordPressContent(item.content, { siteUrls: [ctx.site.baseBlogUrl, ctx.site.baseSiteUrl].filter(Boolean), resolveImage: h.resolveImage });
  notes.push(...converted.notes);
  let headline = plainText(item.title);
  if (!headline) {
    headline = '(untitled)';
    notes.push({ code: 'flattened', detail: 'The post had no title' });
  }
  if (headline.length > 300) notes.push({ code: 'truncated', detail: 'The title was longer than 300 characters' });
  let standfirst = plainText(item.excerpt);
  if (standfirst.length > 1000) {
    notes.push({ code: 'truncated', detail: 'The excerpt was longer than 1,000 characters' });
    standfirst = `${standfirst.slice(0, 999)}…`;
  }
  const status = effectiveStatus(item);
  const publishedAt = publicationDate(item);
  if (item.status === 'private' || item.status === 'trash') notes.push({ code: 'flattened', detail: `A ${item.status} post: imported as a draft, not published` });
  if (item.password) notes.push({ code: 'flattened', detail: 'A password-protected post: imported as a draft, not published' });
  if (statusFor(item) !== status && !item.password) notes.push({ code: 'flattened', detail: 'No publication date: imported as a draft' });

  // Section and topics.
  const cats = item.terms.filter((t) => t.domain === 'category').map((t) => t.slug);
  let sectionId: number | null = null;
  const topicIds: number[] = [];
  const topicSlugs: string[] = [];
  if (item.type === 'page') {
    sectionId = (await h.ensureTerm(`pages:${ctx.options.pagesSection}`, 'section', sectionSlugFor(ctx.options.pagesSection), 'Pages', '')).id;
  } else {
    const sectionCat = sectionCategoryFor(cats, h.terms, ctx.options.categories) ?? ctx.options.defaultSection;
    sectionId = (await h.categorySection(sectionCat)).id;
    for (const slug of cats) {
      if (ctx.options.categories[slug] === 'section') continue;
      const t = h.terms.get(slug);
      const topic = await h.ensureTerm(`category:${slug}`, 'topic', topicSlugFor(slug), t?.name ?? slug, t?.description ?? '');
      topicIds.push(topic.id);
      topicSlugs.push(topic.slug);
    }
  }
  for (const t of item.terms.filter((t) => t.domain === 'post_tag')) {
    const known = h.terms.get(`tag:${t.slug}`);
    const topic = await h.ensureTerm(`tag:${t.slug}`, 'topic', topicSlugFor(t.slug), known?.name ?? t.name, known?.description ?? '');
    topicIds.push(topic.id);
    topicSlugs.push(topic.slug);
  }

  // Byline: the author as staff or a byline, or a custom-field byline where the paper used one.
  const person = await h.ensurePerson(item.creator || 'unknown');
  const customByline = BYLINE_KEYS.map((k) => metaValue(item, k)).find((v) => v && plainText(v));
  const bylineText = customByline ? plainText(customByline).slice(0, 200) : person.byline;
  const authorIds = customByline || !person.staffId ? [] : [person.staffId];
  const thumb = Number(metaValue(item, '_thumbnail_id') ?? 0);
  const featuredImageId = thumb ? (h.mediaMap.get(`attachment:${thumb}`) ?? null) : null;
  if (thumb && !featuredImageId) notes.push({ code: 'missing-image', detail: `The featured image (attachment ${thumb}) is not in the uploads` });
  if (item.sticky) notes.push({ code: 'sticky', detail: 'Sticky on WordPress: pin it on the front page if it should stay at the top' });

  const comments: ArticleInput['comments'] = [];
  const pingbacks: ArticleInput['pingbacks'] = [];
  for (const c of item.comments) {
    if (isPingback(c.type)) {
      if (ctx.options.pingbacks === 'report') pingbacks.push({ wpId: c.id, url: c.authorUrl, excerpt: commentHtmlToText(c.content) });
      continue;
    }
    if (!isImportableComment(c)) continue;
    let body = commentHtmlToText(c.content);
    if (body.length > 5000) body = `${body.slice(0, 4999)}…`;
    const email = /^[^@\s]+@[^@\s]+$/.test(c.authorEmail) && c.authorEmail.length <= 100 ? c.authorEmail : NO_ADDRESS;
    comments.push({
      wpId: c.id,
      parentWpId: c.parent,
      authorName: truncateBytes(plainText(c.author) || 'Anonymous', 245),
      authorEmail: email,
      body,
      status: commentStatusFor(c.approved),
      createdAt: parseWpGmtDate(c.dateGmt) ?? parseWpGmtDate(c.date) ?? publishedAt ?? new Date(),
      clientAddress: c.authorIp ? c.authorIp.slice(0, 64) : null,
    });
  }
  const modifiedAt = parseWpGmtDate(item.modifiedGmt);
  return {
    kind: item.type === 'page' ? 'page' : 'post',
    wpId: item.id,
    slug: articleSlugFor(item),
    headline: headline.slice(0, 300),
    standfirst,
    body: converted.body,
    bodyText: bodyToText(converted.body),
    status,
    publishedAt,
    modifiedAt,
    sectionId,
    topicIds,
    topicSlugs,
    authorIds,
    authorSlugs: authorIds.length && person.slug ? [person.slug] : [],
    bylineText,
    featuredImageId,
    commentMode: item.commentStatus === 'closed' ? 'closed' : 'open',
    createdBy: person.staffId ?? ctx.control.actor?.id ?? null,
    oldUrl: item.link ? oldPathOf(item.link, ctx.site) : null,
    oldAddresses: oldAddressesOfItem(item, ctx.site),
    notes,
    comments,
    pingbacks,
  };
}

