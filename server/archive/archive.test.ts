// The publication export and import, end to end: the demo newspaper (plus revisions, a ban and old
// addresses made through the real mutations and tables) exported from one database and imported
// into a second, fresh one, compared by what readers and editors see. Then: a second import adds
// nothing, bad archives are refused by name and line with nothing written, a failure half-way
// leaves no rows and no files, and a conflicting slug is reported, not overwritten.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { asc, eq, sql } from 'drizzle-orm';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, type Db } from '../../db/connection';
import { banCommenter } from '../../db/mutations/comments';
import { createArticle, saveArticle } from '../../db/mutations/articles';
import { getPublishedArticle } from '../../db/queries/articles';
import { listThreadPage } from '../../db/queries/comments';
import { listCorrections } from '../../db/queries/corrections';
import { findImportActor, findRedirect } from '../../db/queries/wordpress-import';
import * as schema from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { closeTestDatabase, openTestDatabase } from '../../db/testing';
import { startS3rver } from '@/scripts/s3rver.mjs';
import { readMediaFile } from '../media/storage';
import { exportPublication } from './export';
import { importPublication } from './import';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-test-'));
const archive = path.join(work, 'paper.tar.gz');
const NOW = new Date('2026-11-30T09:00:00Z');

const md5 = (b: Buffer) => crypto.createHash('md5').update(b).digest('hex');

