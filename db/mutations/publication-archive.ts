import 'server-only';
// The publication import's writes (server/archive/import.ts reads and checks the archive, then
// hands its lines here): one transaction for the whole archive, so an archive that fails half-way
// leaves nothing behind. Every row gets a new id; the archive's ids are mapped (import_items,
// source "broadsheet-archive:<site address>#<key>") so a second run of the same archive, or a later archive of
// the same site, finds what it made before and adds nothing twice. Conflicts with content already
// in the database are reported, never overwritten: docs/decisions/2026-12-02-publication-export.md.
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../lib/permissions';
import { ArchiveError, canonicalJson, redirectTargetKind, rewriteBodySrcs, type ArchiveKind, type ArchiveRow, type LinePlace } from '../../lib/publication-archive';
import { getDb, type Db } from '../client';
import { recordInvalidation } from '../invalidation';
import {
  articleAuthors,
  articles,
  articleTags,
  articleWithdrawals,
  auditLog,
  commentBans,
  comments,
  corrections,
  importItems,
  liveBlogs,
  liveEntries,
  liveEntryAuthors,
  media,
  redirects,
  revisions,
  sections,
  siteSettings,
  staff,
  tags,
  urlHistory,
} from '../schema';
import { publicationImportTags } from '../tags';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** What the importer reads from the archive: each file's lines (checked), and the media files. */
export type ArchiveSource = {
  /** The exporting publication, as the manifest names it (address and key): what the mapping is kept under. */
  site: string;
  lines<K extends ArchiveKind>(kind: K): AsyncIterable<{ place: LinePlace; row: ArchiveRow<K> }>;
  /** Puts one of the archive's media files into the media store; returns the path it has there (a new one if the old was taken). */
  storeFile(src: string): Promise<string>;
};

export type KindReport = { created: number; matched: number; skipped: number };
export type ImportConflict = { file: string; line: number; key: string; message: string };
export type PublicationImportReport = {
  kinds: Record<string, KindReport>;
  /** Lines not imported, or imported differently, because of what the database already held. */
  conflicts: ImportConflict[];
};

export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

/** The kinds whose archive ids are remembered, as import_items kinds. */
const MAPPED = ['staff', 'sections', 'topics', 'media', 'articles'] as const;
type Mapped = (typeof MAPPED)[number];

export const archiveMappingSource = (site: string) => `broadsheet-archive:${site}`;

/**
 * Imports a checked archive. `actor` must be an admin, except into a database without any staff
 * (a new installation, whose first accounts come from the archive).
 */
