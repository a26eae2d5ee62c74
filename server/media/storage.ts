import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { RATIOS } from '../../lib/seo/images';
import { logger } from '../log';

// Where uploaded images (originals, their derivatives and crops) live, behind one small interface:
// a local folder by default (MEDIA_DIR), or an S3-compatible bucket when MEDIA_S3_BUCKET is set,
// so that every instance of the site reads the same bytes. Served by app/media/[...path]/route.ts
// at /media/<yyyy>/<mm>/<file>. See docs/decisions/2026-12-01-media-storage.md.
//
// A store that cannot be reached (or refuses us) throws MediaStoreUnavailableError; a file that
// is not there is null. Callers tell the two apart: an upload is refused with a 503 and nothing
// recorded, a reader gets a 503 with Retry-After rather than a 404 that could be cached.

/** What readers and the crop route get back: the stored bytes and what to say about them. */
export type MediaObject = { bytes: Buffer; contentType: string; etag: string; lastModified: Date };
export type MediaStat = { size: number; contentType: string; lastModified: Date };

export class MediaStoreUnavailableError extends Error {
  // Next loads this module once per bundle (instrumentation, pages, route handlers), and the store
  // is one per process, made by whichever bundle came first: an error it throws is an instance of
  // another bundle's copy of this class. Known by its name, so `instanceof` holds everywhere.
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'MediaStoreUnavailableError';
  }

  constructor(operation: string, cause: unknown) {
    super(`The media store could not ${operation}: ${cause instanceof Error ? cause.message || cause.name : String(cause)}`, { cause });
    this.name = 'MediaStoreUnavailableError';
  }
}

type MediaStore = {
  kind: 'local' | 's3';
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<MediaObject | null>;
  head(key: string): Promise<MediaStat | null>;
  remove(keys: string[]): Promise<void>;
};

const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };

/** The Content-Type of a media file, from its extension; null for anything we do not serve. */
export function mediaContentType(src: string): string | null {
  return TYPES[src.split('.').at(-1)?.toLowerCase() ?? ''] ?? null;
}

const SAFE = /^[a-z0-9][a-z0-9._-]*$/i;

/** The store's key for a /media/... URL ("2026/11/abc.jpg"), or null when the path is not one of ours. */
export function mediaKey(src: string): string | null {
  if (!src.startsWith('/media/')) return null;
  const parts = src.slice('/media/'.length).split('/');
  if (parts.length < 1 || parts.length > 4 || !parts.every((p) => SAFE.test(p) && p !== '..' && p !== '.')) return null;
  return parts.join('/');
}

// ---------------------------------------------------------------------------------------------
// The local folder

export function mediaDir(): string {
  if (process.env.MEDIA_DIR) return path.resolve(process.env.MEDIA_DIR);
  const pglite = process.env.PGLITE_DIR;
  if (pglite && pglite !== 'memory://' && !process.env.DATABASE_URL) return `${path.resolve(pglite)}-media`;
  return path.resolve(process.cwd(), 'data', 'media');
}

/** The file on disk for a /media/... URL in the local store, or null when the path could escape the folder. */
export function mediaFilePath(src: string): string | null {
  const key = mediaKey(src);
  if (!key) return null;
  // Uploads are data, not part of the build: keep Next's file tracing out of this folder.
  const full = path.join(/*turbopackIgnore: true*/ mediaDir(), ...key.split('/'));
  return full.startsWith(mediaDir() + path.sep) ? full : null;
}

const missing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT' || (error as NodeJS.ErrnoException)?.code === 'ENOTDIR';

