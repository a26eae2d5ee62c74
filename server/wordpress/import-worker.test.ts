import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { create as createTar } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { createImportRun, failImportRun, getImportRun, requeueImportRun } from '../../db/mutations/wordpress-import';
import { countRunWarnings, findClaimableStoredRun, findRunOfUpload } from '../../db/queries/wordpress-import';
import { articles, comments, importRuns, media, siteSettings } from '../../db/schema';
import { makeStaff } from '../../db/test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../../db/testing';
import type { Actor } from '../../lib/permissions';
import { mediaContentType, readMediaFile } from '../media/storage';
import { ImportStopped, runImport } from './import-job';
import { kickImports } from './import-worker';
import { analyseUpload, getUploadManifest, materialise, newUploadToken, PART_BYTES, storeUploadPart, withTempDir, type StoredUpload } from './stored-upload';
import { WxrError } from './wxr-reader';

// The dashboard's import on the database: files stored in parts in the media store, the dry run
// kept beside them, a run stopped half-way whose instance then "dies" (its lease left to run out)
// resumed by the worker the scheduler tick kicks, to the same end as a clean run; command-line
// runs and runs whose worker is alive are left alone. PGlite, and PostgreSQL with DATABASE_URL.

const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures/wordpress');
let db: Db;
let admin: Actor;
let mediaDir: string;
let work: string;

async function store(token: string, index: number, file: string): Promise<{ name: string; parts: number; size: number }> {
  const bytes = readFileSync(file);
  let part = 0;
  for (let at = 0; at < bytes.length; at += PART_BYTES) await storeUploadPart(token, index, part++, bytes.subarray(at, at + PART_BYTES));
  return { name: path.basename(file), parts: part, size: bytes.length };
}