export async function importPublicationRows(input: ArchiveSource, actor: Actor | null): Promise<{ report: PublicationImportReport; expire: string[] }> {
  const mappingSource = archiveMappingSource(input.site);
  return getDb().transaction(async (tx) => {
    // One import at a time: two at once would both see a slug as free.
    await tx.execute(sql`select pg_advisory_xact_lock(7201, 2)`);
    // A newsroom that has staff already takes the archive's people as inactive accounts, for an
    // admin to switch on (as the WordPress import does): an archive cannot hand out working
    // accounts, admins among them, in someone else's newsroom. A new installation takes its
    // whole newsroom as it was.
    const [hadStaff] = await tx.select({ id: staff.id }).from(staff).limit(1);
    if (actor) {
      const [me] = await tx.select({ role: staff.role, active: staff.active }).from(staff).where(eq(staff.id, actor.id)).for('update');
      if (!me || !me.active || me.role !== 'admin') throw new ImportRefusedError('Only an active admin can import a publication.');
    } else {
      if (hadStaff) throw new ImportRefusedError('This database has staff already: name the admin the import acts as.');
    }

    const report: PublicationImportReport = { kinds: {}, conflicts: [] };
    const tally = (kind: ArchiveKind, what: keyof KindReport) => {
      const k = (report.kinds[kind] ??= { created: 0, matched: 0, skipped: 0 });
      k[what] += 1;
    };
    const conflict = (place: LinePlace, key: string, message: string) => report.conflicts.push({ file: place.file, line: place.line, key, message });
    const fail = (place: LinePlace, problem: string): never => {
      throw new ArchiveError(place.file, place.line, problem);
    };

    // What earlier runs of this site's archives made, and what this run makes.
    const map: Record<Mapped, Map<number, number>> = { staff: new Map(), sections: new Map(), topics: new Map(), media: new Map(), articles: new Map() };
    for (const row of await tx.select({ kind: importItems.kind, key: importItems.wpKey, target: importItems.targetId }).from(importItems).where(eq(importItems.source, mappingSource))) {
      if ((MAPPED as readonly string[]).includes(row.kind) && row.target != null) map[row.kind as Mapped].set(Number(row.key), row.target);
    }
    const remember = async (kind: Mapped, from: number, to: number) => {
      map[kind].set(from, to);
      await tx
        .insert(importItems)
        .values({ source: mappingSource, kind, wpKey: String(from), targetId: to })
        .onConflictDoUpdate({ target: [importItems.source, importItems.kind, importItems.wpKey], set: { targetId: to, modifiedAt: new Date() } });
    };
    /** The new id of a row the archive names; a line naming a row the archive does not hold is a bad archive. */
    const need = (kind: Mapped, from: number, place: LinePlace): number => map[kind].get(from) ?? fail(place, `refers to ${kind} id ${from}, which is not in the archive`);
    const maybe = (kind: Mapped, from: number | null) => (from == null ? null : (map[kind].get(from) ?? null));
    /** Archive ids of the rows this run created (children are imported only for these). */
    const fresh = { articles: new Set<number>(), liveBlogs: new Set<number>() };
    /** Media paths the store gave new names. */
    const srcMap = new Map<string, string>();
    const rename = (src: string) => srcMap.get(src) ?? src;

    // --- settings: into a database without any; otherwise the target's stay and a difference is reported.
    for await (const { place, row } of input.lines('settings')) {
      const [current] = await tx.select().from(siteSettings).where(eq(siteSettings.id, 1));
      if (!current) {
        await tx.insert(siteSettings).values({ id: 1, ...row });
        tally('settings', 'created');
      } else {
        const differs = (Object.keys(row) as (keyof typeof row)[]).filter((k) => canonicalJson(row[k]) !== canonicalJson(current[k]));
        if (differs.length) conflict(place, 'settings', `this database has its own settings; kept them (the archive differs in ${differs.join(', ')})`);
        tally('settings', 'matched');
      }
    }

    // --- staff: by e-mail address; a new account has no password (each person sets one by a reset link).
    const takenSlug = async (table: typeof staff | typeof sections | typeof tags, slug: string) => (await tx.select({ id: table.id }).from(table).where(eq(table.slug, slug)).limit(1)).length > 0;
    const freeSlug = async (table: typeof staff, slug: string) => {
      for (let n = 2; ; n++) {
        const candidate = `${slug.slice(0, 110)}-${n}`;
        if (!(await takenSlug(table, candidate))) return candidate;
      }
    };
    for await (const { place, row } of input.lines('staff')) {
      const { id: from, ...fields } = row;
      const known = map.staff.get(from);
      if (known && (await tx.select({ id: staff.id }).from(staff).where(eq(staff.id, known))).length) {
        tally('staff', 'matched');
        continue;
      }
      const [sameEmail] = await tx.select({ id: staff.id, slug: staff.slug }).from(staff).where(sql`lower(${staff.email}) = lower(${row.email})`);
      if (sameEmail) {
        if (sameEmail.slug !== row.slug) conflict(place, row.email, `already on the staff as ${sameEmail.slug}; their bylines go to that account`);
        await remember('staff', from, sameEmail.id);
        tally('staff', 'matched');
        continue;
      }
      let slug = row.slug;
      if (await takenSlug(staff, slug)) {
        slug = await freeSlug(staff, slug);
        conflict(place, row.slug, `another person here has the address /author/${row.slug}; imported as ${slug}`);
      }
      const [made] = await tx.insert(staff).values({ ...fields, slug, active: hadStaff ? false : fields.active, passwordHash: null }).returning({ id: staff.id });
      if (hadStaff && fields.active) conflict(place, row.email, 'imported as an inactive account (this newsroom has staff already): an admin switches it on');
      await remember('staff', from, made!.id);
      tally('staff', 'created');
    }

    // --- sections and topics: by slug; one that exists is used as it is.
    for await (const { place, row } of input.lines('sections')) {
      const { id: from, ...fields } = row;
      const known = maybe('sections', from);
      if (known && (await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, known))).length) {
        tally('sections', 'matched');
        continue;
      }
      const [same] = await tx.select({ id: sections.id, name: sections.name, description: sections.description }).from(sections).where(eq(sections.slug, row.slug));
      if (same) {
        if (same.name !== row.name || same.description !== row.description) conflict(place, row.slug, `the section /${row.slug} exists here with another name or description; its articles go into it, and it is left as it is`);
        await remember('sections', from, same.id);
        tally('sections', 'matched');
        continue;
      }
      const [made] = await tx.insert(sections).values(fields).returning({ id: sections.id });
      await remember('sections', from, made!.id);
      tally('sections', 'created');
    }
    for await (const { place, row } of input.lines('topics')) {
      const { id: from, ...fields } = row;
      const known = maybe('topics', from);
      if (known && (await tx.select({ id: tags.id }).from(tags).where(eq(tags.id, known))).length) {
        tally('topics', 'matched');
        continue;
      }
      const [same] = await tx.select({ id: tags.id, name: tags.name, description: tags.description }).from(tags).where(eq(tags.slug, row.slug));
      if (same) {
        if (same.name !== row.name || same.description !== row.description) conflict(place, row.slug, `the topic ${row.slug} exists here with another name or description; left as it is`);
        await remember('topics', from, same.id);
        tally('topics', 'matched');
        continue;
      }
      const [made] = await tx.insert(tags).values(fields).returning({ id: tags.id });
      await remember('topics', from, made!.id);
      tally('topics', 'created');
    }

    // --- media: the row and its files (original, derivatives, crop), copied through the media store.
    for await (const { place, row } of input.lines('media')) {
      const { id: from, crop, uploadedBy, variants, ...fields } = row;
      const known = maybe('media', from);
      if (known) {
        const [there] = await tx.select({ src: media.src, variants: media.variants, cropSrc: media.cropSrc }).from(media).where(eq(media.id, known));
        if (there) {
          // Paths an earlier run renamed, so this run's articles point at the same files.
          if (there.src !== row.src) srcMap.set(row.src, there.src);
          if (crop && there.cropSrc && there.cropSrc !== crop.src) srcMap.set(crop.src, there.cropSrc);
          variants.forEach((v, i) => {
            const t = there.variants[i];
            if (t && t.src !== v.src) srcMap.set(v.src, t.src);
          });
          tally('media', 'matched');
          continue;
        }
      }
      const store = async (src: string) => {
        const now = await input.storeFile(src);
        if (now !== src) srcMap.set(src, now);
        return now;
      };
      const src = await store(row.src);
      const storedVariants = [];
      for (const v of variants) storedVariants.push({ ...v, src: await store(v.src) });
      const cropSrc = crop ? await store(crop.src) : null;
      const [made] = await tx
        .insert(media)
        .values({
          ...fields,
          src,
          variants: storedVariants,
          cropX: crop?.x ?? null,
          cropY: crop?.y ?? null,
          cropW: crop?.w ?? null,
          cropH: crop?.h ?? null,
          cropSrc,
          uploadedBy: maybe('staff', uploadedBy),
        })
        .returning({ id: media.id })
        .catch((error: unknown) => fail(place, `the media row was refused: ${(error as Error).message}`));
      await remember('media', from, made!.id);
      tally('media', 'created');
    }

    // --- articles: by slug. One imported before is left alone; one with the same slug and the same
    // words is taken as the same article; one with the same slug and other words is reported.
    for await (const { place, row } of input.lines('articles')) {
      const { id: from, authorIds, topicIds, sectionId, featuredImageId, createdBy, body, ...fields } = row;
      const known = maybe('articles', from);
      if (known && (await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, known))).length) {
        tally('articles', 'matched');
        continue;
      }
      const newBody = rewriteBodySrcs(body, rename);
      const [same] = await tx.select({ id: articles.id, headline: articles.headline, standfirst: articles.standfirst, body: articles.body }).from(articles).where(eq(articles.slug, row.slug));
      if (same) {
        if (same.headline === row.headline && same.standfirst === row.standfirst && canonicalJson(same.body) === canonicalJson(newBody)) {
          await remember('articles', from, same.id);
          tally('articles', 'matched');
        } else {
          conflict(place, row.slug, `an article with the slug ${row.slug} and different content exists here; not imported (nor its revisions, corrections and comments)`);
          tally('articles', 'skipped');
        }
        continue;
      }
      if (row.path) {
        const [onPath] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.path, row.path));
        const [oldPath] = await tx.select({ id: urlHistory.articleId }).from(urlHistory).where(eq(urlHistory.path, row.path));
        if (onPath || oldPath) {
          conflict(place, row.slug, `its address ${row.path} belongs to another article here; not imported`);
          tally('articles', 'skipped');
          continue;
        }
      }
      const [made] = await tx
        .insert(articles)
        .values({
          ...fields,
          body: newBody,
          sectionId: sectionId == null ? null : need('sections', sectionId, place),
          featuredImageId: featuredImageId == null ? null : need('media', featuredImageId, place),
          createdBy: maybe('staff', createdBy),
        })
        .returning({ id: articles.id })
        .catch((error: unknown) => fail(place, `the article was refused: ${(error as Error).message}`));
      const id = made!.id;
      if (authorIds.length) await tx.insert(articleAuthors).values(authorIds.map((s, position) => ({ articleId: id, staffId: need('staff', s, place), position })));
      if (topicIds.length) await tx.insert(articleTags).values([...new Set(topicIds.map((t) => need('topics', t, place)))].map((tagId) => ({ articleId: id, tagId })));
      await remember('articles', from, id);
      fresh.articles.add(from);
      tally('articles', 'created');
    }

    /**
     * The new id of an article whose children this run imports, else null: imported by an earlier
     * run, taken as an article already here, or skipped as a conflict. (The importer has checked
     * that every id a line names is in the archive.)
     */
    const freshArticle = (from: number): number | null => (fresh.articles.has(from) ? map.articles.get(from)! : null);
    /** A child of an article this run did not create: already here with it, or left out with it. */
    const leftOut = (from: number): keyof KindReport => (map.articles.has(from) ? 'matched' : 'skipped');

    // --- what hangs off an article: only for the articles this run created.
    for await (const { place, row } of input.lines('revisions')) {
      const articleId = freshArticle(row.articleId);
      if (articleId == null) {
        tally('revisions', leftOut(row.articleId));
        continue;
      }
      const snapshot: Record<string, unknown> = { ...row.snapshot };
      // The draft names rows by id: give it the new ones (a row that is gone becomes none).
      if (typeof snapshot.sectionId === 'number') snapshot.sectionId = maybe('sections', snapshot.sectionId);
      if (typeof snapshot.featuredImageId === 'number') snapshot.featuredImageId = maybe('media', snapshot.featuredImageId);
      if (Array.isArray(snapshot.authorIds)) snapshot.authorIds = snapshot.authorIds.map((a) => (typeof a === 'number' ? maybe('staff', a) : null)).filter((a) => a != null);
      if (snapshot.body) snapshot.body = rewriteBodySrcs(snapshot.body, rename);
      await tx.insert(revisions).values({ articleId, version: row.version, snapshot, staffId: maybe('staff', row.staffId), createdAt: row.createdAt }).catch((error: unknown) => fail(place, `the revision was refused: ${(error as Error).message}`));
      tally('revisions', 'created');
    }
    for await (const { place, row } of input.lines('corrections')) {
      const articleId = freshArticle(row.articleId);
      if (articleId == null) {
        tally('corrections', leftOut(row.articleId));
        continue;
      }
      await tx.insert(corrections).values({ articleId, kind: row.kind, body: row.body, publishedAt: row.publishedAt, staffId: maybe('staff', row.staffId) });
      tally('corrections', 'created');
    }
    for await (const { place, row } of input.lines('withdrawals')) {
      const articleId = freshArticle(row.articleId);
      if (articleId == null) {
        tally('withdrawals', leftOut(row.articleId));
        continue;
      }
      await tx.insert(articleWithdrawals).values({ articleId, headline: row.headline, reason: row.reason, withdrawnAt: row.withdrawnAt, staffId: maybe('staff', row.staffId) });
      tally('withdrawals', 'created');
    }
    for await (const { place, row } of input.lines('url-history')) {
      const articleId = freshArticle(row.articleId);
      if (articleId == null) {
        tally('url-history', leftOut(row.articleId));
        continue;
      }
      const taken = (await tx.select({ id: urlHistory.articleId }).from(urlHistory).where(eq(urlHistory.path, row.path))).length || (await tx.select({ id: articles.id }).from(articles).where(eq(articles.path, row.path))).length;
      if (taken) {
        conflict(place, row.path, 'this old address already leads to another article here; kept that');
        tally('url-history', 'skipped');
        continue;
      }
      await tx.insert(urlHistory).values({ path: row.path, articleId, createdAt: row.createdAt });
      tally('url-history', 'created');
    }

    // --- comments: parents come before their replies (the exporter writes them by depth).
    const commentMap = new Map<number, { id: number; path: number[] }>();
    for await (const { place, row } of input.lines('comments')) {
      const articleId = freshArticle(row.articleId);
      if (articleId == null) {
        tally('comments', leftOut(row.articleId));
        continue;
      }
      let parentId: number | null = null;
      let parentPath: number[] = [];
      if (row.parentId != null) {
        const parent = commentMap.get(row.parentId) ?? fail(place, `is a reply to comment ${row.parentId}, which comes later in the file or is not in it`);
        parentId = parent.id;
        parentPath = [...parent.path, parent.id];
      }
      const [made] = await tx
        .insert(comments)
        .values({ articleId, parentId, parentPath, authorName: row.authorName, authorEmail: row.authorEmail, body: row.body, status: row.status, heldReason: row.heldReason, depth: parentPath.length, createdAt: row.createdAt, modifiedAt: row.modifiedAt })
        .returning({ id: comments.id })
        .catch((error: unknown) => fail(place, `the comment was refused: ${(error as Error).message}`));
      commentMap.set(row.id, { id: made!.id, path: parentPath });
      tally('comments', 'created');
    }

    // --- live blogs and their entries (deleted entries are records for readers' pages, not content: left out by the exporter).
    const entryCount = new Map<number, number>();
    for await (const { place, row } of input.lines('live-blogs')) {
      const articleId = freshArticle(row.articleId);
      if (articleId == null) {
        tally('live-blogs', leftOut(row.articleId));
        continue;
      }
      await tx.insert(liveBlogs).values({ ...row, articleId, version: 0, prunedVersion: 0 });
      fresh.liveBlogs.add(row.articleId);
      tally('live-blogs', 'created');
    }
    for await (const { place, row } of input.lines('live-entries')) {
      if (!fresh.liveBlogs.has(row.articleId)) {
        tally('live-entries', leftOut(row.articleId));
        continue;
      }
      const articleId = map.articles.get(row.articleId)!;
      // Each entry takes the blog's next version, as a new post does.
      const [blog] = await tx.update(liveBlogs).set({ version: sql`${liveBlogs.version} + 1` }).where(eq(liveBlogs.articleId, articleId)).returning({ version: liveBlogs.version });
      const { id: _from, authorIds, createdBy, ...fields } = row;
      const [made] = await tx
        .insert(liveEntries)
        .values({ ...fields, articleId, body: rewriteBodySrcs(row.body, rename), version: blog!.version, createdBy: maybe('staff', createdBy) })
        .returning({ id: liveEntries.id })
        .catch((error: unknown) => fail(place, `the live entry was refused: ${(error as Error).message}`));
      if (authorIds.length) await tx.insert(liveEntryAuthors).values(authorIds.map((s, position) => ({ entryId: made!.id, staffId: need('staff', s, place), position })));
      entryCount.set(articleId, (entryCount.get(articleId) ?? 0) + 1);
      tally('live-entries', 'created');
    }

    // --- old addresses: one the database already answers is left as it is.
    for await (const { place, row } of input.lines('redirects')) {
      const kind = redirectTargetKind(row.targetKind);
      let targetId: number | null = null;
      if (kind) {
        if (row.targetId == null) fail(place, `a ${row.targetKind} redirect needs a target id`);
        targetId = map[kind].get(row.targetId!) ?? null;
        if (targetId == null) {
          conflict(place, row.path, `its ${row.targetKind} was not imported; the old address is left out`);
          tally('redirects', 'skipped');
          continue;
        }
      }
      const [there] = await tx.select({ targetKind: redirects.targetKind, targetId: redirects.targetId }).from(redirects).where(eq(redirects.path, row.path));
      if (there) {
        if (there.targetKind !== row.targetKind || there.targetId !== targetId) conflict(place, row.path, 'this database already redirects that address elsewhere; kept its redirect');
        tally('redirects', 'matched');
        continue;
      }
      await tx.insert(redirects).values({ path: row.path, targetKind: row.targetKind, targetId, source: row.source, createdAt: row.createdAt });
      tally('redirects', 'created');
    }

    for await (const { row } of input.lines('comment-bans')) {
      const made = await tx
        .insert(commentBans)
        .values({ kind: row.kind, value: row.value, reason: row.reason, createdBy: maybe('staff', row.createdBy), createdAt: row.createdAt })
        .onConflictDoNothing()
        .returning({ id: commentBans.id });
      tally('comment-bans', made.length ? 'created' : 'matched');
    }

    await tx.insert(auditLog).values({
      staffId: actor?.id ?? null,
      action: 'publication.import',
      subject: mappingSource,
      detail: { kinds: report.kinds, conflicts: report.conflicts.length },
    });
    const expire = publicationImportTags();
    await recordInvalidation(tx, expire);
    return { report, expire };
  });
}