/** Every table's row count: "nothing written" means these do not move. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries({
    staff: schema.staff,
    sections: schema.sections,
    tags: schema.tags,
    media: schema.media,
    articles: schema.articles,
    revisions: schema.revisions,
    corrections: schema.corrections,
    comments: schema.comments,
    redirects: schema.redirects,
    urlHistory: schema.urlHistory,
    liveEntries: schema.liveEntries,
    commentBans: schema.commentBans,
    importItems: schema.importItems,
    settings: schema.siteSettings,
  })) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    out[name] = Number(row!.n);
  }
  return out;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Drops the keys that are database ids, which differ by design between the two databases. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => !/^(id|.*Id|.*Ids)$/.test(k)).map(([k, v]) => [k, withoutIds(v)]));
  return value;
}

/** What readers and editors see of the publication, with every id replaced by what it names. */
async function whatPeopleSee(db: Db) {
  const staffRows = await db.select().from(schema.staff).orderBy(asc(schema.staff.slug));
  const staffSlug = new Map(staffRows.map((s) => [s.id, s.slug]));
  const sectionRows = await db.select().from(schema.sections).orderBy(asc(schema.sections.slug));
  const sectionSlug = new Map(sectionRows.map((s) => [s.id, s.slug]));
  const mediaRows = await db.select().from(schema.media).orderBy(asc(schema.media.src));
  const mediaSrc = new Map(mediaRows.map((m) => [m.id, m.src]));
  const articleRows = await db.select().from(schema.articles).orderBy(asc(schema.articles.slug));

  const articles = [];
  for (const a of articleRows) {
    const authors = await db.select({ slug: schema.staff.slug }).from(schema.articleAuthors).innerJoin(schema.staff, eq(schema.staff.id, schema.articleAuthors.staffId)).where(eq(schema.articleAuthors.articleId, a.id)).orderBy(asc(schema.articleAuthors.position));
    const topics = await db.select({ slug: schema.tags.slug }).from(schema.articleTags).innerJoin(schema.tags, eq(schema.tags.id, schema.articleTags.tagId)).where(eq(schema.articleTags.articleId, a.id)).orderBy(asc(schema.tags.slug));
    const revisions = await db.select().from(schema.revisions).where(eq(schema.revisions.articleId, a.id)).orderBy(asc(schema.revisions.version));
    const corrections = await db.select().from(schema.corrections).where(eq(schema.corrections.articleId, a.id)).orderBy(asc(schema.corrections.publishedAt));
    const withdrawals = await db.select().from(schema.articleWithdrawals).where(eq(schema.articleWithdrawals.articleId, a.id));
    const oldPaths = await db.select({ path: schema.urlHistory.path }).from(schema.urlHistory).where(eq(schema.urlHistory.articleId, a.id)).orderBy(asc(schema.urlHistory.path));
    // Every comment, any status, as moderators see them; parents named by their place in the list.
    const comments = await db.select().from(schema.comments).where(eq(schema.comments.articleId, a.id)).orderBy(asc(schema.comments.createdAt), asc(schema.comments.authorEmail));
    const place = new Map(comments.map((c, i) => [c.id, i]));
    const entries = await db.select().from(schema.liveEntries).where(eq(schema.liveEntries.articleId, a.id)).orderBy(asc(schema.liveEntries.postedAt));
    const { id, sectionId, featuredImageId, createdBy, bylineIds, search, searchLead, ...fields } = a;
    articles.push({
      ...fields,
      section: sectionId ? sectionSlug.get(sectionId) : null,
      featuredImage: featuredImageId ? mediaSrc.get(featuredImageId) : null,
      createdBy: createdBy ? staffSlug.get(createdBy) : null,
      bylines: bylineIds.map((s) => staffSlug.get(s)),
      authors: authors.map((x) => x.slug),
      topics: topics.map((x) => x.slug),
      revisions: revisions.map((r) => ({
        version: r.version,
        by: r.staffId ? staffSlug.get(r.staffId) : null,
        createdAt: r.createdAt,
        snapshot: { ...(withoutIds(r.snapshot) as object), section: sectionSlug.get(r.snapshot.sectionId as number) ?? null, authors: ((r.snapshot.authorIds as number[]) ?? []).map((s) => staffSlug.get(s)) },
      })),
      corrections: corrections.map((c) => ({ kind: c.kind, body: c.body, publishedAt: c.publishedAt, by: c.staffId ? staffSlug.get(c.staffId) : null })),
      withdrawals: withdrawals.map((w) => ({ headline: w.headline, reason: w.reason, withdrawnAt: w.withdrawnAt })),
      oldPaths: oldPaths.map((p) => p.path),
      comments: comments.map((c) => ({ parent: c.parentId == null ? null : place.get(c.parentId), depth: c.depth, name: c.authorName, email: c.authorEmail, body: c.body, status: c.status, heldReason: c.heldReason, createdAt: c.createdAt, ancestors: c.parentPath.map((p) => place.get(p)) })),
      liveEntries: entries.map((e) => ({ title: e.title, body: e.body, postedAt: e.postedAt, keyEvent: e.keyEvent, pinned: e.pinned, correction: e.correction })),
      // The reader's page and its first page of comments, as the site renders them.
      page: a.status === 'published' ? withoutIds(await getPublishedArticle(a.slug)) : null,
      thread: a.status === 'published' ? withoutIds((await listThreadPage(a.id, 'oldest', null, 500)).comments) : null,
    });
  }
  const files: Record<string, string[]> = {};
  for (const m of mediaRows) {
    const srcs = [m.src, ...m.variants.map((v) => v.src), ...(m.cropSrc ? [m.cropSrc] : [])];
    files[m.src] = await Promise.all(srcs.map(async (s) => (s.startsWith('/media/') ? md5((await readMediaFile(s))!.bytes) : s)));
  }
  const redirectRows = await db.select().from(schema.redirects).orderBy(asc(schema.redirects.path));
  const [settings] = await db.select().from(schema.siteSettings);
  return {
    settings: { ...settings, modifiedAt: undefined },
    staff: staffRows.map(({ id, passwordHash, sessionVersion, ...s }) => s),
    sections: sectionRows.map(({ id, ...s }) => s),
    topics: (await db.select().from(schema.tags).orderBy(asc(schema.tags.slug))).map(({ id, ...t }) => t),
    media: mediaRows.map(({ id, uploadedBy, ...m }) => ({ ...m, uploadedBy: uploadedBy ? staffSlug.get(uploadedBy) : null })),
    files,
    articles,
    redirects: await Promise.all(redirectRows.map(async (r) => ({ path: r.path, kind: r.targetKind, to: await findRedirect(r.path) }))),
    bans: (await db.select().from(schema.commentBans)).map((b) => ({ kind: b.kind, value: b.value, reason: b.reason })),
    corrections: withoutIds(await listCorrections()),
  };
}