async function until(check: () => Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  mediaDir = mkdtempSync(path.join(os.tmpdir(), 'import-worker-media-'));
  work = mkdtempSync(path.join(os.tmpdir(), 'import-worker-'));
  process.env.MEDIA_DIR = mediaDir;
  process.env.DB_HEALTH_INTERVAL_MS = '0';
  process.env.IMPORT_BATCH = '2';
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette', timeZone: 'Europe/London' });
  const a = await makeStaff(db, 'ada-admin', 'admin');
  admin = { id: a.id, role: a.role };
});
afterAll(async () => {
  await closeTestDatabase();
  rmSync(mediaDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('a dashboard import', () => {
  it('a file that is not an export is refused with its line and keeps no dry run', async () => {
    const token = newUploadToken();
    const upload: StoredUpload = { token, files: [await store(token, 0, path.join(fixtures, 'not-wxr.xml'))], uploads: null };
    await expect(analyseUpload(admin.id, upload)).rejects.toThrow(WxrError);
    await expect(analyseUpload(admin.id, upload)).rejects.toThrow(/not-wxr\.xml, line \d+/);
    expect(await getUploadManifest(token)).toBeNull();
    expect((await db.select({ n: count() }).from(importRuns))[0]!.n).toBe(0);
  });

  it('is stored privately, planned, stopped half-way, left by a dead instance, and resumed by the worker to the end', async () => {
    const tgz = path.join(work, 'uploads.tar.gz');
    await createTar({ gzip: true, file: tgz, cwd: fixtures }, ['uploads']);
    const token = newUploadToken();
    const upload: StoredUpload = { token, files: [await store(token, 0, path.join(fixtures, 'harbour-gazette.xml'))], uploads: await store(token, 1, tgz) };
    // Parts are not image types: /media never serves them.
    expect(mediaContentType(`/media/import-private/${token}/0-0.part`)).toBeNull();
    expect(mediaContentType(`/media/import-private/${token}/manifest.json`)).toBeNull();

    const manifest = await analyseUpload(admin.id, upload);
    expect(manifest.plan.counts).toMatchObject({ posts: 8, pages: 1, comments: 6, mediaImported: 2 });
    expect((await getUploadManifest(token))?.plan.counts.posts).toBe(8);

    const options = { ...manifest.plan.options, storedUpload: { token, files: manifest.files, uploads: manifest.uploads } };
    const id = await createImportRun(admin, { source: 'https://gazette.example', files: ['upload:x'], uploadsDir: null, options, plan: manifest.plan as never });
    // A command-line run (files on some machine's disk) is never the worker's.
    const cli = await createImportRun(admin, { source: 'https://other.example', files: ['/nowhere/export.xml'], uploadsDir: null, options: manifest.plan.options, plan: {} });
    expect(await findRunOfUpload(token)).toBe(id);

    // Stopped after three items, in this "instance"; then it dies holding the lease.
    await withTempDir(async (dir) => {
      await expect(runImport(id, { actor: admin, stopAfter: 3, prepare: () => materialise(upload, dir) })).rejects.toThrow(ImportStopped);
    });
    // The missing attachment is a note already: the progress shows warnings while the run goes on.
    expect(await countRunWarnings(id)).toBeGreaterThan(0);
    const future = new Date(Date.now() + 60_000);
    await db.update(importRuns).set({ status: 'running', leaseUntil: future }).where(eq(importRuns.id, id));
    expect(await findClaimableStoredRun()).toBeNull(); // its worker may still be alive
    await db.update(importRuns).set({ leaseUntil: new Date(Date.now() - 1000) }).where(eq(importRuns.id, id));
    expect(await findClaimableStoredRun()).toBe(id);

    kickImports(); // what every scheduler tick does
    await until(async () => (await getImportRun(id))?.status === 'done');
    const run = (await getImportRun(id))!;
    expect(run.counts).toMatchObject({ posts: 8, pages: 1, comments: 6, mediaImported: 2 });
    expect((await db.select({ n: count() }).from(articles))[0]!.n).toBe(9);
    expect((await db.select({ n: count() }).from(comments))[0]!.n).toBe(6);
    expect((await db.select({ n: count() }).from(media))[0]!.n).toBe(2);
    expect((run.report as { redirectsBroken?: number }).redirectsBroken).toBe(0);
    expect((await getImportRun(cli))?.status).toBe('pending');
    expect(await findClaimableStoredRun()).toBeNull();
    // Finished: its stored parts and dry run are removed (the run still names its upload).
    await until(async () => (await readMediaFile(`/media/import-private/${token}/manifest.json`)) === null);
    expect(await readMediaFile(`/media/import-private/${token}/0-0.part`)).toBeNull();
    expect(await findRunOfUpload(token)).toBe(id);
  });

  it('a failed dashboard run is put back in the queue by Resume; a failed command-line run is not', async () => {
    const options = { authors: {}, categories: {}, defaultSection: 'news', pagesSection: 'info', pingbacks: 'report' as const };
    const stored = await createImportRun(admin, { source: 'https://third.example', files: ['upload:y'], uploadsDir: null, options: { ...options, storedUpload: { token: newUploadToken(), files: [], uploads: null } } as never, plan: {} });
    const cli = await createImportRun(admin, { source: 'https://fourth.example', files: ['/x.xml'], uploadsDir: null, options, plan: {} });
    await failImportRun(stored, 'the file store was down');
    await failImportRun(cli, 'broken.xml, line 3');
    expect(await findClaimableStoredRun()).toBeNull();
    expect(await requeueImportRun(admin, cli)).toBe(false);
    expect(await requeueImportRun(admin, stored)).toBe(true);
    expect(await getImportRun(stored)).toMatchObject({ status: 'pending', error: null });
    expect(await findClaimableStoredRun()).toBe(stored);
    expect(await requeueImportRun(admin, stored)).toBe(false); // only a failed run
    await expect(requeueImportRun({ id: admin.id, role: 'editor' }, stored)).rejects.toThrow();
  });
});
