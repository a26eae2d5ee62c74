import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';

// Uploaded files live on local disk in MEDIA_DIR (default: beside the embedded database, or
// ./data/media), and are served by app/media/[...path]/route.ts at /media/<file>.

export function mediaDir(): string {
  if (process.env.MEDIA_DIR) return path.resolve(process.env.MEDIA_DIR);
  const pglite = process.env.PGLITE_DIR;
  if (pglite && pglite !== 'memory://' && !process.env.DATABASE_URL) return `${path.resolve(pglite)}-media`;
  return path.resolve(process.cwd(), 'data', 'media');
}

const SAFE = /^[a-z0-9][a-z0-9._-]*$/i;

/** The file on disk for a /media/... URL, or null when the path could escape the folder. */
export function mediaFilePath(src: string): string | null {
  if (!src.startsWith('/media/')) return null;
  const parts = src.slice('/media/'.length).split('/');
  if (parts.length < 1 || parts.length > 4 || !parts.every((p) => SAFE.test(p) && p !== '..' && p !== '.')) return null;
  const full = path.join(mediaDir(), ...parts);
  return full.startsWith(mediaDir() + path.sep) ? full : null;
}

export async function writeMediaFile(src: string, bytes: Buffer): Promise<void> {
  const file = mediaFilePath(src);
  if (!file) throw new Error(`Unsafe media path ${src}`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, bytes, { flag: 'wx' });
}

export async function removeMediaFiles(srcs: string[]): Promise<void> {
  for (const src of srcs) {
    const file = mediaFilePath(src);
    if (file) await fs.rm(file, { force: true });
  }
}
