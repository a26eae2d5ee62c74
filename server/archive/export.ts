import 'server-only';
// The publication export (`npm run export -- out.tar.gz`): the whole publication as one .tar.gz a
// second Broadsheet imports (server/archive/import.ts). The format, every file and what is left
// out: docs/decisions/2026-12-02-publication-export.md.
//
// Lines and media files are written to a staging folder first and then packed by `tar`, which
// streams them into the gzip: a tar entry's header carries its size, so a JSON Lines file must be
// complete before it is packed, and staging on disk keeps a large publication out of memory.
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import crypto from 'node:crypto';
import { archiveLines, countAppliedMigrations, getPublicationName, getPublicationOrigin } from '../../db/queries/publication-archive';
import { ARCHIVE_FILES_DIR, ARCHIVE_FORMAT, ARCHIVE_KINDS, ARCHIVE_VERSION, archiveFileName, type ArchiveKind, type ArchiveManifestJson } from '../../lib/publication-archive';
import { mediaKey, readMediaFile } from '../media/storage';
import { siteUrl } from '../seo/site-url';

export type ExportResult = { file: string; manifest: ArchiveManifestJson };

/** Media paths a media line names: the original, each derivative and the crop. */
function mediaSrcs(line: { src: string; variants: { src: string }[]; crop: { src: string } | null }): string[] {
  return [line.src, ...line.variants.map((v) => v.src), ...(line.crop ? [line.crop.src] : [])];
}

/** The site's address and when the publication began, hashed: what the importer keys its mapping by. */
function publicationKey(site: string, origin: string): string {
  return crypto.createHash('sha256').update(`${site}\n${origin}`).digest('hex').slice(0, 24);
}

async function writeLine(out: fs.WriteStream, value: unknown) {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
}

async function closeStream(out: fs.WriteStream) {
  out.end();
  await once(out, 'close');
}

/** Writes the whole publication to `outFile` (.tar.gz). Nothing is at `outFile` until the archive is complete. */
export async function exportPublication(outFile: string, options: { now?: Date } = {}): Promise<ExportResult> {
  const target = path.resolve(outFile);
  const staging = await fsp.mkdtemp(path.join(os.tmpdir(), 'broadsheet-export-'));
  const partial = `${target}.partial-${process.pid}`;
  try {
    const counts: Record<string, number> = {};
    const files = { count: 0, bytes: 0, missing: [] as string[] };
    const copied = new Set<string>();
    for (const kind of ARCHIVE_KINDS) {
      const out = fs.createWriteStream(path.join(staging, archiveFileName(kind)));
      let n = 0;
      try {
        for await (const line of archiveLines[kind]() as AsyncIterable<unknown>) {
          await writeLine(out, line);
          n += 1;
          if (kind === 'media') {
            for (const src of mediaSrcs(line as Parameters<typeof mediaSrcs>[0])) {
              const key = mediaKey(src);
              // A path outside /media/ is a file every installation has (public/), not an upload.
              if (!key || copied.has(key)) continue;
              copied.add(key);
              const stored = await readMediaFile(src);
              if (!stored) {
                files.missing.push(src);
                continue;
              }
              const file = path.join(staging, ARCHIVE_FILES_DIR, ...key.split('/'));
              await fsp.mkdir(path.dirname(file), { recursive: true });
              await fsp.writeFile(file, stored.bytes);
              files.count += 1;
              files.bytes += stored.bytes.length;
            }
          }
        }
      } finally {
        await closeStream(out);
      }
      counts[kind] = n;
    }
    const manifest: ArchiveManifestJson = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_VERSION,
      schemaMigrations: await countAppliedMigrations(),
      createdAt: (options.now ?? new Date()).toISOString(),
      source: { name: await getPublicationName(), siteUrl: siteUrl(), key: publicationKey(siteUrl(), await getPublicationOrigin()) },
      counts,
      files,
    };
    await fsp.writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const entries = ['manifest.json', ...ARCHIVE_KINDS.map((k: ArchiveKind) => archiveFileName(k))];
    if (files.count) entries.push(ARCHIVE_FILES_DIR);
    // portable: no user names, uids or modes of this machine in the headers.
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, entries);
    await fsp.rename(partial, target);
    return { file: target, manifest };
  } finally {
    await fsp.rm(partial, { force: true });
    await fsp.rm(staging, { recursive: true, force: true });
  }
}