function localStore(): MediaStore {
  const fileOf = (key: string) => mediaFilePath(`/media/${key}`)!;
  return {
    kind: 'local',
    async put(key, bytes) {
      const file = fileOf(key);
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        // wx: names are random and never reused, so an existing file means a bug, not an update.
        await fs.writeFile(file, bytes, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException)?.code === 'EEXIST') throw error;
        throw new MediaStoreUnavailableError(`write ${key}`, error);
      }
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const [bytes, stat] = await Promise.all([fs.readFile(/*turbopackIgnore: true*/ file), fs.stat(/*turbopackIgnore: true*/ file)]);
        // The MD5 of the content, as S3 reports it for a single PUT: the same file has the same
        // ETag in either store and on every instance.
        return { bytes, contentType: mediaContentType(key) ?? 'application/octet-stream', etag: `"${crypto.createHash('md5').update(bytes).digest('hex')}"`, lastModified: stat.mtime };
      } catch (error) {
        if (missing(error) || (error as NodeJS.ErrnoException)?.code === 'EISDIR') return null;
        throw new MediaStoreUnavailableError(`read ${key}`, error);
      }
    },
    async head(key) {
      try {
        const stat = await fs.stat(/*turbopackIgnore: true*/ fileOf(key));
        return stat.isFile() ? { size: stat.size, contentType: mediaContentType(key) ?? 'application/octet-stream', lastModified: stat.mtime } : null;
      } catch (error) {
        if (missing(error)) return null;
        throw new MediaStoreUnavailableError(`look up ${key}`, error);
      }
    },
    async remove(keys) {
      for (const key of keys) {
        try {
          await fs.rm(fileOf(key), { force: true });
        } catch (error) {
          throw new MediaStoreUnavailableError(`delete ${key}`, error);
        }
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// S3-compatible object storage

export type S3MediaConfig = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  prefix: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

/** The S3 settings from the environment, or null when media stay in the local folder. */
export function s3MediaConfig(env: Record<string, string | undefined> = process.env): S3MediaConfig | null {
  const bucket = env.MEDIA_S3_BUCKET?.trim();
  if (!bucket) return null;
  const accessKeyId = env.MEDIA_S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.MEDIA_S3_SECRET_ACCESS_KEY?.trim();
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) throw new Error('Set both MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY, or neither (then the AWS default credential chain is used).');
  const prefix = (env.MEDIA_S3_PREFIX ?? '').trim().replace(/^\/+/, '');
  return {
    bucket,
    region: env.MEDIA_S3_REGION?.trim() || env.AWS_REGION?.trim() || 'us-east-1',
    endpoint: env.MEDIA_S3_ENDPOINT?.trim() || undefined,
    forcePathStyle: /^(1|true|yes)$/i.test(env.MEDIA_S3_FORCE_PATH_STYLE?.trim() ?? ''),
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

type S3Failure = { name?: string; $metadata?: { httpStatusCode?: number } };
// A missing object is a 404; a missing bucket is also a 404 but means the store is misconfigured.
const notThere = (error: unknown) => (error as S3Failure)?.name !== 'NoSuchBucket' && ((error as S3Failure)?.name === 'NoSuchKey' || (error as S3Failure)?.name === 'NotFound' || (error as S3Failure)?.$metadata?.httpStatusCode === 404);

function s3Store(config: S3MediaConfig): MediaStore {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // S3-compatible servers (MinIO, Ceph, s3rver, R2...) do not all accept the newer default
    // checksums; ask for them only where S3 requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    // An unreachable store must fail an upload or a read within seconds, not hang the request.
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 30_000 },
  });
  const Bucket = config.bucket;
  const keyOf = (key: string) => `${config.prefix}${key}`;
  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      try {
        await client.send(new PutObjectCommand({ Bucket, Key: keyOf(key), Body: bytes, ContentType: contentType, ContentLength: bytes.length, CacheControl: IMMUTABLE }));
      } catch (error) {
        throw new MediaStoreUnavailableError(`write ${key}`, error);
      }
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }));
        const bytes = Buffer.from(await answer.Body!.transformToByteArray());
        const etag = answer.ETag ?? `"${crypto.createHash('md5').update(bytes).digest('hex')}"`;
        return { bytes, contentType: mediaContentType(key) ?? answer.ContentType ?? 'application/octet-stream', etag, lastModified: answer.LastModified ?? new Date(0) };
      } catch (error) {
        if (notThere(error)) return null;
        throw new MediaStoreUnavailableError(`read ${key}`, error);
      }
    },
    async head(key) {
      try {
        const answer = await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(key) }));
        return { size: answer.ContentLength ?? 0, contentType: mediaContentType(key) ?? answer.ContentType ?? 'application/octet-stream', lastModified: answer.LastModified ?? new Date(0) };
      } catch (error) {
        if (notThere(error)) return null;
        throw new MediaStoreUnavailableError(`look up ${key}`, error);
      }
    },
    async remove(keys) {
      for (let i = 0; i < keys.length; i += 1000) {
        const batch = keys.slice(i, i + 1000);
        try {
          const answer = await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: batch.map((k) => ({ Key: keyOf(k) })), Quiet: true } }));
          const failed = (answer.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
          if (failed.length) throw new Error(failed.map((e) => `${e.Key}: ${e.Code}`).join(', '));
        } catch (error) {
          throw new MediaStoreUnavailableError(`delete ${batch.join(', ')}`, error);
        }
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The one store of this process, chosen by the environment

