import 'server-only';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Parser, type ReadEntry } from 'tar';
import yauzl from 'yauzl';

// The site's uploads folder given as one archive (wp-content/uploads zipped, or a .tar.gz), for
// both doors of the WordPress import. Read as a stream, an entry at a time, into a folder of our
// own: an archive never sits in memory. An entry with an absolute path, a `..` or a backslash is
// refused (the whole archive, before anything outside the folder could be written), links and
// devices are skipped, and the bytes actually written are capped (IMPORT_UPLOADS_MAX_BYTES), so
// a small archive that unpacks into a huge one is stopped part-way.

export class UploadsArchiveError extends Error {
  // Known by name across Next's bundles, as the media store's errors are.
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'UploadsArchiveError';
  }

  constructor(message: string) {
    super(message);
    this.name = 'UploadsArchiveError';
  }
}

/** At most this many bytes are unpacked from an uploads archive (20 GB unless set). */
export const maxUnpackedBytes = (env: Record<string, string | undefined> = process.env) => Number(env.IMPORT_UPLOADS_MAX_BYTES ?? 20 * 1024 ** 3);
const MAX_ENTRIES = 1_000_000;

export type ArchiveKind = 'zip' | 'tar.gz';

/** What an archive is, from its first bytes (a name can lie): zip, gzipped tar, or null. */
export async function archiveKind(file: string): Promise<ArchiveKind | null> {
  const handle = await open(/*turbopackIgnore: true*/ file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return 'zip';
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'tar.gz';
    return null;
  } finally {
    await handle.close();
  }
}

/** The entry's place inside `dest`, or an error for a name that would leave it. */
function safeTarget(dest: string, name: string): string {
  if (name.includes('\\') || name.includes('\0')) throw new UploadsArchiveError(`The uploads archive has an entry with a name Broadsheet does not accept: ${name.slice(0, 200)}. Nothing was imported.`);
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) throw new UploadsArchiveError(`The uploads archive has an entry with an absolute path (${name.slice(0, 200)}). Make the archive from inside the uploads folder. Nothing was imported.`);
  if (name.split('/').includes('..')) throw new UploadsArchiveError(`The uploads archive has an entry that points outside its folder (${name.slice(0, 200)}). Nothing was imported.`);
  const target = path.resolve(dest, name);
  if (target !== dest && !target.startsWith(dest + path.sep)) throw new UploadsArchiveError(`The uploads archive has an entry that points outside its folder (${name.slice(0, 200)}). Nothing was imported.`);
  return target;
}

const tooLarge = (max: number) => new UploadsArchiveError(`The uploads archive unpacks to more than ${(max / 1024 ** 3).toFixed(max >= 1024 ** 3 ? 0 : 2)} GB (IMPORT_UPLOADS_MAX_BYTES). Nothing was imported.`);

type Budget = { bytes: number; entries: number; max: number };

function count(budget: Budget, n: number) {
  budget.bytes += n;
  if (budget.bytes > budget.max) throw tooLarge(budget.max);
}

async function unpackZip(file: string, dest: string, budget: Budget): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: false }, (error, z) => (error ? reject(error) : resolve(z))));
  } catch (error) {
    throw nameError(error) ?? new UploadsArchiveError(`The uploads archive is not a zip file Broadsheet can read (${(error as Error).message}). Nothing was imported.`);
  }
  await new Promise<void>((resolve, reject) => {
    const stop = (error: unknown) => {
      zip.close();
      reject(error);
    };
    zip.on('error', (error: Error) => stop(nameError(error) ?? new UploadsArchiveError(`The uploads archive is damaged (${error.message}). Nothing was imported.`)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      void (async () => {
        if (++budget.entries > MAX_ENTRIES) throw new UploadsArchiveError(`The uploads archive has more than ${MAX_ENTRIES} entries. Nothing was imported.`);
        const target = safeTarget(dest, entry.fileName.replace(/\/+$/, ''));
        const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
        if (entry.fileName.endsWith('/')) {
          mkdirSync(target, { recursive: true });
        } else if (mode === 0 || mode === 0o100000) {
          // The declared size is checked before reading, the real one while writing.
          if (budget.bytes + entry.uncompressedSize > budget.max) throw tooLarge(budget.max);
          mkdirSync(path.dirname(target), { recursive: true });
          const source = await new Promise<NodeJS.ReadableStream & { destroy(error?: Error): void }>((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream as never))));
          source.on('data', (chunk: Buffer) => {
            try {
              count(budget, chunk.length);
            } catch (error) {
              source.destroy(error as Error);
            }
          });
          await pipeline(source, createWriteStream(/*turbopackIgnore: true*/ target));
        }
        // Links and anything else are skipped: an uploads folder holds files.
        zip.readEntry();
      })().catch(stop);
    });
    zip.readEntry();
  });
}