let before: Awaited<ReturnType<typeof whatPeopleSee>>;
let sourceHashes: string[] = [];

async function openWithMedia(name: string) {
  process.env.MEDIA_DIR = path.join(work, name);
  await openTestDatabase();
  return getDb();
}

beforeAll(async () => {
  const db = await openWithMedia('source-media');
  await seedDatabase(db, { now: NOW });
  const [admin] = await db.select().from(schema.staff).where(eq(schema.staff.email, 'admin@example.org'));
  const actor = { id: admin!.id, role: admin!.role };
  // An article edited twice through the editor's own mutations: three revisions.
  const [section] = await db.select().from(schema.sections).limit(1);
  const made = await createArticle(actor, { headline: 'Ferry timetable draft', sectionId: section!.id });
  if (!made.ok) throw new Error('createArticle failed');
  for (const [version, words] of [
    [1, 'The winter timetable starts in January.'],
    [2, 'The winter timetable starts on 5 January, with two fewer sailings.'],
  ] as const) {
    const saved = await saveArticle(actor, made.id, version, {
      headline: `Ferry timetable draft v${version + 1}`,
      slug: 'ferry-timetable-draft',
      sectionId: section!.id,
      authorIds: [admin!.id],
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] },
    });
    if (!saved.ok) throw new Error(`saveArticle failed: ${JSON.stringify(saved)}`);
  }
  await banCommenter('email', 'troll@example.net', 'Repeated abuse', actor);
  // Old addresses, as the WordPress import leaves them.
  const [story] = await db.select().from(schema.articles).where(eq(schema.articles.status, 'published')).limit(1);
  const [someone] = await db.select().from(schema.staff).where(eq(schema.staff.role, 'author')).limit(1);
  await db.insert(schema.redirects).values([
    { path: '/2019/03/old-story/', targetKind: 'article', targetId: story!.id, source: 'https://old.example.org' },
    { path: '/?p=12', targetKind: 'article', targetId: story!.id, source: 'https://old.example.org' },
    { path: '/category/news/', targetKind: 'section', targetId: section!.id, source: 'https://old.example.org' },
    { path: '/author/someone/', targetKind: 'author', targetId: someone!.id, source: 'https://old.example.org' },
    { path: '/old-home/', targetKind: 'home', targetId: null, source: 'https://old.example.org' },
  ]);
  sourceHashes = (await db.select({ h: schema.staff.passwordHash }).from(schema.staff)).map((r) => r.h!).filter(Boolean);
  before = await whatPeopleSee(db);
  await exportPublication(archive, { now: NOW });
  await closeTestDatabase();
}, 600_000);

afterAll(async () => {
  await closeTestDatabase();
  await fsp.rm(work, { recursive: true, force: true });
});

/** The archive's files, by name, as text (media files left out). */
async function archiveEntries(file: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await tar.list({
    file,
    onReadEntry: (entry) => {
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => out.set(entry.path, Buffer.concat(chunks).toString('utf8')));
    },
  });
  return out;
}

/** A copy of the archive with one file changed. */
async function tampered(name: string, change: (entries: Map<string, string>) => void): Promise<string> {
  const dir = path.join(work, `tamper-${name}`);
  await fsp.mkdir(dir, { recursive: true });
  await tar.extract({ file: archive, cwd: dir });
  const entries = new Map<string, string>();
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json') || f.endsWith('.jsonl'))) entries.set(f, fs.readFileSync(path.join(dir, f), 'utf8'));
  change(entries);
  for (const [f, text] of entries) fs.writeFileSync(path.join(dir, f), text);
  const out = path.join(work, `${name}.tar.gz`);
  await tar.create({ gzip: true, file: out, cwd: dir }, fs.readdirSync(dir));
  return out;
}

