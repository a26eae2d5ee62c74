import 'server-only';
import crypto from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { discardMediaFiles, MediaStoreUnavailableError, readMediaFile, writeMediaFile } from '../media/storage';
import type { DryRunReport } from './import-job';
import { planImport } from './import-job';
import { unpackUploadsArchive } from './uploads-archive';

// The files an admin gives the dashboard's import (the WXR files, and the uploads folder as an
// archive), kept where every instance can read them: the media store (the local folder or the
// bucket), under import-private/<token>/, in parts of at most PART_BYTES (the store takes whole
// buffers, and a request body stays small). Nothing there is ever served: /media answers only
// image types, and these are .part and .json. The instance that runs the job copies them back to
// a temporary folder of its own (materialise). See docs/decisions/2026-12-02-wordpress-import-dashboard.md.

export const PART_BYTES = 4 * 1024 * 1024;
export const PRIVATE_PREFIX = 'import-private';
const MAX_PARTS = 20_000; // 80 GB

export type StoredFile = { name: string; parts: number; size: number };
export type StoredUpload = { token: string; files: StoredFile[]; uploads: StoredFile | null };
export type UploadManifest = StoredUpload & { plan: DryRunReport; uploadedBy: number; uploadedAt: string };

export class UploadInputError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'UploadInputError';
  }

  constructor(message: string) {
    super(message);
    this.name = 'UploadInputError';
  }
}

export const newUploadToken = () => crypto.randomBytes(16).toString('hex');
export const isUploadToken = (token: string) => /^[a-f0-9]{32}$/.test(token);

/** A name safe to write in a folder of ours and to show: its last part, plain characters only. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const clean = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 120);
  return clean || 'upload';
}

const partSrc = (token: string, file: number, part: number) => `/media/${PRIVATE_PREFIX}/${token}/${file}-${part}.part`;
const manifestSrc = (token: string) => `/media/${PRIVATE_PREFIX}/${token}/manifest.json`;

/** Stores one part of one file of an upload (file 0.. the WXR files, in order; the archive last). */
export async function storeUploadPart(token: string, file: number, part: number, bytes: Buffer): Promise<void> {
  if (!isUploadToken(token) || !Number.isInteger(file) || file < 0 || file > 99 || !Number.isInteger(part) || part < 0 || part >= MAX_PARTS) throw new UploadInputError('That upload request was malformed.');
  if (bytes.length > PART_BYTES) throw new UploadInputError(`A part of an upload is at most ${PART_BYTES} bytes.`);
  try {
    await writeMediaFile(partSrc(token, file, part), bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'EEXIST') throw new UploadInputError('That part was sent already: start the upload again.');
    throw error;
  }
}

/** Copies a stored file back, part after part, to `file`: one part in memory at a time. */
async function copyOut(token: string, index: number, stored: StoredFile, file: string): Promise<void> {
  const out = createWriteStream(/*turbopackIgnore: true*/ file);
  try {
    for (let part = 0; part < stored.parts; part++) {
      const object = await readMediaFile(partSrc(token, index, part));
      if (!object) throw new UploadInputError(`${stored.name} did not arrive whole (part ${part + 1} of ${stored.parts} is missing): upload it again.`);
      if (!out.write(object.bytes)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
}

/**
 * The upload's files in `dir`: the WXR files under their names, the uploads archive unpacked.
 * Returns the paths planImport and runImport read.
 */
export async function materialise(upload: StoredUpload, dir: string): Promise<{ files: string[]; uploadsDir: string | null }> {
  await mkdir(path.join(dir, 'export'), { recursive: true });
  const files: string[] = [];
  for (const [i, f] of upload.files.entries()) {
    // Numbered, so two files of a split export with one name stay two; the reader names the file in errors.
    const target = path.join(dir, 'export', upload.files.filter((g) => g.name === f.name).length > 1 ? `${i + 1}-${f.name}` : f.name);
    await copyOut(upload.token, i, f, target);
    files.push(target);
  }
  let uploadsDir: string | null = null;
  if (upload.uploads) {
    const archive = path.join(dir, upload.uploads.name);
    await copyOut(upload.token, upload.files.length, upload.uploads, archive);
    uploadsDir = (await unpackUploadsArchive(archive, path.join(dir, 'uploads'))).root;
    await rm(archive, { force: true });
  }
  return { files, uploadsDir };
}

/** Runs work on a fresh temporary folder, removed afterwards whatever happens. */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-import-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * The dry run of a stored upload, kept beside it (manifest.json) for the mapping page and the
 * start action, whichever instance they reach. A file that is not WXR, or an archive refused,
 * throws (WxrError, UploadsArchiveError) and nothing is kept but the parts.
 */
export async function analyseUpload(uploadedBy: number, upload: StoredUpload): Promise<UploadManifest> {
  if (!isUploadToken(upload.token) || upload.files.length === 0) throw new UploadInputError('Choose at least one WordPress export file (.xml or .xml.gz).');
  const plan = await withTempDir(async (dir) => {
    const local = await materialise(upload, dir);
    return planImport(local.files, local.uploadsDir);
  });
  const manifest: UploadManifest = { ...upload, plan, uploadedBy, uploadedAt: new Date().toISOString() };
  try {
    await writeMediaFile(manifestSrc(upload.token), Buffer.from(JSON.stringify(manifest)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'EEXIST') throw new UploadInputError('This upload was checked already: start a new one.');
    throw error;
  }
  return manifest;
}

/**
 * Removes an upload's parts and its dry run from the store: once its run has finished, nothing
 * reads them again (a failed run keeps them, to be resumed). Never throws: what the store refuses
 * is logged and left.
 */
export async function discardStoredUpload(upload: StoredUpload): Promise<void> {
  const files = [...upload.files, ...(upload.uploads ? [upload.uploads] : [])];
  const srcs = files.flatMap((f, i) => Array.from({ length: f.parts }, (_, part) => partSrc(upload.token, i, part)));
  await discardMediaFiles([...srcs, manifestSrc(upload.token)]);
}

/** The stored dry run of an upload, or null when there is none. */
export async function getUploadManifest(token: string): Promise<UploadManifest | null> {
  if (!isUploadToken(token)) return null;
  const object = await readMediaFile(manifestSrc(token));
  if (!object) return null;
  return JSON.parse(object.bytes.toString('utf8')) as UploadManifest;
}

export { MediaStoreUnavailableError };