/** yauzl's own refusals of unsafe names, in our words. */
function nameError(error: unknown): UploadsArchiveError | null {
  const message = (error as Error)?.message ?? '';
  const m = /^(absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec(message);
  if (!m) return null;
  try {
    safeTarget('/x', m[2]!);
  } catch (refusal) {
    return refusal as UploadsArchiveError;
  }
  return new UploadsArchiveError(`The uploads archive has an entry Broadsheet does not accept (${m[2]!.slice(0, 200)}). Nothing was imported.`);
}

async function unpackTar(file: string, dest: string, budget: Budget): Promise<void> {
  let failure: unknown = null;
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      if (failure) return entry.resume();
      try {
        if (++budget.entries > MAX_ENTRIES) throw new UploadsArchiveError(`The uploads archive has more than ${MAX_ENTRIES} entries. Nothing was imported.`);
        const target = safeTarget(dest, entry.path.replace(/\/+$/, ''));
        if (entry.type === 'Directory') {
          mkdirSync(target, { recursive: true });
          return entry.resume();
        }
        if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') return entry.resume();
        if (budget.bytes + (entry.size ?? 0) > budget.max) throw tooLarge(budget.max);
        mkdirSync(path.dirname(target), { recursive: true });
        const out = createWriteStream(/*turbopackIgnore: true*/ target);
        entry.on('data', (chunk: Buffer) => {
          try {
            count(budget, chunk.length);
          } catch (error) {
            failure ??= error;
          }
        });
        entry.pipe(out);
      } catch (error) {
        failure ??= error;
        entry.resume();
      }
    },
  });
  try {
    await pipeline(createReadStream(/*turbopackIgnore: true*/ file), parser);
  } catch (error) {
    throw failure ?? new UploadsArchiveError(`The uploads archive is not a .tar.gz Broadsheet can read (${(error as Error).message}). Nothing was imported.`);
  }
  if (failure) throw failure;
}

/**
 * Unpacks an uploads archive (.zip or .tar.gz, told by its bytes) into `dest`, which must be an
 * empty folder of the caller's, and returns the uploads folder inside it: the archive may hold
 * `2024/03/…` directly, or `uploads/2024/…`, or `wp-content/uploads/2024/…`.
 */
export async function unpackUploadsArchive(file: string, dest: string, options: { maxBytes?: number } = {}): Promise<{ root: string; bytes: number; entries: number }> {
  const kind = await archiveKind(file);
  if (!kind) throw new UploadsArchiveError(`${path.basename(file)} is neither a .zip nor a .tar.gz archive. Give the uploads folder zipped, or as a .tar.gz. Nothing was imported.`);
  const root = path.resolve(dest);
  mkdirSync(root, { recursive: true });
  const budget: Budget = { bytes: 0, entries: 0, max: options.maxBytes ?? maxUnpackedBytes() };
  if (kind === 'zip') await unpackZip(file, root, budget);
  else await unpackTar(file, root, budget);
  return { root: await uploadsRoot(root), bytes: budget.bytes, entries: budget.entries };
}

/** Goes down through folders that are alone in their parent until the year folders (2024/…) start. */
async function uploadsRoot(dir: string): Promise<string> {
  let current = dir;
  for (let depth = 0; depth < 4; depth++) {
    const entries = (await readdir(/*turbopackIgnore: true*/ current, { withFileTypes: true })).filter((e) => !e.name.startsWith('.') && e.name !== '__MACOSX');
    if (entries.length !== 1 || !entries[0]!.isDirectory() || /^\d{4}$/.test(entries[0]!.name)) break;
    current = path.join(current, entries[0]!.name);
  }
  return (await stat(/*turbopackIgnore: true*/ current)).isDirectory() ? current : dir;
}