describe('the archive', () => {
  it('is a gzip tar with the manifest first, and holds no password hash, session version or token', async () => {
    const entries = await archiveEntries(archive);
    const names = [...entries.keys()];
    expect(names[0]).toBe('manifest.json');
    const manifest = JSON.parse(entries.get('manifest.json')!);
    expect(manifest).toMatchObject({ format: 'broadsheet-archive', formatVersion: 1 });
    expect(manifest.schemaMigrations).toBeGreaterThan(15);
    expect(manifest.counts.articles).toBe(before.articles.length);
    expect(manifest.counts.staff).toBe(8);
    expect(manifest.files.count).toBeGreaterThan(10);
    for (const kind of ['staff', 'sections', 'topics', 'media', 'articles', 'revisions', 'corrections', 'comments', 'redirects']) expect(names).toContain(`${kind}.jsonl`);

    // The raw bytes, all of them (media files included), decompressed.
    const raw = zlib.gunzipSync(fs.readFileSync(archive)).toString('latin1');
    expect(sourceHashes.length).toBe(8);
    for (const h of new Set(sourceHashes)) expect(raw.includes(h)).toBe(false);
    expect(raw).not.toMatch(/\$argon2/);
    expect(raw).not.toMatch(/passwordHash|password_hash|sessionVersion|session_version|tokenHash|token_hash/);
    // Commenters' addresses are in (moderation needs them); their network addresses are not.
    expect(raw).toContain('@');
    expect(entries.get('comments.jsonl')).not.toMatch(/clientAddress|userAgent/);
  });
});