const KEY = Symbol.for('broadsheet.mediaStore');
type G = typeof globalThis & { [KEY]?: { signature: string; store: MediaStore } };

/** The configured store. Rebuilt when the settings change (tests switch between stores). */
function mediaStore(): MediaStore {
  let config: S3MediaConfig | null;
  try {
    config = s3MediaConfig();
  } catch (error) {
    // Misconfigured: readers get the 503 of a store that does not answer, the log says why.
    throw new MediaStoreUnavailableError('be set up', error);
  }
  const signature = config ? JSON.stringify(config) : `local:${mediaDir()}`;
  const g = globalThis as G;
  if (g[KEY]?.signature !== signature) g[KEY] = { signature, store: config ? s3Store(config) : localStore() };
  return g[KEY].store;
}

/** 'local' or 's3': which store this process writes to. */
export function mediaStoreKind(): 'local' | 's3' {
  return mediaStore().kind;
}

function keyOrThrow(src: string): string {
  const key = mediaKey(src);
  if (!key) throw new Error(`Unsafe media path ${src}`);
  return key;
}

// Uploads write several files (original, derivatives) before the database row exists; a failure
// half-way must not leave the first ones behind. trackMediaWrites records what was written.
const writes = new AsyncLocalStorage<string[]>();

/** Runs work, adding to `written` the src of every file it writes (even a write that failed). */
export function trackMediaWrites<T>(written: string[], work: () => Promise<T>): Promise<T> {
  return writes.run(written, work);
}

export async function writeMediaFile(src: string, bytes: Buffer): Promise<void> {
  const key = keyOrThrow(src);
  // Recorded before the write: a PUT that timed out may still have been stored.
  writes.getStore()?.push(src);
  await mediaStore().put(key, bytes, mediaContentType(key) ?? 'application/octet-stream');
}

/** The stored file behind a /media/... URL, or null when there is none (or the path is not ours). */
export async function readMediaFile(src: string): Promise<MediaObject | null> {
  const key = mediaKey(src);
  return key ? mediaStore().get(key) : null;
}

/** Size, type and date of a stored file without its bytes, or null when there is none. */
export async function statMediaFile(src: string): Promise<MediaStat | null> {
  const key = mediaKey(src);
  return key ? mediaStore().head(key) : null;
}

/**
 * Where the social crop of an upload at a ratio is kept (made on first request by the /og/crop
 * route): beside the original, "<original>.og-16x9.jpg". Null for a path that is not an upload.
 */
export function mediaCropSrc(src: string, ratio: string): string | null {
  if (!mediaKey(src) || !Object.hasOwn(RATIOS, ratio)) return null;
  const crop = `${src}.og-${ratio}.jpg`;
  return mediaKey(crop) ? crop : null;
}

/** Removes files from the store, with the social crops made of them. */
export async function removeMediaFiles(srcs: string[]): Promise<void> {
  const withCrops = srcs.flatMap((src) => [src, ...Object.keys(RATIOS).map((ratio) => mediaCropSrc(src, ratio) ?? '')]);
  const keys = [...new Set(withCrops.map(mediaKey).filter((k): k is string => k !== null))];
  if (keys.length) await mediaStore().remove(keys);
}

/** removeMediaFiles for clean-up paths: never throws; what could not be removed is logged. */
export async function discardMediaFiles(srcs: string[]): Promise<void> {
  if (srcs.length === 0) return;
  try {
    await removeMediaFiles(srcs);
  } catch (error) {
    logger().warn({ err: error, srcs }, 'media files left behind: the store refused their removal (nothing refers to them)');
  }
}
