import 'server-only';
// The publication import (`npm run import:archive -- file.tar.gz`): reads an archive made by
// exportPublication (server/archive/export.ts), checks all of it, then writes it in one
// transaction (db/mutations/publication-archive.ts). A bad archive is refused with the file and
// line at fault before anything is written; a failure during the writes rolls them back and
// removes the media files already copied. docs/decisions/2026-12-02-publication-export.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import * as tar from 'tar';
import { importPublicationRows, type PublicationImportReport } from '../../db/mutations/publication-archive';
import { countAppliedMigrations } from '../../db/queries/publication-archive';
import type { Actor } from '../../lib/permissions';
import {
  ARCHIVE_FILES_DIR,
  ARCHIVE_FORMAT,
  ARCHIVE_KINDS,
  ARCHIVE_VERSION,
  ArchiveError,
  archiveFileName,
  archiveLineSchemas,
  manifestSchema,
  type ArchiveKind,
  type ArchiveManifest,
  type ArchiveRow,
  type LinePlace,
} from '../../lib/publication-archive';
import { discardMediaFiles, mediaKey, readMediaFile, statMediaFile, trackMediaWrites, writeMediaFile } from '../media/storage';

export { ArchiveError } from '../../lib/publication-archive';

export type ImportResult = { manifest: ArchiveManifest; report: PublicationImportReport; expire: string[] };

const ARCHIVE = 'the archive';

/** Reads one JSON Lines file of the unpacked archive, each line parsed and checked. */
async function* readLines<K extends ArchiveKind>(dir: string, kind: K): AsyncGenerator<{ place: LinePlace; row: ArchiveRow<K> }> {
  const file = archiveFileName(kind);
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) throw new ArchiveError(file, null, 'missing from the archive');
  const lines = createInterface({ input: fs.createReadStream(full, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  const schema = archiveLineSchemas[kind];
  for await (const text of lines) {
    n += 1;
    if (text.trim() === '') throw new ArchiveError(file, n, 'empty line');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ArchiveError(file, n, `not JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ArchiveError(file, n, `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
    }
    yield { place: { file, line: n }, row: parsed.data as ArchiveRow<K> };
  }
}

async function readManifest(dir: string): Promise<ArchiveManifest> {
  const full = path.join(dir, 'manifest.json');
  if (!fs.existsSync(full)) throw new ArchiveError(ARCHIVE, null, 'not a Broadsheet archive (it has no manifest.json)');
  let value: unknown;
  try {
    value = JSON.parse(await fsp.readFile(full, 'utf8'));
  } catch (error) {
    throw new ArchiveError('manifest.json', null, `not JSON (${(error as Error).message})`);
  }
  const head = value as { format?: unknown; formatVersion?: unknown };
  if (head?.format !== ARCHIVE_FORMAT) throw new ArchiveError('manifest.json', null, `not a Broadsheet archive (format ${JSON.stringify(head?.format)}, expected "${ARCHIVE_FORMAT}")`);
  if (typeof head.formatVersion === 'number' && head.formatVersion > ARCHIVE_VERSION) {
    throw new ArchiveError('manifest.json', null, `made by a newer Broadsheet (archive format version ${head.formatVersion}; this one reads version ${ARCHIVE_VERSION}): upgrade this installation first`);
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ArchiveError('manifest.json', null, `${issue.path.join('.')}: ${issue.message}`);
  }
  if (parsed.data.formatVersion !== ARCHIVE_VERSION) throw new ArchiveError('manifest.json', null, `archive format version ${parsed.data.formatVersion} is not one this Broadsheet reads`);
  return parsed.data;
}

/** Unpacks the archive into `dir`: only regular files and folders, never outside it. */
async function unpack(archiveFile: string, dir: string) {
  const handle = await fsp.open(archiveFile, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new ArchiveError(archiveFile, null, error.code === 'ENOENT' ? 'no such file' : `cannot be read (${error.message})`);
  });
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    if (head[0] !== 0x1f || head[1] !== 0x8b) throw new ArchiveError(archiveFile, null, 'not a gzip file, so not a Broadsheet archive (.tar.gz)');
  } finally {
    await handle.close();
  }
  // What a small .tar.gz may unpack to is bounded, so a crafted one cannot fill the disk.
  const limit = Number(process.env.IMPORT_ARCHIVE_MAX_BYTES) || 20e9;
  let total = 0;
  try {
    await tar.extract({
      file: archiveFile,
      cwd: dir,
      strict: true,
      // tar already refuses absolute paths and '..'; links and devices have no business here.
      filter: (_p, entry) => {
        if (!('type' in entry) || (entry.type !== 'File' && entry.type !== 'Directory')) return false;
        total += entry.size ?? 0;
        return total <= limit;
      },
    });
  } catch (error) {
    throw new ArchiveError(archiveFile, null, `damaged or not a tar archive (${(error as Error).message})`);
  }
  if (total > limit) throw new ArchiveError(archiveFile, null, `unpacks to more than ${limit.toLocaleString('en-GB')} bytes (IMPORT_ARCHIVE_MAX_BYTES)`);
}