describe('importing into a fresh database', () => {
  let countsAfterImport: Record<string, number>;

  it('gives readers and editors the same publication, files byte for byte', async () => {
    const db = await openWithMedia('target-media');
    // A target whose ids are not free: rows made and deleted first, so ids cannot line up by luck.
    const [s] = await db.insert(schema.sections).values({ slug: 'scratch', name: 'Scratch' }).returning();
    await db.delete(schema.sections).where(eq(schema.sections.id, s!.id));
    const result = await importPublication(archive);
    expect(result.report.conflicts).toEqual([]);
    expect(result.expire).toContain('all');
    const after = await whatPeopleSee(db);
    expect(after.articles.length).toBe(before.articles.length);
    expect(after.articles.filter((a) => a.revisions.length >= 3).length).toBeGreaterThan(0);
    expect(after.articles.flatMap((a) => a.comments).filter((c) => c.parent !== null).length).toBeGreaterThan(0);
    for (let i = 0; i < before.articles.length; i++) expect(after.articles[i], before.articles[i]!.slug).toEqual(before.articles[i]);
    expect(after.files).toEqual(before.files);
    expect(after).toEqual(before);
    // Nobody can sign in with an archive's account until they set a password.
    expect((await db.select({ h: schema.staff.passwordHash }).from(schema.staff)).every((r) => r.h === null)).toBe(true);
    // Running instances are told: the import's tags are in the invalidation outbox.
    const outbox = await db.select().from(schema.invalidations);
    expect(outbox.some((r) => r.tags.includes('all'))).toBe(true);
    countsAfterImport = await rowCounts(db);
  });

  it('adds nothing when the same archive is imported again', async () => {
    const db = getDb();
    const files = filesUnder(path.join(work, 'target-media')).length;
    const actor = await findImportActor(null);
    const again = await importPublication(archive, { actor });
    for (const [kind, k] of Object.entries(again.report.kinds)) expect(k.created, kind).toBe(0);
    expect(again.report.kinds.articles!.matched).toBe(before.articles.length);
    expect(await rowCounts(db)).toEqual(countsAfterImport);
    expect(filesUnder(path.join(work, 'target-media')).length).toBe(files);
  });

  it('does not take another publication at the same address for this one', async () => {
    // Same SITE_URL, another publication (its own key): its article 1 is a story of its own, and
    // must not be taken for the article 1 the first archive brought.
    const other = await tampered('other-paper', (e) => {
      const manifest = JSON.parse(e.get('manifest.json')!);
      e.set('manifest.json', JSON.stringify({ ...manifest, source: { ...manifest.source, key: 'another-publication' } }));
      const lines = e.get('articles.jsonl')!.split('\n');
      lines[0] = JSON.stringify({ ...JSON.parse(lines[0]!), slug: 'a-story-from-another-paper', headline: 'A story from another paper', path: null, status: 'draft' });
      e.set('articles.jsonl', lines.join('\n'));
    });
    const result = await importPublication(other, { actor: await findImportActor(null) });
    expect(result.report.kinds.articles).toMatchObject({ created: 1, matched: before.articles.length - 1 });
    expect(await getDb().select({ id: schema.articles.id }).from(schema.articles).where(eq(schema.articles.slug, 'a-story-from-another-paper'))).toHaveLength(1);
  });

  it('needs an admin to import into a database that has staff', async () => {
    await expect(importPublication(archive)).rejects.toThrow(/name the admin/);
  });

  it('refuses bad archives by file and line, and writes nothing', async () => {
    const db = getDb();
    const actor = await findImportActor(null);
    const counts = await rowCounts(db);
    const files = filesUnder(path.join(work, 'target-media')).length;
    const notGzip = path.join(work, 'not-gzip.tar.gz');
    fs.writeFileSync(notGzip, 'just some text');
    const notTar = path.join(work, 'not-tar.tar.gz');
    fs.writeFileSync(notTar, zlib.gzipSync(Buffer.from('hello, this is not a tar file at all\n'.repeat(40))));
    const otherTar = path.join(work, 'other.tar.gz');
    fs.writeFileSync(path.join(work, 'notes.txt'), 'a different archive');
    await tar.create({ gzip: true, file: otherTar, cwd: work }, ['notes.txt']);
    const newer = await tampered('newer', (e) => e.set('manifest.json', JSON.stringify({ ...JSON.parse(e.get('manifest.json')!), formatVersion: 2 })));
    const brokenLine = await tampered('broken-line', (e) => {
      const lines = e.get('articles.jsonl')!.split('\n');
      lines[2] = lines[2]!.slice(0, 40);
      e.set('articles.jsonl', lines.join('\n'));
    });
    const badField = await tampered('bad-field', (e) => {
      const lines = e.get('comments.jsonl')!.split('\n');
      lines[4] = JSON.stringify({ ...JSON.parse(lines[4]!), status: 'published' });
      e.set('comments.jsonl', lines.join('\n'));
    });
    const withHash = await tampered('with-hash', (e) => {
      const lines = e.get('staff.jsonl')!.split('\n');
      lines[0] = JSON.stringify({ ...JSON.parse(lines[0]!), passwordHash: '$argon2id$v=19$x' });
      e.set('staff.jsonl', lines.join('\n'));
    });
    const truncated = await tampered('truncated', (e) => e.set('revisions.jsonl', e.get('revisions.jsonl')!.split('\n').slice(0, 1).join('\n') + '\n'));
    const cases: [string, RegExp][] = [
      [notGzip, /not a gzip file/],
      [notTar, /not a tar archive|not a Broadsheet archive/],
      [otherTar, /not a Broadsheet archive \(it has no manifest\.json\)/],
      [newer, /manifest\.json: made by a newer Broadsheet \(archive format version 2/],
      [brokenLine, /^articles\.jsonl, line 3: not JSON/],
      [badField, /^comments\.jsonl, line 5: status:/],
      [withHash, /^staff\.jsonl, line 1: .*passwordHash/],
      [truncated, /^revisions\.jsonl: has 1 lines, but manifest\.json says \d+/],
    ];
    for (const [file, message] of cases) {
      await expect(importPublication(file, { actor }), file).rejects.toThrow(message);
    }
    process.env.IMPORT_ARCHIVE_MAX_BYTES = '100000';
    try {
      await expect(importPublication(archive, { actor })).rejects.toThrow(/unpacks to more than 100,000 bytes/);
    } finally {
      delete process.env.IMPORT_ARCHIVE_MAX_BYTES;
    }
    expect(await rowCounts(db)).toEqual(counts);
    expect(filesUnder(path.join(work, 'target-media')).length).toBe(files);
  });
});

describe('importing into a database that holds content already', () => {
  it('rolls back everything, files included, when a row fails half-way', async () => {
    await closeTestDatabase();
    const db = await openWithMedia('third-media');
    // Valid as a line, refused by the database (a name over 245 bytes), after the media were copied.
    const bad = await tampered('refused-row', (e) => {
      const lines = e.get('comments.jsonl')!.split('\n');
      lines[1] = JSON.stringify({ ...JSON.parse(lines[1]!), authorName: 'é'.repeat(200) });
      e.set('comments.jsonl', lines.join('\n'));
    });
    const counts = await rowCounts(db);
    await expect(importPublication(bad)).rejects.toThrow(/comments\.jsonl, line 2: the comment was refused/);
    expect(await rowCounts(db)).toEqual(counts);
    expect(filesUnder(path.join(work, 'third-media'))).toEqual([]);
  });

  it('reports a slug that exists with other words, and leaves both the article and its section as they were', async () => {
    const db = getDb();
    const slug = before.articles.find((a) => a.status === 'published' && a.comments.length > 0)!.slug;
    const [admin] = await db.insert(schema.staff).values({ slug: 'local-admin', name: 'Local Admin', firstName: 'Local', lastName: 'Admin', email: 'local@example.com', role: 'admin' }).returning();
    const [mine] = await db.insert(schema.sections).values({ slug: before.sections[0]!.slug, name: 'Our own name' }).returning();
    await db.insert(schema.articles).values({ slug, headline: 'Our own story under that slug', status: 'draft', sectionId: mine!.id });
    const result = await importPublication(archive, { actor: { id: admin!.id, role: 'admin' } });
    const articleConflict = result.report.conflicts.find((c) => c.file === 'articles.jsonl');
    expect(articleConflict).toMatchObject({ key: slug });
    expect(articleConflict!.message).toMatch(/different content exists here; not imported/);
    expect(result.report.conflicts.some((c) => c.file === 'sections.jsonl' && c.key === mine!.slug)).toBe(true);
    const [kept] = await db.select().from(schema.articles).where(eq(schema.articles.slug, slug));
    expect(kept!.headline).toBe('Our own story under that slug');
    expect((await db.select().from(schema.comments).where(eq(schema.comments.articleId, kept!.id))).length).toBe(0);
    const [section] = await db.select().from(schema.sections).where(eq(schema.sections.id, mine!.id));
    expect(section!.name).toBe('Our own name');
    expect(result.report.kinds.articles!.created).toBe(before.articles.length - 1);
    // The archive's people arrive switched off in a newsroom that has staff: no working accounts handed out.
    const imported = await db.select({ active: schema.staff.active }).from(schema.staff).where(sql`${schema.staff.slug} <> 'local-admin'`);
    expect(imported.length).toBe(8);
    expect(imported.every((r) => !r.active)).toBe(true);
    expect(result.report.conflicts.filter((c) => c.file === 'staff.jsonl' && /inactive/.test(c.message)).length).toBeGreaterThan(0);
    // A redirect to the article that was not imported is left out and said so.
    const redirectsSkipped = result.report.conflicts.filter((c) => c.file === 'redirects.jsonl');
    expect(redirectsSkipped.every((c) => /was not imported/.test(c.message))).toBe(true);
  });
});

describe('an S3 bucket on either side', () => {
  it('imports the files into a bucket and exports them from it, byte for byte', async () => {
    await closeTestDatabase();
    const s3 = await startS3rver({ port: 0, dir: path.join(work, 's3') });
    const saved = Object.fromEntries(Object.keys(s3.env).map((k) => [k, process.env[k]]));
    try {
      Object.assign(process.env, s3.env);
      const db = await openWithMedia('unused-local-media');
      await importPublication(archive);
      expect((await whatPeopleSee(db)).files).toEqual(before.files);
      expect(filesUnder(path.join(work, 'unused-local-media'))).toEqual([]);
      // And out of the bucket again: the same files as the first archive.
      const second = path.join(work, 'from-s3.tar.gz');
      await exportPublication(second);
      const hashes = async (file: string) => {
        const out: Record<string, string> = {};
        await tar.list({
          file,
          onReadEntry: (entry) => {
            const chunks: Buffer[] = [];
            entry.on('data', (c: Buffer) => chunks.push(c));
            entry.on('end', () => {
              if (entry.type === 'File' && entry.path.startsWith('files/')) out[entry.path] = md5(Buffer.concat(chunks));
            });
          },
        });
        return out;
      };
      const original = await hashes(archive);
      expect(Object.keys(original).length).toBeGreaterThan(10);
      expect(await hashes(second)).toEqual(original);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await s3.stop();
    }
  });
});