/** The whole archive read once before anything is written: every line valid, every id it names present. */
async function check(dir: string, manifest: ArchiveManifest) {
  const ids: Record<'staff' | 'sections' | 'topics' | 'media' | 'articles' | 'comments' | 'live-blogs', Set<number>> = {
    staff: new Set(),
    sections: new Set(),
    topics: new Set(),
    media: new Set(),
    articles: new Set(),
    comments: new Set(),
    'live-blogs': new Set(),
  };
  const missingFiles = new Set(manifest.files.missing);
  const ref = (kind: keyof typeof ids, id: number | null, place: LinePlace, what: string) => {
    if (id != null && !ids[kind].has(id)) throw new ArchiveError(place.file, place.line, `${what} ${id} is not in ${kind === 'live-blogs' ? 'live-blogs' : kind}.jsonl`);
  };
  for (const kind of ARCHIVE_KINDS) {
    let n = 0;
    for await (const { place, row } of readLines(dir, kind)) {
      n += 1;
      const r = row as Record<string, unknown>;
      switch (kind) {
        case 'staff':
        case 'sections':
        case 'topics':
        case 'articles':
          ids[kind].add(r.id as number);
          break;
        case 'media': {
          const m = row as ArchiveRow<'media'>;
          ref('staff', m.uploadedBy, place, 'uploadedBy');
          for (const src of [m.src, ...m.variants.map((v) => v.src), ...(m.crop ? [m.crop.src] : [])]) {
            const key = mediaKey(src);
            if (key && !missingFiles.has(src) && !fs.existsSync(path.join(dir, ARCHIVE_FILES_DIR, ...key.split('/')))) {
              throw new ArchiveError(place.file, place.line, `the file ${src} is not in the archive (${ARCHIVE_FILES_DIR}/${key})`);
            }
          }
          ids.media.add(m.id);
          break;
        }
      }
      if (kind === 'articles') {
        const a = row as ArchiveRow<'articles'>;
        ref('sections', a.sectionId, place, 'sectionId');
        ref('media', a.featuredImageId, place, 'featuredImageId');
        ref('staff', a.createdBy, place, 'createdBy');
        for (const s of a.authorIds) ref('staff', s, place, 'author');
        for (const t of a.topicIds) ref('topics', t, place, 'topic');
      }
      if (['revisions', 'corrections', 'withdrawals', 'url-history', 'comments', 'live-blogs'].includes(kind)) ref('articles', r.articleId as number, place, 'articleId');
      if (['revisions', 'corrections', 'withdrawals'].includes(kind)) ref('staff', r.staffId as number | null, place, 'staffId');
      if (kind === 'comments') {
        const c = row as ArchiveRow<'comments'>;
        ref('comments', c.parentId, place, 'parentId (a reply must come after its parent)');
        ids.comments.add(c.id);
      }
      if (kind === 'live-blogs') ids['live-blogs'].add(r.articleId as number);
      if (kind === 'live-entries') {
        const e = row as ArchiveRow<'live-entries'>;
        ref('live-blogs', e.articleId, place, 'live blog');
        ref('staff', e.createdBy, place, 'createdBy');
        for (const s of e.authorIds) ref('staff', s, place, 'author');
      }
      if (kind === 'comment-bans') ref('staff', (row as ArchiveRow<'comment-bans'>).createdBy, place, 'createdBy');
    }
    const expected = manifest.counts[kind];
    if (expected !== undefined && expected !== n) throw new ArchiveError(archiveFileName(kind), null, `has ${n} lines, but manifest.json says ${expected} (the archive is incomplete or was changed)`);
  }
}

/** Copies a media file from the unpacked archive into the store; a path taken by other bytes gets a new name. */
async function storeFile(dir: string, src: string, missing: Set<string>): Promise<string> {
  const key = mediaKey(src);
  if (!key || missing.has(src)) return src;
  const bytes = await fsp.readFile(path.join(dir, ARCHIVE_FILES_DIR, ...key.split('/')));
  let target = src;
  for (let attempt = 0; ; attempt++) {
    if (!(await statMediaFile(target))) break;
    const there = await readMediaFile(target);
    // The same bytes already there (a shared bucket, or an earlier run): use them as they are.
    if (there && there.bytes.equals(bytes)) return target;
    const ext = path.posix.extname(src);
    target = `${src.slice(0, src.length - ext.length)}-${crypto.randomBytes(4).toString('hex')}${ext}`;
    if (attempt > 5) throw new Error(`Could not find a free name for ${src} in the media store`);
  }
  await writeMediaFile(target, bytes);
  return target;
}

/**
 * Imports an archive into this database. `actor`: the admin it acts as; may be left out only for
 * a database without staff (a new installation).
 */
export async function importPublication(archiveFile: string, options: { actor?: Actor | null } = {}): Promise<ImportResult> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'broadsheet-import-'));
  try {
    await unpack(path.resolve(archiveFile), dir);
    const manifest = await readManifest(dir);
    const here = await countAppliedMigrations();
    if (manifest.schemaMigrations > here) {
      throw new ArchiveError('manifest.json', null, `made by a Broadsheet with ${manifest.schemaMigrations} schema migrations; this database has ${here}: upgrade this installation first`);
    }
    await check(dir, manifest);
    const missing = new Set(manifest.files.missing);
    const written: string[] = [];
    try {
      const { report, expire } = await trackMediaWrites(written, () =>
        importPublicationRows(
          {
            site: `${manifest.source.siteUrl}#${manifest.source.key}`,
            lines: (kind) => readLines(dir, kind),
            storeFile: (src) => storeFile(dir, src, missing),
          },
          options.actor ?? null,
        ),
      );
      return { manifest, report, expire };
    } catch (error) {
      // The rows rolled back; the files copied for them go too.
      await discardMediaFiles(written);
      throw error;
    }
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
